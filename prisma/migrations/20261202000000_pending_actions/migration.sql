-- CreateTable
CREATE TABLE "pending_action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "channelId" TEXT,
    "userId" TEXT,
    "ingressId" TEXT,
    "targetId" TEXT,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT NOT NULL DEFAULT '',
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "pending_action_status_nextAttemptAt_idx" ON "pending_action"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "pending_action_createdAt_idx" ON "pending_action"("createdAt");
