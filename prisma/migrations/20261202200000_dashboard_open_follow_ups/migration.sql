-- ───── OpenFollowUpCount: open follow-ups per officer, kept up to date by triggers ─────
-- The dashboard's overdue follow-ups read every open follow-up due before today, a backlog that
-- only grows where follow-ups are never closed (20,000 rows at 100k people in the scale data,
-- 15–35 ms, issue 13). Open follow-ups per officer and agency add up, so they are counted ahead
-- like CaseloadCount; "overdue" is that count minus the open ones not yet due (today or later:
-- the few planned ahead, read from FollowUp_open_siteId_dueOn_idx). A follow-up counts while it
-- is not done and its person is not anonymised (the dashboard's rule for current figures).

CREATE TABLE "OpenFollowUpCount" (
    "siteId" UUID NOT NULL,
    "assignedToId" UUID NOT NULL,
    "agency" "Agency" NOT NULL,
    "open" INTEGER NOT NULL,

    CONSTRAINT "OpenFollowUpCount_pkey" PRIMARY KEY ("siteId", "assignedToId", "agency")
);

CREATE FUNCTION dashboard_open_follow_up_add(site uuid, officer uuid, agency_ "Agency", delta int) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "OpenFollowUpCount" ("siteId", "assignedToId", agency, open) VALUES (site, officer, agency_, delta)
  ON CONFLICT ("siteId", "assignedToId", agency) DO UPDATE SET open = "OpenFollowUpCount".open + EXCLUDED.open;
$$;

CREATE FUNCTION dashboard_open_follow_up_on_follow_up() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."doneAt" IS NULL
     AND EXISTS (SELECT 1 FROM "Person" p WHERE p.id = OLD."personId" AND p."anonymisedAt" IS NULL) THEN
    PERFORM dashboard_open_follow_up_add(OLD."siteId", OLD."assignedToId", OLD.agency, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."doneAt" IS NULL
     AND EXISTS (SELECT 1 FROM "Person" p WHERE p.id = NEW."personId" AND p."anonymisedAt" IS NULL) THEN
    PERFORM dashboard_open_follow_up_add(NEW."siteId", NEW."assignedToId", NEW.agency, 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_open_follow_up_on_follow_up
  AFTER INSERT OR DELETE OR UPDATE OF "siteId", "assignedToId", agency, "doneAt", "personId"
  ON "FollowUp" FOR EACH ROW EXECUTE FUNCTION dashboard_open_follow_up_on_follow_up();

CREATE FUNCTION dashboard_open_follow_up_on_person() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD."anonymisedAt" IS NULL) <> (NEW."anonymisedAt" IS NULL) THEN
    PERFORM dashboard_open_follow_up_add(f."siteId", f."assignedToId", f.agency, CASE WHEN NEW."anonymisedAt" IS NULL THEN 1 ELSE -1 END)
    FROM "FollowUp" f WHERE f."personId" = NEW.id AND f."doneAt" IS NULL;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_open_follow_up_on_person AFTER UPDATE OF "anonymisedAt" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION dashboard_open_follow_up_on_person();

-- Recomputes the summary from the follow-ups: after a bulk load with triggers off, or as a repair.
CREATE FUNCTION dashboard_rebuild_open_follow_ups() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "OpenFollowUpCount";
  INSERT INTO "OpenFollowUpCount" ("siteId", "assignedToId", agency, open)
  SELECT f."siteId", f."assignedToId", f.agency, count(*)::int
  FROM "FollowUp" f JOIN "Person" p ON p.id = f."personId" AND p."anonymisedAt" IS NULL
  WHERE f."doneAt" IS NULL
  GROUP BY f."siteId", f."assignedToId", f.agency;
$$;

CREATE FUNCTION dashboard_open_follow_up_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$ BEGIN PERFORM dashboard_rebuild_open_follow_ups(); RETURN NULL; END $$;

CREATE TRIGGER dashboard_open_follow_up_on_truncate AFTER TRUNCATE ON "FollowUp"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_open_follow_up_on_truncate();

-- Follow-ups made before this migration.
SELECT dashboard_rebuild_open_follow_ups();
