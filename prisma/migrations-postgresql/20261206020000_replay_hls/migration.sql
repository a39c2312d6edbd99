-- CreateTable
CREATE TABLE "replay_hls" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "storagePath" TEXT NOT NULL,
    "egressId" TEXT,
    "egressStartedAt" TIMESTAMP(3),
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "replay_hls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "replay_hls_channelId_endedAt_idx" ON "replay_hls"("channelId", "endedAt");

-- CreateIndex
CREATE INDEX "replay_hls_endedAt_idx" ON "replay_hls"("endedAt");

-- CreateIndex
CREATE INDEX "replay_hls_egressId_idx" ON "replay_hls"("egressId");

