-- AlterTable (columns added in place: the table rebuild `migrate diff` proposes is not needed for this)
ALTER TABLE "channel" ADD COLUMN "autoDjEnabled" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "channel" ADD COLUMN "autoDjOrder" TEXT NOT NULL DEFAULT 'newest';
ALTER TABLE "channel" ADD COLUMN "replayBroadcastId" TEXT;
ALTER TABLE "channel" ADD COLUMN "replaySessionId" TEXT;
ALTER TABLE "channel" ADD COLUMN "replayName" TEXT;
ALTER TABLE "channel" ADD COLUMN "replayDate" DATETIME;
