-- AlterTable
ALTER TABLE "channel" ADD COLUMN     "autoDjEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "autoDjOrder" TEXT NOT NULL DEFAULT 'newest',
ADD COLUMN     "replayBroadcastId" TEXT,
ADD COLUMN     "replayDate" TIMESTAMP(3),
ADD COLUMN     "replayName" TEXT,
ADD COLUMN     "replaySessionId" TEXT;

