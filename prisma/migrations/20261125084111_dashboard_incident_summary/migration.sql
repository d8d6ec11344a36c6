-- DropIndex
DROP INDEX "CustomNotification_personId_occurredAt_idx";

-- CreateTable
CREATE TABLE "IncidentMonthCount" (
    "siteId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "type" "IncidentType" NOT NULL,
    "groupMemberInvolvement" "GroupMemberInvolvement" NOT NULL,
    "incidents" INTEGER NOT NULL,

    CONSTRAINT "IncidentMonthCount_pkey" PRIMARY KEY ("siteId","month","type","groupMemberInvolvement")
);

-- CreateIndex
CREATE INDEX "CustomNotification_personId_occurredAt_outcome_idx" ON "CustomNotification"("personId", "occurredAt", "outcome");

-- ───── IncidentMonthCount: kept up to date by triggers (an incrementally maintained summary) ─────
-- The month is the one of the Swedish calendar in which the incident occurred.

CREATE FUNCTION dashboard_incident_month(at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', at AT TIME ZONE 'Europe/Stockholm')::date $$;

CREATE FUNCTION dashboard_incident_add(site uuid, at timestamptz, kind "IncidentType", gmi "GroupMemberInvolvement", delta int) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "IncidentMonthCount" ("siteId", month, type, "groupMemberInvolvement", incidents)
  VALUES (site, dashboard_incident_month(at), kind, gmi, delta)
  ON CONFLICT ("siteId", month, type, "groupMemberInvolvement")
  DO UPDATE SET incidents = "IncidentMonthCount".incidents + EXCLUDED.incidents;
$$;

CREATE FUNCTION dashboard_incident_on_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dashboard_incident_add(OLD."siteId", OLD."occurredAt", OLD.type, OLD."groupMemberInvolvement", -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_incident_add(NEW."siteId", NEW."occurredAt", NEW.type, NEW."groupMemberInvolvement", 1);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_incident_on_change AFTER INSERT OR DELETE OR UPDATE OF "siteId", "occurredAt", type, "groupMemberInvolvement"
  ON "Incident" FOR EACH ROW EXECUTE FUNCTION dashboard_incident_on_change();

CREATE FUNCTION dashboard_incident_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "IncidentMonthCount";
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_incident_on_truncate AFTER TRUNCATE ON "Incident"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_incident_on_truncate();

-- Recomputes the summary from the incidents: after a bulk load with triggers off, or as a repair.
CREATE FUNCTION dashboard_rebuild_incident_months() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "IncidentMonthCount";
  INSERT INTO "IncidentMonthCount" ("siteId", month, type, "groupMemberInvolvement", incidents)
  SELECT "siteId", dashboard_incident_month("occurredAt"), type, "groupMemberInvolvement", count(*)::int
  FROM "Incident" GROUP BY 1, 2, 3, 4;
$$;

SELECT dashboard_rebuild_incident_months();
