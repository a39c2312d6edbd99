-- AlterTable
ALTER TABLE "channel" ADD COLUMN "hlsRetentionDays" INTEGER;

-- CreateTable
CREATE TABLE "broadcast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "hosts" TEXT NOT NULL DEFAULT '[]',
    "storagePath" TEXT NOT NULL,
    "egressId" TEXT,
    "egressStartedAt" DATETIME,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastError" TEXT,
    "purgedAt" DATETIME,
    CONSTRAINT "broadcast_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "broadcast_channelId_endedAt_idx" ON "broadcast"("channelId", "endedAt");

-- CreateIndex
CREATE INDEX "broadcast_egressId_idx" ON "broadcast"("egressId");

