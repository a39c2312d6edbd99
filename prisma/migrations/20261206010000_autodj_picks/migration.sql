-- AlterTable (columns added in place)
ALTER TABLE "channel" ADD COLUMN "autoDjSource" TEXT NOT NULL DEFAULT 'all';
ALTER TABLE "broadcast" ADD COLUMN "autoDjPicked" BOOLEAN NOT NULL DEFAULT false;
