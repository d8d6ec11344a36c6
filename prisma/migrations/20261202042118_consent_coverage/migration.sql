-- A consent opens an agency's information only if that agency recorded or confirmed it (issue
-- "close the holes an insider finds", 1; docs/decisions/008). Until now any agency could record a
-- consent naming any agencies, and it opened every agency's information to every other: police
-- could record one and read social services' referrals. What a consent covers becomes codes
-- (ConsentCoverage), and each holding agency's confirmation a row of its own (ConsentConfirmation).

CREATE TYPE "ConsentInfoKind" AS ENUM ('REFERRAL_STATUS', 'SUPPORT_MEASURE_STATUS', 'FOLLOW_UP');
CREATE TYPE "ConsentConfirmationStatus" AS ENUM ('REQUESTED', 'CONFIRMED', 'DECLINED');

CREATE TABLE "ConsentCoverage" (
    "consentId" UUID NOT NULL,
    "fromAgency" "Agency" NOT NULL,
    "kind" "ConsentInfoKind" NOT NULL,
    "toAgency" "Agency" NOT NULL,

    CONSTRAINT "ConsentCoverage_pkey" PRIMARY KEY ("consentId","fromAgency","kind","toAgency")
);

CREATE TABLE "ConsentConfirmation" (
    "id" UUID NOT NULL,
    "consentId" UUID NOT NULL,
    "agency" "Agency" NOT NULL,
    "status" "ConsentConfirmationStatus" NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ConsentConfirmation_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ConsentConfirmation_agency_status_idx" ON "ConsentConfirmation"("agency", "status");
CREATE UNIQUE INDEX "ConsentConfirmation_consentId_agency_key" ON "ConsentConfirmation"("consentId", "agency");

ALTER TABLE "ConsentCoverage" ADD CONSTRAINT "ConsentCoverage_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConsentConfirmation" ADD CONSTRAINT "ConsentConfirmation_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConsentConfirmation" ADD CONSTRAINT "ConsentConfirmation_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Only the combinations the app shows under consent (lib/consent/coverage.ts): referral and
-- support-measure status are social services' and go to police or probation; follow-ups go
-- between social services and probation (the police see no follow-ups, consent or not).
ALTER TABLE "ConsentCoverage" ADD CONSTRAINT consent_coverage_combination CHECK (
  ("kind" IN ('REFERRAL_STATUS', 'SUPPORT_MEASURE_STATUS') AND "fromAgency" = 'SOCIAL' AND "toAgency" IN ('POLICE', 'PROBATION'))
  OR ("kind" = 'FOLLOW_UP' AND "fromAgency" IN ('SOCIAL', 'PROBATION') AND "toAgency" IN ('SOCIAL', 'PROBATION') AND "fromAgency" <> "toAgency")
);
-- A decision names who made it and when; a request names neither.
ALTER TABLE "ConsentConfirmation" ADD CONSTRAINT consent_confirmation_decided CHECK (
  ("status" = 'REQUESTED') = ("decidedAt" IS NULL AND "decidedById" IS NULL)
);

-- Existing consents: the agency that recorded each is its creator's agency.
ALTER TABLE "Consent" ADD COLUMN "recordedByAgency" "Agency";
UPDATE "Consent" c SET "recordedByAgency" = u.role::text::"Agency"
FROM "User" u WHERE u.id = c."createdById" AND u.role::text IN ('POLICE', 'SOCIAL', 'PROBATION');
-- A consent recorded by a user without an agency cannot have been made in the app; it keeps
-- nothing open (no confirmation below) and is marked as social services' record.
UPDATE "Consent" SET "recordedByAgency" = 'SOCIAL' WHERE "recordedByAgency" IS NULL;
ALTER TABLE "Consent" ALTER COLUMN "recordedByAgency" SET NOT NULL;

-- Their coverage: every combination between the agencies they named, as they were read before.
INSERT INTO "ConsentCoverage" ("consentId", "fromAgency", "kind", "toAgency")
SELECT c.id, k."fromAgency"::"Agency", k.kind::"ConsentInfoKind", k."toAgency"::"Agency"
FROM "Consent" c
JOIN (VALUES
  ('SOCIAL', 'REFERRAL_STATUS', 'POLICE'),
  ('SOCIAL', 'REFERRAL_STATUS', 'PROBATION'),
  ('SOCIAL', 'SUPPORT_MEASURE_STATUS', 'POLICE'),
  ('SOCIAL', 'SUPPORT_MEASURE_STATUS', 'PROBATION'),
  ('SOCIAL', 'FOLLOW_UP', 'PROBATION'),
  ('PROBATION', 'FOLLOW_UP', 'SOCIAL')
) AS k("fromAgency", kind, "toAgency")
  ON c.agencies @> ARRAY[k."fromAgency"::"Agency", k."toAgency"::"Agency"];

-- Their confirmations: only the recording agency's own information counts as confirmed. Another
-- agency's information that such a consent named is asked of that agency, and stays closed until
-- it confirms: a consent recorded by the wrong agency opens nothing of the right one's.
INSERT INTO "ConsentConfirmation" ("id", "consentId", "agency", "status", "requestedAt", "decidedAt", "decidedById")
SELECT gen_random_uuid(), cov."consentId", cov."fromAgency",
       CASE WHEN cov."fromAgency" = c."recordedByAgency" AND u.role::text = c."recordedByAgency"::text
            THEN 'CONFIRMED'::"ConsentConfirmationStatus" ELSE 'REQUESTED'::"ConsentConfirmationStatus" END,
       c."createdAt",
       CASE WHEN cov."fromAgency" = c."recordedByAgency" AND u.role::text = c."recordedByAgency"::text THEN c."createdAt" END,
       CASE WHEN cov."fromAgency" = c."recordedByAgency" AND u.role::text = c."recordedByAgency"::text THEN c."createdById" END
FROM (SELECT DISTINCT "consentId", "fromAgency" FROM "ConsentCoverage") cov
JOIN "Consent" c ON c.id = cov."consentId"
JOIN "User" u ON u.id = c."createdById";

-- The free-text scope was never checked and the agency list opened everything to everyone: both
-- are replaced by the coverage codes above.
ALTER TABLE "Consent" DROP COLUMN "agencies", DROP COLUMN "scope";
