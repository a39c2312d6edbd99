-- AlterTable
ALTER TABLE "channel" ADD COLUMN     "autoDjSource" TEXT NOT NULL DEFAULT 'all';

-- AlterTable
ALTER TABLE "broadcast" ADD COLUMN     "autoDjPicked" BOOLEAN NOT NULL DEFAULT false;
