-- CreateTable
CREATE TABLE "ingress_endpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "inputType" TEXT NOT NULL,
    "ingressId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "keyCreatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ingress_endpoint_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ingress_endpoint_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ingress_endpoint_ingressId_key" ON "ingress_endpoint"("ingressId");

-- CreateIndex
CREATE INDEX "ingress_endpoint_userId_idx" ON "ingress_endpoint"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ingress_endpoint_channelId_userId_inputType_key" ON "ingress_endpoint"("channelId", "userId", "inputType");

