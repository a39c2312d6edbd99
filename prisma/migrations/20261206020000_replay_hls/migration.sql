-- CreateTable
CREATE TABLE "replay_hls" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "storagePath" TEXT NOT NULL,
    "egressId" TEXT,
    "egressStartedAt" DATETIME,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastError" TEXT
);

-- CreateIndex
CREATE INDEX "replay_hls_channelId_endedAt_idx" ON "replay_hls"("channelId", "endedAt");

-- CreateIndex
CREATE INDEX "replay_hls_endedAt_idx" ON "replay_hls"("endedAt");

-- CreateIndex
CREATE INDEX "replay_hls_egressId_idx" ON "replay_hls"("egressId");

