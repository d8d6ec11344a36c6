-- Issue 15: a consent signed for a time lapses after its last day (coveringConsentWhere), and the
-- coordinators see it coming on their "Att göra" list.
ALTER TABLE "Consent" ADD COLUMN "validUntil" DATE;
ALTER TABLE "Consent" ADD CONSTRAINT consent_valid_until_after_given CHECK ("validUntil" IS NULL OR "validUntil" >= "givenOn");
