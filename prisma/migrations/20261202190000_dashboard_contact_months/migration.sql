-- ───── The dashboard's unique people over any period, from per-person contact months ─────
-- Issue 13 measured every period growing with the whole history: at 100k people a custom range
-- from 2017-02 folded 450,000 notifications into ~100k per-person groups (1.3–2.8 s), and
-- ReachSummary only helped periods that begin on 1 January. Unique people do not add up across
-- months, but this does: a person has a contact of kind K in the months A..B exactly when their
-- FIRST contact month at or after A lies in A..B, i.e. when one of their contact months m in A..B
-- has the previous contact month before A. Each person contributes at most one such row, so
-- "people with a contact in A..B" = the number of (m, previous m) pairs with A ≤ m ≤ B and
-- previous < A, and those pairs can be counted ahead per site: ContactMonthCount holds, per site,
-- kind, month and previous month, how many people have that pair. A period's whole months are
-- then a sum over at most (months × months) cells, whatever the number of records; the partial
-- months at its edges are counted from the records (lib/dashboard/sql.ts). Reasoning and
-- measurements: docs/decisions/012.
--
-- The funnel's kinds are the same shape: a delivered notification "led to a referral" when a
-- referral of the person follows it within 90 days (decision 006's definition, seen from the
-- notification), so ReferralFunnel is replaced too.

CREATE TYPE "ContactKind" AS ENUM (
  'SOUGHT', 'REACHED', 'ASKED', 'ATTENDED', 'ASKED_AT_CALL_IN', 'REACHED_EITHER',
  'REFERRED', 'IN_PROGRAMME', 'COMPLETED', 'RELOCATED');

CREATE TABLE "ContactMonth" (
    "personId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "kind" "ContactKind" NOT NULL,
    "month" DATE NOT NULL,
    "previousMonth" DATE NOT NULL,

    CONSTRAINT "ContactMonth_pkey" PRIMARY KEY ("personId", "siteId", "kind", "month")
);

CREATE TABLE "ContactMonthCount" (
    "siteId" UUID NOT NULL,
    "kind" "ContactKind" NOT NULL,
    "month" DATE NOT NULL,
    "previousMonth" DATE NOT NULL,
    "people" INTEGER NOT NULL,

    CONSTRAINT "ContactMonthCount_pkey" PRIMARY KEY ("siteId", "kind", "month", "previousMonth")
);

ALTER TABLE "ContactMonth" ADD CONSTRAINT "ContactMonth_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- "No earlier contact month": a date before any month, so `previousMonth < A` needs no NULL case.
CREATE FUNCTION dashboard_no_month() RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT DATE '0001-01-01' $$;

-- The first day of the month of the Swedish calendar in which an instant falls (independent of the
-- session's time zone: AT TIME ZONE with a named zone gives a timestamp without one).
CREATE FUNCTION dashboard_month(at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', at AT TIME ZONE 'Europe/Stockholm')::date $$;

-- Every contact the dashboard counts, one row per kind it counts as. The funnel's kinds belong to a
-- delivered notification followed by a referral of the same person and site within 90 days
-- (the notification in (referredAt − 90 days, referredAt]); in programme / completed / relocated
-- when such a referral got that far.
CREATE VIEW dashboard_contact_events AS
  SELECT n."siteId", n."personId", n."occurredAt" AS at, k.kind
  FROM "CustomNotification" n
  CROSS JOIN LATERAL (VALUES
    ('SOUGHT'::"ContactKind", true),
    ('REACHED', n.outcome = 'DELIVERED'),
    ('ASKED', n."askedForHelpOnSite"),
    ('REACHED_EITHER', n.outcome = 'DELIVERED')
  ) k(kind, yes)
  WHERE k.yes
  UNION ALL
  SELECT n."siteId", n."personId", n."occurredAt", k.kind
  FROM "CustomNotification" n
  JOIN "Referral" r ON r."personId" = n."personId" AND r."siteId" = n."siteId"
    AND r."referredAt" >= n."occurredAt" AND r."referredAt" < n."occurredAt" + interval '90 days'
  CROSS JOIN LATERAL (VALUES
    ('REFERRED'::"ContactKind", true),
    ('IN_PROGRAMME', r.status IN ('IN_PROGRAMME', 'COMPLETED')
      OR EXISTS (SELECT 1 FROM "ReferralStatusChange" h WHERE h."referralId" = r.id AND h."toStatus" = 'IN_PROGRAMME')),
    ('COMPLETED', r.status = 'COMPLETED'),
    ('RELOCATED', EXISTS (SELECT 1 FROM "SupportMeasure" m WHERE m."referralId" = r.id AND m.type = 'RELOCATION' AND m.status <> 'PLANNED'))
  ) k(kind, yes)
  WHERE n.outcome = 'DELIVERED' AND k.yes
  UNION ALL
  SELECT c."siteId", i."personId", c."occurredAt", k.kind
  FROM "CallInInvitee" i JOIN "CallIn" c ON c.id = i."callInId"
  CROSS JOIN LATERAL (VALUES
    ('ATTENDED'::"ContactKind", true), ('REACHED_EITHER', true), ('ASKED_AT_CALL_IN', i."askedForHelp")
  ) k(kind, yes)
  WHERE i.status = 'ATTENDED' AND k.yes;

-- ContactMonth as it follows from the records.
CREATE VIEW dashboard_contact_month_source AS
  SELECT m."personId", m."siteId", m.kind, m.month,
    coalesce(lag(m.month) OVER (PARTITION BY m."personId", m."siteId", m.kind ORDER BY m.month), dashboard_no_month()) AS "previousMonth"
  FROM (SELECT DISTINCT e."personId", e."siteId", e.kind, dashboard_month(e.at) AS month FROM dashboard_contact_events e) m;

-- ContactMonthCount follows ContactMonth, whoever changes it (a recount below, a cascade from
-- Person): per statement, one upsert per cell, in key order so that concurrent recounts take the
-- cells' row locks in the same order.
CREATE FUNCTION dashboard_contact_month_count() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('samverkan.contact_counts_off', true), '') = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ContactMonthCount" ("siteId", kind, month, "previousMonth", people)
    SELECT "siteId", kind, month, "previousMonth", count(*)::int FROM added GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("siteId", kind, month, "previousMonth") DO UPDATE SET people = "ContactMonthCount".people + EXCLUDED.people;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ContactMonthCount" ("siteId", kind, month, "previousMonth", people)
    SELECT "siteId", kind, month, "previousMonth", -count(*)::int FROM gone GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("siteId", kind, month, "previousMonth") DO UPDATE SET people = "ContactMonthCount".people + EXCLUDED.people;
  ELSE
    INSERT INTO "ContactMonthCount" ("siteId", kind, month, "previousMonth", people)
    SELECT "siteId", kind, month, "previousMonth", sum(d)::int
    FROM (SELECT "siteId", kind, month, "previousMonth", -1 AS d FROM gone
          UNION ALL SELECT "siteId", kind, month, "previousMonth", 1 FROM added) x
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("siteId", kind, month, "previousMonth") DO UPDATE SET people = "ContactMonthCount".people + EXCLUDED.people;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_contact_month_insert AFTER INSERT ON "ContactMonth"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION dashboard_contact_month_count();
CREATE TRIGGER dashboard_contact_month_delete AFTER DELETE ON "ContactMonth"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION dashboard_contact_month_count();
CREATE TRIGGER dashboard_contact_month_update AFTER UPDATE ON "ContactMonth"
  REFERENCING OLD TABLE AS gone NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION dashboard_contact_month_count();
CREATE FUNCTION dashboard_contact_month_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$ BEGIN DELETE FROM "ContactMonthCount"; RETURN NULL; END $$;
CREATE TRIGGER dashboard_contact_month_truncate AFTER TRUNCATE ON "ContactMonth"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_contact_month_truncated();

-- One person's contact months, recounted from the records (the same name the record triggers of
-- migration …_dashboard_reach_summaries call). Only the rows that differ are deleted and inserted,
-- so a new notification in an already counted month changes nothing else.
CREATE OR REPLACE FUNCTION dashboard_refresh_reach(person uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF person IS NULL OR dashboard_summaries_off() THEN RETURN; END IF;
  PERFORM dashboard_lock_person(person);
  -- A person being deleted: their rows go (the cascade may not have reached them yet).
  IF NOT EXISTS (SELECT 1 FROM "Person" WHERE id = person) THEN
    DELETE FROM "ContactMonth" WHERE "personId" = person;
    RETURN;
  END IF;
  WITH wanted AS MATERIALIZED (
    SELECT "siteId", kind, month, "previousMonth" FROM dashboard_contact_month_source WHERE "personId" = person
  )
  DELETE FROM "ContactMonth" c
  WHERE c."personId" = person
    AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w."siteId" = c."siteId" AND w.kind = c.kind AND w.month = c.month AND w."previousMonth" = c."previousMonth");
  INSERT INTO "ContactMonth" ("personId", "siteId", kind, month, "previousMonth")
  SELECT "personId", "siteId", kind, month, "previousMonth" FROM dashboard_contact_month_source WHERE "personId" = person
  ORDER BY "siteId", kind, month
  ON CONFLICT ("personId", "siteId", kind, month) DO NOTHING;
END
$$;

CREATE OR REPLACE FUNCTION dashboard_rebuild_reach() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('samverkan.contact_counts_off', 'on', true);
  DELETE FROM "ContactMonth";
  DELETE FROM "ContactMonthCount";
  PERFORM set_config('samverkan.contact_counts_off', 'off', true);
  -- The insert's statement trigger fills ContactMonthCount from the new rows in one aggregate.
  INSERT INTO "ContactMonth" ("personId", "siteId", kind, month, "previousMonth")
  SELECT "personId", "siteId", kind, month, "previousMonth" FROM dashboard_contact_month_source;
END
$$;

-- ── The record triggers: the same recount, now also for the funnel's kinds ──

CREATE OR REPLACE FUNCTION dashboard_on_notification() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dashboard_notification_day_add(OLD."siteId", OLD."occurredAt", -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_notification_day_add(NEW."siteId", NEW."occurredAt", 1);
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."personId" <> NEW."personId") THEN
    PERFORM dashboard_refresh_reach(OLD."personId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_refresh_reach(NEW."personId");
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION dashboard_on_referral() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."personId" <> NEW."personId") THEN
    PERFORM dashboard_refresh_reach(OLD."personId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_refresh_reach(NEW."personId");
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER dashboard_on_referral ON "Referral";
CREATE TRIGGER dashboard_on_referral AFTER INSERT OR DELETE OR UPDATE OF "siteId", "personId", "referredAt", status
  ON "Referral" FOR EACH ROW EXECUTE FUNCTION dashboard_on_referral();

CREATE OR REPLACE FUNCTION dashboard_on_referral_part() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dashboard_refresh_reach(r."personId") FROM "Referral" r WHERE r.id = OLD."referralId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_refresh_reach(r."personId") FROM "Referral" r WHERE r.id = NEW."referralId";
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION dashboard_on_truncate_contacts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_rebuild_reach();
  PERFORM dashboard_rebuild_notification_days();
  RETURN NULL;
END
$$;
CREATE TRIGGER dashboard_on_truncate_referrals AFTER TRUNCATE ON "Referral"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_truncate_contacts();

-- ── What the new summary replaces ──
DROP FUNCTION dashboard_rebuild_referral_funnel();
DROP FUNCTION dashboard_refresh_funnel(uuid, uuid);
DROP VIEW dashboard_referral_funnel_source;
DROP TABLE "ReferralFunnel";
DROP VIEW dashboard_reach_source;
DROP VIEW dashboard_contacts;
DROP TABLE "ReachSummary";
DROP TYPE "ReachSpan";

-- Records made before this migration.
SELECT dashboard_rebuild_reach();

-- ── Indexes for the figures that were read from the whole site ──
-- Support measures given in a period: by start day, with what the count groups by (55 → 5 ms at 300k people, issue 13).
CREATE INDEX "SupportMeasure_siteId_startsOn_idx" ON "SupportMeasure"("siteId", "startsOn") INCLUDE (type, status, "personId");
-- Referrals made / closed in a period, by status: read from the index alone.
DROP INDEX "Referral_siteId_referredAt_idx";
CREATE INDEX "Referral_siteId_referredAt_idx" ON "Referral"("siteId", "referredAt") INCLUDE (status, "personId");
DROP INDEX "Referral_siteId_closedAt_idx";
CREATE INDEX "Referral_siteId_closedAt_idx" ON "Referral"("siteId", "closedAt") INCLUDE (status, "personId");
