-- CreateTable
CREATE TABLE "tempo_point" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "broadcastId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "bpm" REAL,
    "confidence" REAL,
    CONSTRAINT "tempo_point_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "broadcast" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "tempo_point_broadcastId_at_idx" ON "tempo_point"("broadcastId", "at");

