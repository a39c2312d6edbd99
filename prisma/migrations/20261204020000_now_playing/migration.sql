-- AlterTable
ALTER TABLE "broadcast" ADD COLUMN "showTitle" TEXT;
ALTER TABLE "broadcast" ADD COLUMN "peakListeners" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "track" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "broadcastId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    CONSTRAINT "track_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "broadcast" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "track_broadcastId_startedAt_idx" ON "track"("broadcastId", "startedAt");
