-- Issue 14: sign-in through each agency's OpenID Connect IdP, and vetted access (the
-- confidentiality pledge, the needs-and-risk note per role, the periodic access review).
-- docs/decisions/013-agency-sign-in.md.
-- CreateEnum
CREATE TYPE "ClientAuthMethod" AS ENUM ('CLIENT_SECRET_BASIC', 'PRIVATE_KEY_JWT');

-- CreateEnum
CREATE TYPE "AccessReviewDecision" AS ENUM ('KEEP', 'REMOVE');

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "idTokenHint" TEXT,
ADD COLUMN     "identityProviderId" UUID;

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "accessReviewGraceDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "accessReviewMonths" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "passwordSignIn" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "accessReviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "agency" "Agency",
ADD COLUMN     "federatedSubject" TEXT,
ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "IdentityProvider" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "agency" "Agency" NOT NULL,
    "label" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientAuthMethod" "ClientAuthMethod" NOT NULL,
    "clientCredential" TEXT NOT NULL,
    "acceptedAcr" TEXT[],
    "subjectClaim" TEXT NOT NULL DEFAULT 'sub',
    "isTestProvider" BOOLEAN NOT NULL DEFAULT false,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "IdentityProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfidentialityPledge" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" UUID,

    CONSTRAINT "ConfidentialityPledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeAcceptance" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "pledgeId" UUID NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PledgeAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleNeedsNote" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "writtenById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleNeedsNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessReview" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "decision" "AccessReviewDecision" NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IdentityProvider_siteId_agency_key" ON "IdentityProvider"("siteId", "agency");

-- CreateIndex
CREATE UNIQUE INDEX "ConfidentialityPledge_siteId_version_key" ON "ConfidentialityPledge"("siteId", "version");

-- CreateIndex
CREATE INDEX "PledgeAcceptance_pledgeId_idx" ON "PledgeAcceptance"("pledgeId");

-- CreateIndex
CREATE UNIQUE INDEX "PledgeAcceptance_userId_pledgeId_key" ON "PledgeAcceptance"("userId", "pledgeId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleNeedsNote_siteId_role_version_key" ON "RoleNeedsNote"("siteId", "role", "version");

-- CreateIndex
CREATE INDEX "AccessReview_siteId_createdAt_idx" ON "AccessReview"("siteId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessReview_userId_createdAt_idx" ON "AccessReview"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_siteId_agency_federatedSubject_key" ON "User"("siteId", "agency", "federatedSubject");

-- AddForeignKey
ALTER TABLE "IdentityProvider" ADD CONSTRAINT "IdentityProvider_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfidentialityPledge" ADD CONSTRAINT "ConfidentialityPledge_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfidentialityPledge" ADD CONSTRAINT "ConfidentialityPledge_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeAcceptance" ADD CONSTRAINT "PledgeAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeAcceptance" ADD CONSTRAINT "PledgeAcceptance_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "ConfidentialityPledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleNeedsNote" ADD CONSTRAINT "RoleNeedsNote_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleNeedsNote" ADD CONSTRAINT "RoleNeedsNote_writtenById_fkey" FOREIGN KEY ("writtenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReview" ADD CONSTRAINT "AccessReview_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReview" ADD CONSTRAINT "AccessReview_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReview" ADD CONSTRAINT "AccessReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_identityProviderId_fkey" FOREIGN KEY ("identityProviderId") REFERENCES "IdentityProvider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The employing agency: the role's agency for the three agency roles (a check keeps it so).
-- MANAGER and ADMIN keep NULL until an administrator sets it; they can then be federated.
UPDATE "User" SET "agency" = role::text::"Agency" WHERE role IN ('POLICE', 'SOCIAL', 'PROBATION');
ALTER TABLE "User" ADD CONSTRAINT "User_agency_of_role"
  CHECK (role NOT IN ('POLICE', 'SOCIAL', 'PROBATION') OR ("agency" IS NOT NULL AND "agency"::text = role::text));
-- Every account has a way in. Accounts an administrator provisions for an IdP get no password
-- (lib/users); only the demo's accounts have both, to show both ways of signing in.
ALTER TABLE "User" ADD CONSTRAINT "User_a_way_in"
  CHECK ("passwordHash" IS NOT NULL OR "federatedSubject" IS NOT NULL);
ALTER TABLE "User" ADD CONSTRAINT "User_federated_has_agency"
  CHECK ("federatedSubject" IS NULL OR "agency" IS NOT NULL);
-- The review programme starts with this release: existing accounts are due a full interval from
-- now, not suspended on the day it is deployed for never having been reviewed.
UPDATE "User" SET "accessReviewedAt" = now();
ALTER TABLE "IdentityProvider" ADD CONSTRAINT "IdentityProvider_acr_required" CHECK (cardinality("acceptedAcr") > 0);
ALTER TABLE "AccessReview" ADD CONSTRAINT "AccessReview_note_required" CHECK (length(btrim(note)) > 0);
