-- AlterTable
ALTER TABLE "channel" ADD COLUMN     "replayCutAt" DOUBLE PRECISION;
