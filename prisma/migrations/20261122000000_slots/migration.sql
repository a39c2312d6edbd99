-- CreateTable
CREATE TABLE "channel_dj" (
    "channelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("channelId", "userId"),
    CONSTRAINT "channel_dj_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "channel_dj_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "slot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "startLocal" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "repeatWeeks" INTEGER,
    "repeatUntil" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "slot_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "slot_host" (
    "slotId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("slotId", "userId"),
    CONSTRAINT "slot_host_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "slot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "slot_host_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "slot_exception" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slotId" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "movedStartLocal" TEXT,
    "movedDurationSeconds" INTEGER,
    CONSTRAINT "slot_exception_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "slot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "publish_block" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "until" DATETIME NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "publish_block_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "channelId" TEXT,
    "channelName" TEXT,
    "detail" TEXT NOT NULL DEFAULT ''
);

-- AlterTable
ALTER TABLE "channel" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateIndex
CREATE INDEX "channel_dj_userId_idx" ON "channel_dj"("userId");

-- CreateIndex
CREATE INDEX "slot_channelId_idx" ON "slot"("channelId");

-- CreateIndex
CREATE INDEX "slot_host_userId_idx" ON "slot_host"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "slot_exception_slotId_occurrence_key" ON "slot_exception"("slotId", "occurrence");

-- CreateIndex
CREATE INDEX "publish_block_channelId_userId_until_idx" ON "publish_block"("channelId", "userId", "until");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- CreateIndex
CREATE INDEX "audit_entry_channelId_at_idx" ON "audit_entry"("channelId", "at");

-- CreateIndex
CREATE INDEX "audit_entry_action_at_idx" ON "audit_entry"("action", "at");

