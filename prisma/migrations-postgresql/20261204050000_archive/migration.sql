-- AlterTable
ALTER TABLE "channel" ADD COLUMN     "archiveEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "broadcast" ADD COLUMN     "archiveAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "archiveBytes" INTEGER,
ADD COLUMN     "archiveError" TEXT,
ADD COLUMN     "archiveNextAt" TIMESTAMP(3),
ADD COLUMN     "archiveSeconds" DOUBLE PRECISION,
ADD COLUMN     "archiveTimeline" TEXT,
ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "hiddenPath" TEXT,
ADD COLUMN     "tempoMedian" DOUBLE PRECISION;

-- CreateIndex
CREATE INDEX "broadcast_channelId_archivedAt_idx" ON "broadcast"("channelId", "archivedAt");

