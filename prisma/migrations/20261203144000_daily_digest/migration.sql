-- Issue 15: the daily e-mail digest (counts and a link, never personal data), switched off per user,
-- and one delivery per user and day, whichever worker or retry sends it.
ALTER TABLE "User" ADD COLUMN "digestEnabled" BOOLEAN NOT NULL DEFAULT true;

CREATE TABLE "DigestDelivery" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "counts" JSONB NOT NULL,

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "DigestDelivery_userId_day_key" ON "DigestDelivery"("userId", "day");
CREATE INDEX "DigestDelivery_siteId_day_idx" ON "DigestDelivery"("siteId", "day");

ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
