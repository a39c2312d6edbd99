-- CreateTable
CREATE TABLE "push_subscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "push_subscription_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "push_sent" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "push_sent_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "push_subscription_channelId_idx" ON "push_subscription"("channelId");

-- CreateIndex
CREATE UNIQUE INDEX "push_subscription_endpoint_channelId_key" ON "push_subscription"("endpoint", "channelId");

-- CreateIndex
CREATE INDEX "push_sent_channelId_sentAt_idx" ON "push_sent"("channelId", "sentAt");

