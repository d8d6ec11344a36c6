-- DropIndex
DROP INDEX "CustomNotification_siteId_occurredAt_idx";

-- DropIndex
DROP INDEX "Incident_siteId_occurredAt_idx";

-- DropIndex
DROP INDEX "Referral_personId_idx";

-- CreateTable
CREATE TABLE "CaseloadCount" (
    "siteId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "agency" "Agency" NOT NULL,
    "people" INTEGER NOT NULL,

    CONSTRAINT "CaseloadCount_pkey" PRIMARY KEY ("userId","agency")
);

-- CreateIndex
CREATE INDEX "CaseloadCount_siteId_idx" ON "CaseloadCount"("siteId");

-- CreateIndex
CREATE INDEX "CustomNotification_siteId_occurredAt_personId_outcome_asked_idx" ON "CustomNotification"("siteId", "occurredAt", "personId", "outcome", "askedForHelpOnSite");

-- CreateIndex
CREATE INDEX "FollowUp_siteId_doneAt_dueOn_assignedToId_idx" ON "FollowUp"("siteId", "doneAt", "dueOn", "assignedToId");

-- CreateIndex
CREATE INDEX "Incident_siteId_occurredAt_type_groupMemberInvolvement_idx" ON "Incident"("siteId", "occurredAt", "type", "groupMemberInvolvement");

-- CreateIndex
CREATE INDEX "Referral_personId_referredAt_idx" ON "Referral"("personId", "referredAt");

-- CreateIndex
CREATE INDEX "Referral_siteId_closedAt_idx" ON "Referral"("siteId", "closedAt");

-- ───── CaseloadCount: kept up to date by triggers (an incrementally maintained summary) ─────
-- An assignment counts while it has not ended and its person is not anonymised. Each change to
-- an assignment, or a person's anonymisation, moves the count of the coordinator(s) concerned in
-- the same transaction, so the dashboard never reads a stale figure.

CREATE FUNCTION dashboard_caseload_add(site uuid, coordinator uuid, agency_ "Agency", delta int) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "CaseloadCount" ("siteId", "userId", agency, people) VALUES (site, coordinator, agency_, delta)
  ON CONFLICT ("userId", agency) DO UPDATE SET people = "CaseloadCount".people + EXCLUDED.people;
$$;

CREATE FUNCTION dashboard_caseload_on_assignment() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."endedAt" IS NULL
     AND EXISTS (SELECT 1 FROM "Person" p WHERE p.id = OLD."personId" AND p."anonymisedAt" IS NULL) THEN
    PERFORM dashboard_caseload_add(OLD."siteId", OLD."userId", OLD.agency, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."endedAt" IS NULL
     AND EXISTS (SELECT 1 FROM "Person" p WHERE p.id = NEW."personId" AND p."anonymisedAt" IS NULL) THEN
    PERFORM dashboard_caseload_add(NEW."siteId", NEW."userId", NEW.agency, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_caseload_on_assignment AFTER INSERT OR UPDATE OR DELETE ON "Assignment"
  FOR EACH ROW EXECUTE FUNCTION dashboard_caseload_on_assignment();

CREATE FUNCTION dashboard_caseload_on_person() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD."anonymisedAt" IS NULL) <> (NEW."anonymisedAt" IS NULL) THEN
    PERFORM dashboard_caseload_add(a."siteId", a."userId", a.agency, CASE WHEN NEW."anonymisedAt" IS NULL THEN 1 ELSE -1 END)
    FROM "Assignment" a WHERE a."personId" = NEW.id AND a."endedAt" IS NULL;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_caseload_on_person AFTER UPDATE OF "anonymisedAt" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION dashboard_caseload_on_person();

CREATE FUNCTION dashboard_caseload_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CaseloadCount";
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_caseload_on_truncate AFTER TRUNCATE ON "Assignment"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_caseload_on_truncate();

-- Recomputes the summary from the assignments: after a bulk load with triggers off, or as a repair.
CREATE FUNCTION dashboard_rebuild_caseload_counts() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "CaseloadCount";
  INSERT INTO "CaseloadCount" ("siteId", "userId", agency, people)
  SELECT a."siteId", a."userId", a.agency, count(*)::int
  FROM "Assignment" a JOIN "Person" p ON p.id = a."personId" AND p."anonymisedAt" IS NULL
  WHERE a."endedAt" IS NULL
  GROUP BY a."siteId", a."userId", a.agency;
$$;

-- Assignments made before this migration.
SELECT dashboard_rebuild_caseload_counts();
