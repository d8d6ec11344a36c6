-- CreateEnum
CREATE TYPE "ExtractRequester" AS ENUM ('DATA_SUBJECT', 'GUARDIAN', 'REPRESENTATIVE');

-- CreateEnum
CREATE TYPE "IdentityCheck" AS ENUM ('IN_PERSON_ID_DOCUMENT', 'E_IDENTIFICATION', 'CERTIFIED_ID_COPY_BY_POST', 'OTHER');

-- CreateEnum
CREATE TYPE "ExtractRequestStatus" AS ENUM ('REGISTERED', 'APPROVED', 'REJECTED', 'PRODUCED');

-- CreateTable
CREATE TABLE "RegisterExtractRequest" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "requester" "ExtractRequester" NOT NULL,
    "requesterName" TEXT,
    "receivedOn" DATE NOT NULL,
    "identityCheck" "IdentityCheck" NOT NULL,
    "identityCheckNote" TEXT,
    "reference" TEXT NOT NULL,
    "status" "ExtractRequestStatus" NOT NULL DEFAULT 'REGISTERED',
    "registeredById" UUID NOT NULL,
    "registeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "producedById" UUID,
    "producedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RegisterExtractRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegisterExtractRequest_siteId_status_registeredAt_idx" ON "RegisterExtractRequest"("siteId", "status", "registeredAt");

-- CreateIndex
CREATE INDEX "RegisterExtractRequest_personId_registeredAt_idx" ON "RegisterExtractRequest"("personId", "registeredAt");

-- AddForeignKey
ALTER TABLE "RegisterExtractRequest" ADD CONSTRAINT "RegisterExtractRequest_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterExtractRequest" ADD CONSTRAINT "RegisterExtractRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterExtractRequest" ADD CONSTRAINT "RegisterExtractRequest_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterExtractRequest" ADD CONSTRAINT "RegisterExtractRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterExtractRequest" ADD CONSTRAINT "RegisterExtractRequest_producedById_fkey" FOREIGN KEY ("producedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants of an access request the database keeps whatever the application does
-- (docs/decisions/007, "Register extract: four eyes, produced once").
ALTER TABLE "RegisterExtractRequest"
  -- A name only for someone other than the person, and always for them.
  ADD CONSTRAINT register_extract_requester_name CHECK (("requester" = 'DATA_SUBJECT') = ("requesterName" IS NULL)),
  -- "Other" says how; the closed codes need no note.
  ADD CONSTRAINT register_extract_identity_note CHECK (("identityCheck" = 'OTHER') = ("identityCheckNote" IS NOT NULL)),
  -- Decided exactly when the status is past REGISTERED, by whom and when.
  ADD CONSTRAINT register_extract_decided CHECK (("status" <> 'REGISTERED') = ("decidedById" IS NOT NULL) AND ("decidedById" IS NULL) = ("decidedAt" IS NULL)),
  -- Four eyes: the one who decides is never the one who registered.
  ADD CONSTRAINT register_extract_four_eyes CHECK ("decidedById" IS NULL OR "decidedById" <> "registeredById"),
  -- A rejection gives its reason.
  ADD CONSTRAINT register_extract_rejection_reason CHECK ("status" <> 'REJECTED' OR "decisionNote" IS NOT NULL),
  -- Produced exactly when the status says so, by whom and when.
  ADD CONSTRAINT register_extract_produced CHECK (("status" = 'PRODUCED') = ("producedById" IS NOT NULL) AND ("producedById" IS NULL) = ("producedAt" IS NULL));

-- The flow REGISTERED → APPROVED | REJECTED, APPROVED → PRODUCED, and nothing else: a produced
-- request was approved, and an extract is produced once. A status is the row's history, so what
-- was registered, decided and produced (who, when, about whom) never changes afterwards; only the
-- free texts may be emptied (retention's anonymisation).
CREATE FUNCTION register_extract_request_flow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."siteId" <> OLD."siteId" OR NEW."personId" <> OLD."personId" OR NEW."registeredById" <> OLD."registeredById"
     OR NEW."registeredAt" <> OLD."registeredAt" OR NEW."reference" <> OLD."reference" OR NEW."requester" <> OLD."requester"
     OR NEW."identityCheck" <> OLD."identityCheck" OR NEW."receivedOn" <> OLD."receivedOn" THEN
    RAISE EXCEPTION 'RegisterExtractRequest: the registration cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."status" IS DISTINCT FROM OLD."status" AND NOT (
       (OLD."status" = 'REGISTERED' AND NEW."status" IN ('APPROVED', 'REJECTED'))
    OR (OLD."status" = 'APPROVED' AND NEW."status" = 'PRODUCED')) THEN
    RAISE EXCEPTION 'RegisterExtractRequest: % to % refused', OLD."status", NEW."status" USING ERRCODE = 'check_violation';
  END IF;
  IF (OLD."decidedById" IS NOT NULL AND (NEW."decidedById" IS DISTINCT FROM OLD."decidedById" OR NEW."decidedAt" IS DISTINCT FROM OLD."decidedAt"))
     OR (OLD."producedById" IS NOT NULL AND (NEW."producedById" IS DISTINCT FROM OLD."producedById" OR NEW."producedAt" IS DISTINCT FROM OLD."producedAt")) THEN
    RAISE EXCEPTION 'RegisterExtractRequest: a decision or a production cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER register_extract_request_flow BEFORE UPDATE ON "RegisterExtractRequest"
  FOR EACH ROW EXECUTE FUNCTION register_extract_request_flow();
