-- Issue 16: moving a file with the person (docs/decisions/016-site-transfer.md).

-- CreateEnum
CREATE TYPE "FileTransferStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "transferredAt" TIMESTAMPTZ(3),
ADD COLUMN     "transferredToSiteId" UUID;

-- CreateTable
CREATE TABLE "FileTransfer" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "toSiteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "receivedPersonId" UUID,
    "status" "FileTransferStatus" NOT NULL DEFAULT 'REQUESTED',
    "consentReference" TEXT NOT NULL,
    "consentGivenOn" DATE NOT NULL,
    "carriesPlan" BOOLEAN NOT NULL DEFAULT false,
    "carriesReferrals" BOOLEAN NOT NULL DEFAULT false,
    "carriesSupportMeasures" BOOLEAN NOT NULL DEFAULT false,
    "carried" JSONB,
    "declineNote" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "FileTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FileTransfer_toSiteId_status_createdAt_idx" ON "FileTransfer"("toSiteId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "FileTransfer_siteId_status_createdAt_idx" ON "FileTransfer"("siteId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "FileTransfer_personId_idx" ON "FileTransfer"("personId");

-- CreateIndex
CREATE INDEX "FileTransfer_receivedPersonId_idx" ON "FileTransfer"("receivedPersonId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_transferredToSiteId_fkey" FOREIGN KEY ("transferredToSiteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileTransfer" ADD CONSTRAINT "FileTransfer_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileTransfer" ADD CONSTRAINT "FileTransfer_toSiteId_fkey" FOREIGN KEY ("toSiteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileTransfer" ADD CONSTRAINT "FileTransfer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileTransfer" ADD CONSTRAINT "FileTransfer_receivedPersonId_fkey" FOREIGN KEY ("receivedPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileTransfer" ADD CONSTRAINT "FileTransfer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileTransfer" ADD CONSTRAINT "FileTransfer_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one unanswered transfer per person: a second request would race the first acceptance.
CREATE UNIQUE INDEX "FileTransfer_open_person_key" ON "FileTransfer"("personId") WHERE "status" = 'REQUESTED';

-- A transfer goes to another site; an answer has who and when; only an accepted one has a
-- receiving person; carried support measures belong to carried referrals.
ALTER TABLE "FileTransfer" ADD CONSTRAINT file_transfer_other_site CHECK ("toSiteId" <> "siteId");
ALTER TABLE "FileTransfer" ADD CONSTRAINT file_transfer_decided CHECK (
  ("status" IN ('REQUESTED', 'CANCELLED')) OR ("decidedAt" IS NOT NULL AND "decidedById" IS NOT NULL));
ALTER TABLE "FileTransfer" ADD CONSTRAINT file_transfer_received CHECK (("status" = 'ACCEPTED') = ("receivedPersonId" IS NOT NULL));
ALTER TABLE "FileTransfer" ADD CONSTRAINT file_transfer_measures_with_referrals CHECK (NOT "carriesSupportMeasures" OR "carriesReferrals");
-- A closed record says where the file went.
ALTER TABLE "Person" ADD CONSTRAINT person_transferred CHECK (("transferredAt" IS NULL) = ("transferredToSiteId" IS NULL));
