-- AlterTable
ALTER TABLE "channel" ADD COLUMN "archiveEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "broadcast" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "broadcast" ADD COLUMN "archiveSeconds" REAL;
ALTER TABLE "broadcast" ADD COLUMN "archiveBytes" INTEGER;
ALTER TABLE "broadcast" ADD COLUMN "archiveTimeline" TEXT;
ALTER TABLE "broadcast" ADD COLUMN "archiveAttempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "broadcast" ADD COLUMN "archiveNextAt" DATETIME;
ALTER TABLE "broadcast" ADD COLUMN "archiveError" TEXT;
ALTER TABLE "broadcast" ADD COLUMN "tempoMedian" REAL;
ALTER TABLE "broadcast" ADD COLUMN "hiddenAt" DATETIME;
ALTER TABLE "broadcast" ADD COLUMN "hiddenPath" TEXT;
ALTER TABLE "broadcast" ADD COLUMN "deletedAt" DATETIME;

-- CreateIndex
CREATE INDEX "broadcast_channelId_archivedAt_idx" ON "broadcast"("channelId", "archivedAt");
