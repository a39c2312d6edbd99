-- AlterTable
ALTER TABLE "channel" ADD COLUMN "replayCutAt" REAL;
