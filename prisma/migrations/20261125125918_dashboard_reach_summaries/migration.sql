-- CreateEnum
CREATE TYPE "ReachSpan" AS ENUM ('YEAR', 'ALL');

-- CreateTable
CREATE TABLE "ReachSummary" (
    "siteId" UUID NOT NULL,
    "span" "ReachSpan" NOT NULL,
    "since" DATE NOT NULL,
    "personId" UUID NOT NULL,
    "firstSoughtAt" TIMESTAMPTZ(3),
    "firstReachedAt" TIMESTAMPTZ(3),
    "firstAskedAt" TIMESTAMPTZ(3),
    "firstAttendedAt" TIMESTAMPTZ(3),
    "firstAskedAtCallIn" TIMESTAMPTZ(3),

    CONSTRAINT "ReachSummary_pkey" PRIMARY KEY ("siteId","span","since","personId")
);

-- CreateTable
CREATE TABLE "NotificationDayCount" (
    "siteId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "notifications" INTEGER NOT NULL,

    CONSTRAINT "NotificationDayCount_pkey" PRIMARY KEY ("siteId","day")
);

-- CreateTable
CREATE TABLE "ReferralFunnel" (
    "referralId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "referredAt" TIMESTAMPTZ(3) NOT NULL,
    "lastDeliveredAt" TIMESTAMPTZ(3),
    "inProgramme" BOOLEAN NOT NULL,
    "completed" BOOLEAN NOT NULL,
    "relocated" BOOLEAN NOT NULL,

    CONSTRAINT "ReferralFunnel_pkey" PRIMARY KEY ("referralId")
);

-- CreateIndex
CREATE INDEX "ReachSummary_personId_idx" ON "ReachSummary"("personId");

-- CreateIndex
CREATE INDEX "ReachSummary_counts_idx" ON "ReachSummary"("siteId", "span", "since", "firstSoughtAt", "firstReachedAt", "firstAskedAt", "firstAttendedAt", "firstAskedAtCallIn", "personId");

-- CreateIndex
CREATE INDEX "ReferralFunnel_counts_idx" ON "ReferralFunnel"("siteId", "referredAt", "lastDeliveredAt", "personId", "inProgramme", "completed", "relocated");

-- CreateIndex
CREATE INDEX "ReferralFunnel_personId_idx" ON "ReferralFunnel"("personId");

-- AddForeignKey
ALTER TABLE "ReachSummary" ADD CONSTRAINT "ReachSummary_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralFunnel" ADD CONSTRAINT "ReferralFunnel_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───── The dashboard's reach and funnel summaries, kept up to date by triggers ─────
-- Counting unique people over a long period ("this year", "since the start") means folding every
-- notification of the period into one row per person: at 450,000 notifications that took most of
-- a second. These summaries hold the fold ready, changed in the same transaction as each record.
-- Each is recomputed per person from the records (not patched by +1/−1), so an edit or a delete is
-- as exact as an insert; a per-person advisory lock makes concurrent changes to one person's
-- records recount one after the other, each seeing the other's committed rows (READ COMMITTED,
-- which every write in the app uses). `dashboard_rebuild_*()` recompute everything (after a bulk
-- load with triggers off, or as a repair); tests/integration/dashboard-reach-summaries.test.ts
-- checks that incremental and rebuilt agree, and that the dashboard's figures from them equal the
-- figures counted from the records.

-- The first day the dashboard counts from ("since the start"); lib/dashboard/periods.ts EARLIEST_DAY.
CREATE FUNCTION dashboard_earliest_day() RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT DATE '2000-01-01' $$;

-- The day of the Swedish calendar on which an instant falls.
CREATE FUNCTION dashboard_day(at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT (at AT TIME ZONE 'Europe/Stockholm')::date $$;

-- A bulk load (npm run db:seed:scale) without the rights to switch triggers off sets
-- samverkan.summaries_off = 'on' for its session, then calls dashboard_rebuild_*(): recounting one
-- person per inserted row would make the load quadratic. Nothing in the app sets it.
CREATE FUNCTION dashboard_summaries_off() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('samverkan.summaries_off', true), '') = 'on' $$;

-- Serialises the recounts of one person's summaries until the transaction ends.
CREATE FUNCTION dashboard_lock_person(person uuid) RETURNS void
LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(hashtextextended('dashboard:' || person::text, 0)) $$;

-- Every contact the dashboard counts as reaching a person: custom notifications (any outcome) and
-- call-ins attended.
CREATE VIEW dashboard_contacts AS
  SELECT n."siteId", n."personId", n."occurredAt" AS at, true AS sought, n.outcome = 'DELIVERED' AS reached,
    n."askedForHelpOnSite" AS asked, false AS attended, false AS asked_at_call_in
  FROM "CustomNotification" n
  UNION ALL
  SELECT c."siteId", i."personId", c."occurredAt", false, false, false, true, i."askedForHelp"
  FROM "CallInInvitee" i JOIN "CallIn" c ON c.id = i."callInId"
  WHERE i.status = 'ATTENDED';

-- ReachSummary as it follows from the records: each person's first contact of each kind per
-- calendar year, and since the earliest day.
CREATE VIEW dashboard_reach_source AS
  SELECT x."siteId", x.span, x.since, x."personId",
    min(x.at) FILTER (WHERE x.sought) AS "firstSoughtAt",
    min(x.at) FILTER (WHERE x.reached) AS "firstReachedAt",
    min(x.at) FILTER (WHERE x.asked) AS "firstAskedAt",
    min(x.at) FILTER (WHERE x.attended) AS "firstAttendedAt",
    min(x.at) FILTER (WHERE x.asked_at_call_in) AS "firstAskedAtCallIn"
  FROM (
    SELECT c.*, 'YEAR'::"ReachSpan" AS span, date_trunc('year', dashboard_day(c.at))::date AS since FROM dashboard_contacts c
    UNION ALL
    SELECT c.*, 'ALL'::"ReachSpan", dashboard_earliest_day() FROM dashboard_contacts c WHERE dashboard_day(c.at) >= dashboard_earliest_day()
  ) x
  GROUP BY x."siteId", x.span, x.since, x."personId";

CREATE FUNCTION dashboard_refresh_reach(person uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF person IS NULL OR dashboard_summaries_off() THEN RETURN; END IF;
  PERFORM dashboard_lock_person(person);
  DELETE FROM "ReachSummary" WHERE "personId" = person;
  INSERT INTO "ReachSummary" ("siteId", span, since, "personId", "firstSoughtAt", "firstReachedAt", "firstAskedAt", "firstAttendedAt", "firstAskedAtCallIn")
  SELECT "siteId", span, since, "personId", "firstSoughtAt", "firstReachedAt", "firstAskedAt", "firstAttendedAt", "firstAskedAtCallIn"
  FROM dashboard_reach_source WHERE "personId" = person;
END
$$;

CREATE FUNCTION dashboard_rebuild_reach() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "ReachSummary";
  INSERT INTO "ReachSummary" ("siteId", span, since, "personId", "firstSoughtAt", "firstReachedAt", "firstAskedAt", "firstAttendedAt", "firstAskedAtCallIn")
  SELECT "siteId", span, since, "personId", "firstSoughtAt", "firstReachedAt", "firstAskedAt", "firstAttendedAt", "firstAskedAtCallIn"
  FROM dashboard_reach_source;
$$;

-- ReferralFunnel as it follows from the records.
CREATE VIEW dashboard_referral_funnel_source AS
  SELECT r.id AS "referralId", r."siteId", r."personId", r."referredAt",
    (SELECT max(n."occurredAt") FROM "CustomNotification" n
      WHERE n."personId" = r."personId" AND n."siteId" = r."siteId" AND n.outcome = 'DELIVERED'
        AND n."occurredAt" <= r."referredAt" AND n."occurredAt" > r."referredAt" - interval '90 days') AS "lastDeliveredAt",
    r.status IN ('IN_PROGRAMME', 'COMPLETED')
      OR EXISTS (SELECT 1 FROM "ReferralStatusChange" h WHERE h."referralId" = r.id AND h."toStatus" = 'IN_PROGRAMME') AS "inProgramme",
    r.status = 'COMPLETED' AS completed,
    EXISTS (SELECT 1 FROM "SupportMeasure" m WHERE m."referralId" = r.id AND m.type = 'RELOCATION' AND m.status <> 'PLANNED') AS relocated
  FROM "Referral" r;

-- Recounts the funnel rows of one referral, or of every referral of one person. (Two statements,
-- not one with OR: a cached generic plan could not use either index.)
CREATE FUNCTION dashboard_refresh_funnel(referral uuid, person uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF person IS NULL OR dashboard_summaries_off() THEN RETURN; END IF;
  PERFORM dashboard_lock_person(person);
  IF referral IS NULL THEN
    INSERT INTO "ReferralFunnel" ("referralId", "siteId", "personId", "referredAt", "lastDeliveredAt", "inProgramme", completed, relocated)
    SELECT "referralId", "siteId", "personId", "referredAt", "lastDeliveredAt", "inProgramme", completed, relocated
    FROM dashboard_referral_funnel_source WHERE "personId" = person
    ON CONFLICT ("referralId") DO UPDATE SET "siteId" = EXCLUDED."siteId", "personId" = EXCLUDED."personId",
      "referredAt" = EXCLUDED."referredAt", "lastDeliveredAt" = EXCLUDED."lastDeliveredAt",
      "inProgramme" = EXCLUDED."inProgramme", completed = EXCLUDED.completed, relocated = EXCLUDED.relocated;
  ELSE
    INSERT INTO "ReferralFunnel" ("referralId", "siteId", "personId", "referredAt", "lastDeliveredAt", "inProgramme", completed, relocated)
    SELECT "referralId", "siteId", "personId", "referredAt", "lastDeliveredAt", "inProgramme", completed, relocated
    FROM dashboard_referral_funnel_source WHERE "referralId" = referral
    ON CONFLICT ("referralId") DO UPDATE SET "siteId" = EXCLUDED."siteId", "personId" = EXCLUDED."personId",
      "referredAt" = EXCLUDED."referredAt", "lastDeliveredAt" = EXCLUDED."lastDeliveredAt",
      "inProgramme" = EXCLUDED."inProgramme", completed = EXCLUDED.completed, relocated = EXCLUDED.relocated;
  END IF;
END
$$;

CREATE FUNCTION dashboard_rebuild_referral_funnel() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "ReferralFunnel";
  INSERT INTO "ReferralFunnel" ("referralId", "siteId", "personId", "referredAt", "lastDeliveredAt", "inProgramme", completed, relocated)
  SELECT "referralId", "siteId", "personId", "referredAt", "lastDeliveredAt", "inProgramme", completed, relocated
  FROM dashboard_referral_funnel_source;
$$;

-- NotificationDayCount: additive, so patched by +1/−1 like IncidentMonthCount.
CREATE FUNCTION dashboard_notification_day_add(site uuid, at timestamptz, delta int) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "NotificationDayCount" ("siteId", day, notifications)
  SELECT site, dashboard_day(at), delta WHERE NOT dashboard_summaries_off()
  ON CONFLICT ("siteId", day) DO UPDATE SET notifications = "NotificationDayCount".notifications + EXCLUDED.notifications;
$$;

CREATE FUNCTION dashboard_rebuild_notification_days() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "NotificationDayCount";
  INSERT INTO "NotificationDayCount" ("siteId", day, notifications)
  SELECT "siteId", dashboard_day("occurredAt"), count(*)::int FROM "CustomNotification" GROUP BY 1, 2;
$$;

-- ── Triggers ──

CREATE FUNCTION dashboard_on_notification() RETURNS trigger
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
    PERFORM dashboard_refresh_funnel(NULL, OLD."personId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_refresh_reach(NEW."personId");
    PERFORM dashboard_refresh_funnel(NULL, NEW."personId");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_on_notification
  AFTER INSERT OR DELETE OR UPDATE OF "siteId", "personId", "occurredAt", outcome, "askedForHelpOnSite"
  ON "CustomNotification" FOR EACH ROW EXECUTE FUNCTION dashboard_on_notification();

CREATE FUNCTION dashboard_on_call_in_invitee() RETURNS trigger
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

CREATE TRIGGER dashboard_on_call_in_invitee
  AFTER INSERT OR DELETE OR UPDATE OF "callInId", "personId", status, "askedForHelp"
  ON "CallInInvitee" FOR EACH ROW EXECUTE FUNCTION dashboard_on_call_in_invitee();

-- A call-in moved in time or to another site: its attendees' reach. (A deleted call-in deletes its
-- invitees, whose own trigger recounts.)
CREATE FUNCTION dashboard_on_call_in() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_refresh_reach(i."personId") FROM "CallInInvitee" i WHERE i."callInId" = NEW.id ORDER BY i."personId";
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_on_call_in AFTER UPDATE OF "siteId", "occurredAt"
  ON "CallIn" FOR EACH ROW EXECUTE FUNCTION dashboard_on_call_in();

CREATE FUNCTION dashboard_on_referral() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- A deleted referral's row goes with it (foreign key, ON DELETE CASCADE).
  PERFORM dashboard_refresh_funnel(NEW.id, NEW."personId");
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_on_referral AFTER INSERT OR UPDATE OF "siteId", "personId", "referredAt", status
  ON "Referral" FOR EACH ROW EXECUTE FUNCTION dashboard_on_referral();

-- Status history and support measures: the referral they belong to.
CREATE FUNCTION dashboard_on_referral_part() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dashboard_refresh_funnel(r.id, r."personId") FROM "Referral" r WHERE r.id = OLD."referralId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dashboard_refresh_funnel(r.id, r."personId") FROM "Referral" r WHERE r.id = NEW."referralId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_on_referral_status_change AFTER INSERT OR DELETE OR UPDATE OF "referralId", "toStatus"
  ON "ReferralStatusChange" FOR EACH ROW EXECUTE FUNCTION dashboard_on_referral_part();

CREATE TRIGGER dashboard_on_support_measure AFTER INSERT OR DELETE OR UPDATE OF "referralId", type, status
  ON "SupportMeasure" FOR EACH ROW EXECUTE FUNCTION dashboard_on_referral_part();

-- TRUNCATE fires no row triggers: recount from what is left.
CREATE FUNCTION dashboard_on_truncate_contacts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_rebuild_reach();
  PERFORM dashboard_rebuild_notification_days();
  PERFORM dashboard_rebuild_referral_funnel();
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_on_truncate_notifications AFTER TRUNCATE ON "CustomNotification"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_truncate_contacts();
CREATE TRIGGER dashboard_on_truncate_call_ins AFTER TRUNCATE ON "CallIn"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_truncate_contacts();
CREATE TRIGGER dashboard_on_truncate_call_in_invitees AFTER TRUNCATE ON "CallInInvitee"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_truncate_contacts();
CREATE TRIGGER dashboard_on_truncate_referral_parts AFTER TRUNCATE ON "ReferralStatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_truncate_contacts();
CREATE TRIGGER dashboard_on_truncate_support_measures AFTER TRUNCATE ON "SupportMeasure"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_on_truncate_contacts();

-- Records made before this migration.
SELECT dashboard_rebuild_reach(), dashboard_rebuild_notification_days(), dashboard_rebuild_referral_funnel();

-- ── Indexes for the figures read on every view (migration-only: Prisma 6 cannot express partial
-- or covering indexes; see the comments on the models) ──

-- Overdue follow-ups: the open ones by due day, with what the count groups by, read from the index.
CREATE INDEX "FollowUp_open_siteId_dueOn_idx" ON "FollowUp"("siteId", "dueOn") INCLUDE ("assignedToId", agency, "personId") WHERE "doneAt" IS NULL;
-- The few anonymised people, for the anti-joins that leave them out.
CREATE INDEX "Person_anonymised_idx" ON "Person"(id) WHERE "anonymisedAt" IS NOT NULL;
-- People by current status (deprived of liberty), not anonymised, read from the index.
CREATE INDEX "Person_live_siteId_status_idx" ON "Person"("siteId", status) INCLUDE (id) WHERE "anonymisedAt" IS NULL;
