-- CreateTable
CREATE TABLE "station_settings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'station',
    "name" TEXT NOT NULL,
    "tagline" TEXT NOT NULL DEFAULT '',
    "accent" TEXT,
    "logo" BLOB,
    "logoType" TEXT,
    "updatedAt" DATETIME NOT NULL
);
