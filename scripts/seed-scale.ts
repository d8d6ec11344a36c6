/**
 * `npm run db:seed:scale -- --people 100000`: fills the scale test's own database (not the demo's:
 * `samverkan_scale` on the local server, or `<name>_scale` beside DATABASE_URL) with a realistic
 * volume, for `npm run bench`. For 100,000 people:
 *   2,000 groups, 120,000 memberships, 180,000 caseload assignments, 600 coordinators;
 *   1,000,000 activity rows: 450,000 custom notifications, 250,000 follow-ups, ~138,000 referral
 *   steps (status changes of 40,000 referrals) and enforcement actions making up the rest;
 *   ~30,000 support measures, 40,000 consents, 500 call-ins with ~10,000 invitees;
 *   20,000 incidents with their links to groups and people;
 *   6 % of the people anonymised as retention leaves them (lib/retention), at a time after they fell due;
 *   5,000,000 audit events (50 a person) in the app's mix, hash-chained (auditSteps);
 * spread over 2017-01-01 … --until (default today), with two notification rounds a year, and
 * notifications on every day of --until's month and the month before. After the load and one
 * VACUUM (ANALYZE), a round of edits through the triggers that is not vacuumed (editsSql): the
 * bench then reads tables with dead rows, as a live database's are.
 *
 * Options: --people N (default 100000), --until YYYY-MM-DD, --database NAME.
 *
 * Everything is generated inside PostgreSQL (INSERT … SELECT FROM generate_series, chunked so the
 * progress bar moves), from a deterministic hash of each row's number: the same options give the
 * same data. Names and personnummer are synthetic (valid date and check digit), like the demo's.
 * Not generated: notification participants, call-in speakers and internal notes (no figure or
 * search reads them).
 */
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import cliProgress from "cli-progress";
import pg from "pg";
import { ALIASES, DEMO_PASSWORD, DISTRICTS, FIRST_NAMES, LAST_NAMES } from "../prisma/seed/demo";
import { dropDatabase, ensureDatabase } from "./lib/local-db";
import { runPrismaOrThrow } from "./lib/prisma-cli";
import { scaleDatabase } from "./lib/scale-db";

const START = "2017-01-01";
const CHUNK = 50_000;
/** Audit events per chunk: one window over each, so the chain's hashing reports progress. */
const AUDIT_CHUNK = 250_000;
/** Audit events per person of the main site: 5 M for 100,000 people (issue 13). */
const AUDIT_EVENTS_PER_PERSON = 50;
/** The share of people anonymised by retention, and the first day it could happen (36 months after the start, plus two). */
const ANONYMISED_SHARE = 0.06;
const ANONYMISED_FROM = "2020-03-01";
const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Days in which anonymisations fall: from ANONYMISED_FROM to the day before --until (none when --until is earlier). */
function anonymisedDays(until: string): number {
  return Math.max(0, daysBetween(ANONYMISED_FROM, until) - 1);
}

/** The first day of the month before --until's: "this month" and the month it is compared with. */
function dailyFrom(until: string): string {
  const d = new Date(Date.UTC(Number(until.slice(0, 4)), Number(until.slice(5, 7)) - 2, 1));
  return d.toISOString().slice(0, 10);
}

function options() {
  const { values } = parseArgs({
    options: { people: { type: "string", default: "100000" }, until: { type: "string" }, database: { type: "string" } },
    allowPositionals: false,
  });
  const people = Number(values.people);
  if (!Number.isInteger(people) || people < 1000 || people > 5_000_000)
    throw new Error("--people must be a whole number from 1000 to 5000000.");
  const until = values.until ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until <= "2018-01-01")
    throw new Error("--until must be a date (YYYY-MM-DD) after 2018-01-01.");
  return { people, until, database: values.database };
}

/** Row counts for N people: the issue's proportions (100k people → 1M activity rows). */
function plan(n: number, until: string) {
  const f = n / 100_000;
  const perDay = Math.max(2, Math.round(n / 5000));
  return {
    people: n,
    until,
    /**
     * Notifications on every day of --until's month and the month before, on top of the random
     * ones (which average under one a day at 1,000 people: two days in five would have none), so
     * "this month" counts activity whatever day of the month the seed and the bench run, and so
     * does the period it is compared with.
     */
    perDay,
    dailyNotifications: perDay * (daysBetween(dailyFrom(until), until) + 1),
    auditEvents: n * AUDIT_EVENTS_PER_PERSON,
    groups: Math.round(2000 * f),
    coordinators: Math.max(3, Math.round(200 * f)), // per agency
    notifications: Math.round(450_000 * f),
    followUps: Math.round(250_000 * f),
    referrals: Math.round(40_000 * f),
    activity: Math.round(1_000_000 * f),
    callIns: Math.max(5, Math.round(500 * f)),
    inviteesPerCallIn: 20,
    incidents: Math.round(20_000 * f),
    /** The second site: enough to keep every query's site filter honest. */
    otherPeople: 200,
    otherNotifications: 800,
  };
}

type Plan = ReturnType<typeof plan>;

/** Session-local SQL helpers: deterministic randomness, ids, and the generators shared by several tables. */
function helpers(p: Plan, until: string, rounds: number): string {
  return `
    CREATE FUNCTION pg_temp.rnd(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT ((hashint8extended(i, salt) >> 11) & 4503599627370495)::float8 / 4503599627370496.0 $$;
    -- Row i of a table gets the id <tag hash>-0000-7000-8000-<i in hex>: deterministic, cheap (the tag's
    -- hash is folded into a constant) and ascending, so primary keys grow at their right edge.
    CREATE FUNCTION pg_temp.uid(tag text, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT (substr(md5(tag), 1, 8) || '-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid $$;
    -- The Luhn check digit of the nine digits YYMMDDNNN, as one expression (inlined, no subquery).
    CREATE FUNCTION pg_temp.luhn(d text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT (10 - ((substr(d, 1, 1)::int * 2) / 10 + (substr(d, 1, 1)::int * 2) % 10 +
        substr(d, 2, 1)::int +
        (substr(d, 3, 1)::int * 2) / 10 + (substr(d, 3, 1)::int * 2) % 10 +
        substr(d, 4, 1)::int +
        (substr(d, 5, 1)::int * 2) / 10 + (substr(d, 5, 1)::int * 2) % 10 +
        substr(d, 6, 1)::int +
        (substr(d, 7, 1)::int * 2) / 10 + (substr(d, 7, 1)::int * 2) % 10 +
        substr(d, 8, 1)::int +
        (substr(d, 9, 1)::int * 2) / 10 + (substr(d, 9, 1)::int * 2) % 10) % 10) % 10 $$;
    CREATE FUNCTION pg_temp.span_start() RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$ SELECT timestamptz '${START} 00:00+00' $$;
    CREATE FUNCTION pg_temp.span_days() RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT (date '${until}' - date '${START}')::float8 $$;
    CREATE FUNCTION pg_temp.until() RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$ SELECT timestamptz '${until} 12:00+00' $$;
    -- Rounds: 11 May and 14 September each year, two weeks each; only those over by --until.
    CREATE FUNCTION pg_temp.round_start(r int) RETURNS date LANGUAGE sql IMMUTABLE AS
      $$ SELECT make_date(${START.slice(0, 4)} + r / 2, CASE WHEN r % 2 = 0 THEN 5 ELSE 9 END, CASE WHEN r % 2 = 0 THEN 11 ELSE 14 END) $$;
    -- A notification's person, round and time, as functions of its number, so that follow-ups and
    -- referrals can point at real notifications without reading them back.
    CREATE FUNCTION pg_temp.n_person(j bigint, people int) RETURNS bigint LANGUAGE sql IMMUTABLE AS
      $$ SELECT 1 + floor(pg_temp.rnd(j, 1) * people)::bigint $$;
    CREATE FUNCTION pg_temp.n_round(j bigint) RETURNS int LANGUAGE sql IMMUTABLE AS
      $$ SELECT CASE WHEN pg_temp.rnd(j, 2) < 0.3 AND ${rounds} > 0 THEN floor(pg_temp.rnd(j, 3) * ${rounds})::int END $$;
    -- STABLE, not IMMUTABLE: timestamptz arithmetic is stable, and a SQL function declared stricter
    -- than its body is not inlined but called per row (measured: 5 times slower).
    CREATE FUNCTION pg_temp.n_time(j bigint) RETURNS timestamptz LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN pg_temp.n_round(j) IS NOT NULL
        THEN pg_temp.round_start(pg_temp.n_round(j))::timestamp AT TIME ZONE 'UTC'
             + make_interval(days => floor(pg_temp.rnd(j, 4) * 12)::int, hours => 8 + floor(pg_temp.rnd(j, 6) * 10)::int)
        ELSE pg_temp.span_start() + make_interval(secs => pg_temp.rnd(j, 4) * pg_temp.span_days() * 86400) END $$;
    CREATE FUNCTION pg_temp.n_delivered(j bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT pg_temp.rnd(j, 5) < 0.75 $$;
    -- Retention (lib/retention, decision 005): a share of the people had no activity for 36 months
    -- and were anonymised by the review or the scheduled run, at some time from ${ANONYMISED_FROM} on.
    CREATE FUNCTION pg_temp.anon_at(i bigint) RETURNS timestamptz LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN pg_temp.rnd(i, 19) < ${ANONYMISED_SHARE} AND ${anonymisedDays(until)} > 0
        THEN timestamptz '${ANONYMISED_FROM} 00:00+00' + make_interval(secs => pg_temp.rnd(i, 20) * ${anonymisedDays(until)} * 86400) END $$;
    -- Audit event i of n: spread evenly from the start to --until, so ids follow time as they do
    -- when the trigger draws them.
    CREATE FUNCTION pg_temp.audit_at(i bigint, n bigint) RETURNS timestamptz LANGUAGE sql STABLE AS
      $$ SELECT pg_temp.span_start() + make_interval(secs => (i - 0.5) * pg_temp.span_days() * 86400 / n) $$;
    -- One link of the audit chain: the body of audit_event_digest(), whatever the migrations made it,
    -- read from the catalog and run as PL/pgSQL's expression over a window (auditSteps).
    -- Called as the SQL function it is, it is not inlined (declared IMMUTABLE over STABLE
    -- expressions) and cost 2.5 times as much (6.2 s against 2.4 s for 100,000 rows, load 8).
    -- Where its body is not one expression, the function itself is called.
    DO $link$
    DECLARE
      f record;
      body text;
    BEGIN
      SELECT p.prosrc, l.lanname, p.proargnames INTO f FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
      WHERE p.proname = 'audit_event_digest' AND pg_get_function_identity_arguments(p.oid) = 'prev_hash text, e "AuditEvent"';
      body := CASE WHEN f.lanname = 'sql' AND f.prosrc ~* '^\\s*SELECT\\s' AND f.prosrc !~* '\\m(FROM|WITH)\\M'
        THEN regexp_replace(regexp_replace(f.prosrc, '^\\s*SELECT\\s+', '', 'i'), ';?\\s*$', '')
        ELSE 'audit_event_digest(prev_hash, e)' END;
      EXECUTE format('CREATE FUNCTION pg_temp.audit_link(state text, start text, e "AuditEvent") RETURNS text
        LANGUAGE plpgsql IMMUTABLE AS %L', 'DECLARE prev_hash text := coalesce(state, start); BEGIN RETURN ' || body || '; END');
    END $link$;
    CREATE AGGREGATE pg_temp.audit_chain(text, "AuditEvent") (sfunc = pg_temp.audit_link, stype = text);
    SET synchronous_commit = off;
    SET work_mem = '64MB';
    SET maintenance_work_mem = '256MB';
  `;
}

type Step = { table: string; rows: number; sql: () => string; after?: (results: pg.QueryResult[]) => void };

/** One INSERT per CHUNK row numbers, so the progress bar moves. */
function chunked(table: string, rows: number, sql: (lo: number, hi: number) => string): Step[] {
  const out: Step[] = [];
  for (let lo = 1; lo <= rows; lo += CHUNK) {
    const hi = Math.min(rows, lo + CHUNK - 1);
    out.push({ table, rows: hi - lo + 1, sql: () => sql(lo, hi) });
  }
  return out;
}

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]`;

function steps(p: Plan, rounds: number, passwordHash: string): Step[] {
  const site = `pg_temp.uid('site', 1)`;
  const other = `pg_temp.uid('site', 2)`;
  const police0 = `pg_temp.uid('user-POLICE', 1)`;
  const c = p.coordinators;
  const now = `pg_temp.until()`;
  const first = list(FIRST_NAMES);
  const last = list(LAST_NAMES);
  const aliases = list(ALIASES);

  const people = (tag: string, siteId: string, count: number, createdBy: string, offset: number) =>
    chunked(
      tag === "p" ? "Person" : "Person (Örebro)",
      count,
      (lo, hi) => `
      INSERT INTO "Person" (id, "siteId", "firstName", "lastName", "identityNumber", "identityNumberKind", "birthDate", aliases,
        status, "statusSince", "lastActivityAt", "createdAt", "updatedAt", "createdById", "anonymisedAt", "searchText", "sortName")
      -- The search columns as the trigger person_search_text would set them (triggers are off for the load).
      SELECT q.*, person_search_text_of(q.fn, q.ln, q.al), person_sort_name_of(q.fn, q.ln) FROM (
      SELECT pg_temp.uid('${tag}', i), ${siteId},
        -- An anonymised person as lib/retention's anonymiseInTx leaves them: no name, number or
        -- aliases, the birth date coarsened to its year; status, dates and links kept.
        CASE WHEN x.anon IS NULL THEN (${first})[1 + floor(pg_temp.rnd(i, 11) * ${FIRST_NAMES.length})::int] ELSE '' END AS fn,
        CASE WHEN x.anon IS NULL THEN (${last})[1 + floor(pg_temp.rnd(i, 12) * ${LAST_NAMES.length})::int] ELSE '' END AS ln,
        CASE WHEN x.anon IS NULL THEN to_char(x.born, 'YYYYMMDD') || x.serial || pg_temp.luhn(to_char(x.born, 'YYMMDD') || x.serial) END,
        CASE WHEN x.anon IS NULL THEN 'PERSONNUMMER'::"IdentityNumberKind" END,
        CASE WHEN x.anon IS NULL THEN x.born ELSE date_trunc('year', x.born)::date END,
        CASE WHEN x.anon IS NULL AND pg_temp.rnd(i, 13) < 0.2 THEN ARRAY[(${aliases})[1 + floor(pg_temp.rnd(i, 15) * ${ALIASES.length})::int]] ELSE '{}' END AS al,
        (CASE WHEN x.s < 0.05 THEN 'DEPRIVED_OF_LIBERTY' WHEN x.s < 0.06 THEN 'RELOCATED' WHEN x.s < 0.063 THEN 'DECEASED'
              WHEN x.s < 0.083 THEN 'LEFT_PROGRAMME' ELSE 'ACTIVE' END)::"PersonStatus",
        LEAST(x.last_activity, ${now} - make_interval(days => floor(pg_temp.rnd(i, 16) * 700)::int)), x.last_activity,
        pg_temp.span_start(), coalesce(x.anon, ${now}), ${createdBy}, x.anon
      FROM generate_series(${lo}, ${hi}) i,
      -- Birth date and serial from the row number (plus an offset per site): unique by construction.
      LATERAL (SELECT date '1980-01-01' + ((i + ${offset}) % 9000)::int AS born,
                      lpad((1 + (((i + ${offset}) / 9000) * 83) % 999)::text, 3, '0') AS serial,
                      pg_temp.rnd(i, 14) AS s, pg_temp.anon_at(i) AS anon,
                      -- Due when the last activity is 36 months old (DEFAULT_RETENTION_MONTHS); the run came up to 60 days later.
                      coalesce(pg_temp.anon_at(i) - interval '36 months' - make_interval(days => 1 + floor(pg_temp.rnd(i, 21) * 60)::int), ${now}) AS last_activity) x) q`,
    );

  const notifications = (
    tag: string,
    personTag: string,
    siteId: string,
    count: number,
    personCount: number,
    withRounds: boolean,
  ) =>
    chunked(
      tag === "n" ? "CustomNotification" : "CustomNotification (Örebro)",
      count,
      (lo, hi) => `
      INSERT INTO "CustomNotification" (id, "siteId", "personId", "roundId", "occurredAt", "placeType", agencies, outcome, response,
        "askedForHelpOnSite", "createdAt", "updatedAt", "createdById", "createdByAgency")
      SELECT pg_temp.uid('${tag}', j), ${siteId}, pg_temp.uid('${personTag}', pg_temp.n_person(j, ${personCount})),
        ${withRounds ? `pg_temp.uid('round', pg_temp.n_round(j))` : "NULL"}, pg_temp.n_time(j),
        (ARRAY['HOME', 'HOME', 'PROBATION_OFFICE', 'STREET', 'CUSTODY', 'OTHER'])[1 + floor(pg_temp.rnd(j, 8) * 6)::int]::"PlaceType",
        '{POLICE,SOCIAL}'::"Agency"[],
        (CASE WHEN pg_temp.n_delivered(j) THEN 'DELIVERED' WHEN pg_temp.rnd(j, 5) < 0.87 THEN 'NOT_FOUND'
              WHEN pg_temp.rnd(j, 5) < 0.95 THEN 'ATTEMPTED' ELSE 'REFUSED' END)::"NotificationOutcome",
        CASE WHEN pg_temp.n_delivered(j) THEN (ARRAY['POSITIVE', 'NEUTRAL', 'NEUTRAL', 'NEGATIVE'])[1 + floor(pg_temp.rnd(j, 9) * 4)::int]::"PersonResponse" END,
        pg_temp.n_delivered(j) AND pg_temp.rnd(j, 7) < 0.08,
        pg_temp.n_time(j), pg_temp.n_time(j), ${tag === "n" ? police0 : `pg_temp.uid('user-orebro', 1)`}, 'POLICE'
      FROM generate_series(${lo}, ${hi}) j`,
    );

  // Referral k stems from notification k·stride: after a delivered one, referred within 0–120
  // days (most within the 90 that count as "sought support"); otherwise a self-referral.
  const stride = Math.max(1, Math.floor(p.notifications / p.referrals));
  const referralStatus = `(ARRAY['REFERRED','CONTACTED','ASSESSED','IN_PROGRAMME','COMPLETED','DISCONTINUED','DECLINED'])[
      CASE WHEN pg_temp.rnd(k, 42) < 0.10 THEN 1 WHEN pg_temp.rnd(k, 42) < 0.25 THEN 2 WHEN pg_temp.rnd(k, 42) < 0.40 THEN 3
           WHEN pg_temp.rnd(k, 42) < 0.60 THEN 4 WHEN pg_temp.rnd(k, 42) < 0.80 THEN 5 WHEN pg_temp.rnd(k, 42) < 0.90 THEN 6 ELSE 7 END]`;
  const referredAt = `LEAST(pg_temp.n_time(k * ${stride}) + make_interval(secs => pg_temp.rnd(k, 41) * (CASE WHEN pg_temp.n_delivered(k * ${stride}) THEN 120 ELSE 30 END) * 86400), ${now} - interval '1 day')`;
  const path = (status: string) => `(CASE ${status}
      WHEN 'REFERRED' THEN ARRAY['REFERRED'] WHEN 'CONTACTED' THEN ARRAY['REFERRED','CONTACTED']
      WHEN 'ASSESSED' THEN ARRAY['REFERRED','CONTACTED','ASSESSED'] WHEN 'IN_PROGRAMME' THEN ARRAY['REFERRED','CONTACTED','ASSESSED','IN_PROGRAMME']
      WHEN 'COMPLETED' THEN ARRAY['REFERRED','CONTACTED','ASSESSED','IN_PROGRAMME','COMPLETED']
      WHEN 'DISCONTINUED' THEN ARRAY['REFERRED','CONTACTED','ASSESSED','IN_PROGRAMME','DISCONTINUED']
      ELSE ARRAY['REFERRED','CONTACTED','DECLINED'] END)`;

  const out: Step[] = [
    {
      table: "Site, User, Group, NotificationRound",
      rows: 2 + 3 * c + 4 + p.groups + rounds,
      sql: () => `
        INSERT INTO "Site" (id, code, name) VALUES (${site}, 'malmo', 'Malmö (skala)'), (${other}, 'orebro', 'Örebro (skala)');
        INSERT INTO "User" (id, "siteId", email, name, role, agency, "passwordHash", "updatedAt")
        SELECT pg_temp.uid('user-' || r, k), ${site}, lower(r) || k || '@scale.samverkan.test',
          (${first})[1 + floor(pg_temp.rnd(k * 7 + length(r), 17) * ${FIRST_NAMES.length})::int] || ' ' ||
          (${last})[1 + floor(pg_temp.rnd(k * 7 + length(r), 18) * ${LAST_NAMES.length})::int] || ' (' || r || ' ' || k || ')',
          r::"Role", r::"Agency", '${passwordHash}', ${now}
        FROM unnest(ARRAY['POLICE', 'SOCIAL', 'PROBATION']) r, generate_series(1, ${c}) k;
        INSERT INTO "User" (id, "siteId", email, name, role, agency, "passwordHash", "updatedAt") VALUES
          (pg_temp.uid('user-MANAGER', 1), ${site}, 'ledning@scale.samverkan.test', 'Ledning (skala)', 'MANAGER', NULL, '${passwordHash}', ${now}),
          (pg_temp.uid('user-ADMIN', 1), ${site}, 'admin@scale.samverkan.test', 'Admin (skala)', 'ADMIN', NULL, '${passwordHash}', ${now}),
          (pg_temp.uid('user-orebro', 1), ${other}, 'polis@orebro.scale.samverkan.test', 'Polis Örebro (skala)', 'POLICE', 'POLICE', '${passwordHash}', ${now}),
          (pg_temp.uid('user-orebro', 2), ${other}, 'ledning@orebro.scale.samverkan.test', 'Ledning Örebro (skala)', 'MANAGER', NULL, '${passwordHash}', ${now});
        INSERT INTO "Group" (id, "siteId", name, district, "isPrioritized", "updatedAt", "createdById")
        SELECT pg_temp.uid('g', g), ${site}, 'Gruppering ' || g, (${list(DISTRICTS)})[1 + g % ${DISTRICTS.length}], g % 40 = 0, ${now}, ${police0}
        FROM generate_series(1, ${p.groups}) g;
        INSERT INTO "NotificationRound" (id, "siteId", name, "startsOn", "endsOn", "createdById")
        SELECT pg_temp.uid('round', r), ${site},
          CASE WHEN r % 2 = 0 THEN 'Våren ' ELSE 'Hösten ' END || extract(year FROM pg_temp.round_start(r)),
          pg_temp.round_start(r), pg_temp.round_start(r) + 13, ${police0}
        FROM generate_series(0, ${rounds - 1}) r;`,
    },
    ...people("p", site, p.people, police0, 0),
    ...people("q", other, p.otherPeople, `pg_temp.uid('user-orebro', 1)`, 500 * 9000),
    ...chunked(
      "Membership",
      p.people,
      (lo, hi) => `
      INSERT INTO "Membership" (id, "siteId", "personId", "groupId", "validFrom", "validTo", role, "sourceAgency", confidence, "reviewDueOn", "updatedAt", "createdById")
      SELECT pg_temp.uid('m' || v, i), ${site}, pg_temp.uid('p', i), pg_temp.uid('g', 1 + floor(pg_temp.rnd(i * 2 + v, 21) * ${p.groups})::int),
        date '2016-01-01' + floor(pg_temp.rnd(i, 22) * CASE WHEN v = 1 THEN 1000 ELSE 1500 END)::int, CASE WHEN v = 1 THEN date '2019-12-31' END,
        (ARRAY['LEADER','CORE_MEMBER','MEMBER','MEMBER','MEMBER','ASSOCIATE','UNKNOWN'])[1 + floor(pg_temp.rnd(i, 23) * 7)::int]::"MembershipRole",
        'POLICE', (ARRAY['CONFIRMED','PROBABLE','UNCONFIRMED'])[1 + floor(pg_temp.rnd(i, 24) * 3)::int]::"Confidence",
        date '2026-06-01' + floor(pg_temp.rnd(i, 25) * 400)::int, ${now}, ${police0}
      FROM generate_series(${lo}, ${hi}) i, generate_series(0, 1) v
      WHERE v = 0 OR i % 5 = 0`,
    ),
    ...chunked(
      "Assignment",
      p.people,
      (lo, hi) => `
      INSERT INTO "Assignment" (id, "siteId", "personId", "userId", agency, "assignedAt", "endedAt", "createdById")
      SELECT pg_temp.uid('a' || a.agency, i), ${site}, pg_temp.uid('p', i), pg_temp.uid('user-' || a.agency, 1 + (i % ${c})), a.agency::"Agency",
        pg_temp.span_start() + make_interval(days => floor(pg_temp.rnd(i, 26) * 1000)::int),
        -- Anonymising ends the person's assignments (nobody coordinates an anonymised person).
        CASE WHEN pg_temp.anon_at(i) IS NOT NULL THEN pg_temp.anon_at(i) WHEN pg_temp.rnd(i, 27) < 0.05 THEN ${now} - interval '30 days' END, ${police0}
      FROM generate_series(${lo}, ${hi}) i, unnest(ARRAY['POLICE', 'SOCIAL', 'PROBATION']) a(agency)
      WHERE a.agency = 'POLICE' OR (a.agency = 'SOCIAL' AND pg_temp.rnd(i, 28) < 0.4) OR (a.agency = 'PROBATION' AND pg_temp.rnd(i, 29) < 0.4)`,
    ),
    ...notifications("n", "p", site, p.notifications, p.people, true),
    ...notifications("qn", "q", other, p.otherNotifications, p.otherPeople, false),
    {
      table: "CustomNotification (every day of the last two months)",
      rows: p.dailyNotifications,
      sql: () => `
      INSERT INTO "CustomNotification" (id, "siteId", "personId", "roundId", "occurredAt", "placeType", agencies, outcome, response,
        "askedForHelpOnSite", "createdAt", "updatedAt", "createdById", "createdByAgency")
      SELECT pg_temp.uid('nd', j), ${site}, pg_temp.uid('p', y.person), NULL, y.at, 'HOME', '{POLICE,SOCIAL}'::"Agency"[],
        (CASE WHEN y.delivered THEN 'DELIVERED' ELSE 'NOT_FOUND' END)::"NotificationOutcome",
        CASE WHEN y.delivered THEN 'NEUTRAL'::"PersonResponse" END, y.delivered AND pg_temp.rnd(j, 304) < 0.08,
        y.at, y.at, ${police0}, 'POLICE'
      FROM (SELECT d::date AS day, s, (d::date - date '${dailyFrom(p.until)}') * ${p.perDay} + s AS j
            FROM generate_series(date '${dailyFrom(p.until)}', date '${p.until}', interval '1 day') d, generate_series(1, ${p.perDay}) s) x,
      -- 07:00–12:00 UTC: on --until itself, before noon, the instant the bench takes as now. A person
      -- drawn who was anonymised is swapped for the next one (anonymised people have no activity).
      LATERAL (SELECT (x.day + time '07:00')::timestamp AT TIME ZONE 'UTC' + make_interval(mins => floor(pg_temp.rnd(j, 302) * 300)::int) AS at,
                      -- The day's first is delivered: every day has reach, whatever the draw.
                      x.s = 1 OR pg_temp.rnd(j, 303) < 0.75 AS delivered,
                      CASE WHEN pg_temp.anon_at(1 + floor(pg_temp.rnd(j, 301) * ${p.people})::bigint) IS NULL
                           THEN 1 + floor(pg_temp.rnd(j, 301) * ${p.people})::bigint
                           ELSE 1 + (floor(pg_temp.rnd(j, 301) * ${p.people})::bigint + 1) % ${p.people} END AS person) y`,
    },
    ...chunked(
      "FollowUp",
      p.followUps,
      (lo, hi) => `
      INSERT INTO "FollowUp" (id, "siteId", "personId", agency, "assignedToId", "notificationId", "dueOn", "doneAt", "contactType", "updatedAt", "createdById")
      SELECT pg_temp.uid('f', j), ${site}, pg_temp.uid('p', pg_temp.n_person(j, ${p.people})), x.agency::"Agency",
        pg_temp.uid('user-' || x.agency, 1 + (pg_temp.n_person(j, ${p.people}) % ${c})), pg_temp.uid('n', j), x.due,
        CASE WHEN x.due < ${now}::date AND pg_temp.rnd(j, 31) < 0.92 THEN LEAST(x.due + make_interval(days => floor(pg_temp.rnd(j, 32) * 13)::int - 3), ${now}) END,
        CASE WHEN x.due < ${now}::date AND pg_temp.rnd(j, 31) < 0.92 THEN 'MEETING'::"ContactType" END, ${now}, pg_temp.uid('user-' || x.agency, 1)
      FROM generate_series(${lo}, ${hi}) j,
      LATERAL (SELECT (pg_temp.n_time(j) + interval '14 days')::date AS due, CASE WHEN pg_temp.rnd(j, 30) < 0.8 THEN 'PROBATION' ELSE 'SOCIAL' END AS agency) x`,
    ),
    ...chunked(
      "Referral",
      p.referrals,
      (lo, hi) => `
      INSERT INTO "Referral" (id, "siteId", "personId", status, "statusChangedAt", source, "notificationId", "referredAt", "closedAt", "updatedAt", "createdById")
      SELECT pg_temp.uid('r', k), ${site}, pg_temp.uid('p', pg_temp.n_person(k * ${stride}, ${p.people})), x.status::"ReferralStatus", x.changed,
        (CASE WHEN pg_temp.n_delivered(k * ${stride}) THEN 'CUSTOM_NOTIFICATION' ELSE 'SELF' END)::"ReferralSource",
        CASE WHEN pg_temp.n_delivered(k * ${stride}) THEN pg_temp.uid('n', k * ${stride}) END, x.referred,
        CASE WHEN x.status IN ('COMPLETED', 'DISCONTINUED', 'DECLINED') THEN x.changed END, ${now}, pg_temp.uid('user-SOCIAL', 1)
      FROM generate_series(${lo}, ${hi}) k,
      LATERAL (SELECT ${referralStatus} AS status, ${referredAt} AS referred) s,
      LATERAL (SELECT s.status, s.referred, LEAST(s.referred + make_interval(days => 10 * (cardinality(${path("s.status")}) - 1)), ${now}) AS changed) x`,
    ),
    ...chunked(
      "ReferralStatusChange",
      p.referrals,
      (lo, hi) => `
      INSERT INTO "ReferralStatusChange" (id, "referralId", "fromStatus", "toStatus", "changedAt", "changedById")
      SELECT pg_temp.uid('rs' || step.n, r.k), pg_temp.uid('r', r.k), (r.path[step.n::int - 1])::"ReferralStatus", step.status::"ReferralStatus",
        LEAST(r.referred + make_interval(days => 10 * (step.n::int - 1)), ${now}), pg_temp.uid('user-SOCIAL', 1)
      FROM (SELECT k, ${referredAt} AS referred, ${path(referralStatus)} AS path FROM generate_series(${lo}, ${hi}) k) r,
      unnest(r.path) WITH ORDINALITY step(status, n)`,
    ),
    ...chunked(
      "SupportMeasure",
      p.referrals,
      (lo, hi) => `
      INSERT INTO "SupportMeasure" (id, "siteId", "referralId", "personId", type, status, "startsOn", "endsOn", "updatedAt", "createdById")
      SELECT pg_temp.uid('sm' || v, r.id_k), ${site}, r.id, r."personId",
        (CASE WHEN pg_temp.rnd(r.id_k * 2 + v, 51) < 0.1 THEN 'RELOCATION'
              ELSE (ARRAY['HOUSING','EMPLOYMENT','EDUCATION','TREATMENT','PROTECTION','DEBT_ADVICE','FAMILY_SUPPORT'])[1 + floor(pg_temp.rnd(r.id_k * 2 + v, 52) * 7)::int] END)::"SupportMeasureType",
        (CASE r.status WHEN 'ASSESSED' THEN 'PLANNED' WHEN 'IN_PROGRAMME' THEN 'ONGOING' WHEN 'COMPLETED' THEN 'COMPLETED' ELSE 'DISCONTINUED' END)::"SupportMeasureStatus",
        (r."referredAt" + interval '20 days')::date,
        CASE WHEN r.status IN ('COMPLETED', 'DISCONTINUED') THEN (r."referredAt" + interval '120 days')::date END, ${now}, pg_temp.uid('user-SOCIAL', 1)
      FROM (SELECT k AS id_k, ref.* FROM generate_series(${lo}, ${hi}) k JOIN "Referral" ref ON ref.id = pg_temp.uid('r', k)) r, generate_series(0, 1) v
      WHERE r.status IN ('ASSESSED', 'IN_PROGRAMME', 'COMPLETED', 'DISCONTINUED') AND (v = 0 OR pg_temp.rnd(r.id_k, 53) < 0.3)`,
    ),
    // Recorded by social services, covering what it may share; probation confirmed most of them
    // (its follow-ups are then open to social services), a few are still asked of it.
    ...chunked(
      "Consent",
      p.referrals,
      (lo, hi) => `
      INSERT INTO "Consent" (id, "siteId", "personId", "recordedByAgency", "documentReference", "givenOn", "withdrawnAt", "updatedAt", "createdById")
      SELECT pg_temp.uid('c', k), ${site}, r."personId", 'SOCIAL', 'SAMTYCKE-' || k, r."referredAt"::date,
        CASE WHEN pg_temp.rnd(k, 62) < 0.05 THEN r."referredAt" + interval '200 days' END, ${now}, pg_temp.uid('user-SOCIAL', 1)
      FROM generate_series(${lo}, ${hi}) k JOIN "Referral" r ON r.id = pg_temp.uid('r', k);
      INSERT INTO "ConsentCoverage" ("consentId", "fromAgency", kind, "toAgency")
      SELECT pg_temp.uid('c', k), cov.f::"Agency", cov.kind::"ConsentInfoKind", cov.t::"Agency"
      FROM generate_series(${lo}, ${hi}) k
      JOIN (VALUES ('SOCIAL', 'REFERRAL_STATUS', 'POLICE', 0.7), ('SOCIAL', 'SUPPORT_MEASURE_STATUS', 'POLICE', 0.7),
                   ('SOCIAL', 'REFERRAL_STATUS', 'PROBATION', 0.9), ('SOCIAL', 'SUPPORT_MEASURE_STATUS', 'PROBATION', 0.9),
                   ('SOCIAL', 'FOLLOW_UP', 'PROBATION', 0.9), ('PROBATION', 'FOLLOW_UP', 'SOCIAL', 0.9)) cov(f, kind, t, share)
        ON pg_temp.rnd(k, 61) < cov.share
      WHERE EXISTS (SELECT 1 FROM "Referral" r WHERE r.id = pg_temp.uid('r', k));
      INSERT INTO "ConsentConfirmation" (id, "consentId", agency, status, "requestedAt", "decidedAt", "decidedById")
      SELECT pg_temp.uid('cc' || h.agency, k), pg_temp.uid('c', k), h.agency::"Agency",
        (CASE WHEN h.agency = 'SOCIAL' OR pg_temp.rnd(k, 63) < 0.9 THEN 'CONFIRMED' ELSE 'REQUESTED' END)::"ConsentConfirmationStatus", ${now},
        CASE WHEN h.agency = 'SOCIAL' OR pg_temp.rnd(k, 63) < 0.9 THEN ${now} END,
        CASE WHEN h.agency = 'SOCIAL' THEN pg_temp.uid('user-SOCIAL', 1) WHEN pg_temp.rnd(k, 63) < 0.9 THEN pg_temp.uid('user-PROBATION', 1) END
      FROM generate_series(${lo}, ${hi}) k
      JOIN LATERAL (SELECT DISTINCT "fromAgency"::text AS agency FROM "ConsentCoverage" WHERE "consentId" = pg_temp.uid('c', k)) h ON true`,
    ),
    {
      table: "CallIn, CallInInvitee",
      rows: p.callIns * (1 + p.inviteesPerCallIn),
      sql: () => `
        INSERT INTO "CallIn" (id, "siteId", "occurredAt", venue, "updatedAt", "createdById", "createdByAgency")
        SELECT pg_temp.uid('ci', x), ${site}, pg_temp.span_start() + make_interval(secs => pg_temp.rnd(x, 71) * pg_temp.span_days() * 86400),
          (ARRAY['Rådhuset, sessionssalen', 'Stadshuset, stora salen', 'Frivården, konferensrummet'])[1 + x % 3], ${now}, ${police0}, 'POLICE'
        FROM generate_series(1, ${p.callIns}) x;
        INSERT INTO "CallInInvitee" (id, "callInId", "personId", status, response, "askedForHelp")
        SELECT pg_temp.uid('cii', x * 1000 + s), pg_temp.uid('ci', x), pg_temp.uid('p', 1 + floor(pg_temp.rnd(x * 1000 + s, 72) * ${p.people})::int),
          y.status::"InviteeStatus", CASE WHEN y.status = 'ATTENDED' THEN 'NEUTRAL'::"PersonResponse" END,
          y.status = 'ATTENDED' AND pg_temp.rnd(x * 1000 + s, 74) < 0.1
        FROM generate_series(1, ${p.callIns}) x, generate_series(1, ${p.inviteesPerCallIn}) s,
        LATERAL (SELECT CASE WHEN pg_temp.rnd(x * 1000 + s, 73) < 0.75 THEN 'ATTENDED' WHEN pg_temp.rnd(x * 1000 + s, 73) < 0.9 THEN 'ABSENT' ELSE 'DECLINED' END AS status) y
        ON CONFLICT ("callInId", "personId") DO NOTHING;`,
    },
    ...chunked(
      "Incident",
      p.incidents,
      (lo, hi) => `
      INSERT INTO "Incident" (id, "siteId", "occurredAt", type, district, killed, injured, "groupMemberInvolvement", "updatedAt", "createdById")
      SELECT pg_temp.uid('i', x), ${site}, pg_temp.span_start() + make_interval(secs => pg_temp.rnd(x, 81) * pg_temp.span_days() * 86400),
        y.type::"IncidentType", (${list(DISTRICTS)})[1 + floor(pg_temp.rnd(x, 83) * ${DISTRICTS.length})::int],
        CASE WHEN y.type = 'SHOOTING' AND pg_temp.rnd(x, 84) < 0.12 THEN 1 ELSE 0 END, CASE WHEN pg_temp.rnd(x, 85) < 0.35 THEN 1 ELSE 0 END,
        (ARRAY['YES','YES','NO','UNKNOWN','UNKNOWN'])[1 + floor(pg_temp.rnd(x, 86) * 5)::int]::"GroupMemberInvolvement", ${now}, ${police0}
      FROM generate_series(${lo}, ${hi}) x,
      LATERAL (SELECT CASE WHEN pg_temp.rnd(x, 82) < 0.35 THEN 'SHOOTING' WHEN pg_temp.rnd(x, 82) < 0.5 THEN 'EXPLOSION'
                           WHEN pg_temp.rnd(x, 82) < 0.75 THEN 'STABBING' ELSE 'OTHER_VIOLENCE' END AS type) y;
      INSERT INTO "IncidentGroup" ("incidentId", "groupId", role)
      SELECT pg_temp.uid('i', x), pg_temp.uid('g', 1 + floor(pg_temp.rnd(x, 87) * ${p.groups})::int), 'SUSPECTED'
      FROM generate_series(${lo}, ${hi}) x WHERE pg_temp.rnd(x, 88) < 0.3;
      INSERT INTO "IncidentPerson" ("incidentId", "personId", role)
      SELECT pg_temp.uid('i', x), pg_temp.uid('p', 1 + floor(pg_temp.rnd(x, 89) * ${p.people})::int),
        (CASE WHEN pg_temp.rnd(x, 90) < 0.5 THEN 'VICTIM' ELSE 'SUSPECT' END)::"IncidentPersonRole"
      FROM generate_series(${lo}, ${hi}) x WHERE pg_temp.rnd(x, 91) < 0.4;`,
    ),
  ];
  return out;
}

/** Enforcement actions make up the rest of the million activity rows once the referral steps are counted. */
function enforcementSteps(p: Plan, count: number): Step[] {
  const site = `pg_temp.uid('site', 1)`;
  return chunked(
    "EnforcementAction",
    count,
    (lo, hi) => `
    INSERT INTO "EnforcementAction" (id, "siteId", "personId", "groupId", type, "occurredAt", "updatedAt", "createdById")
    SELECT pg_temp.uid('e', e), ${site},
      CASE WHEN pg_temp.rnd(e, 92) >= 0.1 THEN pg_temp.uid('p', 1 + floor(pg_temp.rnd(e, 93) * ${p.people})::int) END,
      CASE WHEN pg_temp.rnd(e, 92) < 0.1 THEN pg_temp.uid('g', 1 + floor(pg_temp.rnd(e, 94) * ${p.groups})::int) END,
      (ARRAY['ARREST','WEAPON_SEIZURE','SEARCH','SEARCH','DETENTION','PROSECUTION','CONVICTION','OTHER'])[1 + floor(pg_temp.rnd(e, 95) * 8)::int]::"EnforcementActionType",
      pg_temp.span_start() + make_interval(secs => pg_temp.rnd(e, 96) * pg_temp.span_days() * 86400), pg_temp.until(), pg_temp.uid('user-POLICE', 1)
    FROM generate_series(${lo}, ${hi}) e`,
  );
}

/**
 * A few weeks of edits after the load, as the app makes them: plain UPDATEs through the triggers
 * (search text, caseload counts, the dashboard's summaries), each row picked by a hash of its id so
 * the dead rows are spread over the tables' pages. Not vacuumed afterwards.
 */
function editsSql(): string {
  const site = `pg_temp.uid('site', 1)`;
  const now = `pg_temp.until()`;
  const picked = (salt: number, share: number) => `pg_temp.rnd(hashtext(id::text), ${salt}) < ${share}`;
  return `
    -- 5 % of the notifications: the response and the next step written in; an attempt that was delivered on a second try.
    UPDATE "CustomNotification" SET outcome = CASE WHEN outcome = 'ATTEMPTED' THEN 'DELIVERED' ELSE outcome END,
      response = CASE WHEN outcome IN ('DELIVERED', 'ATTEMPTED') THEN 'POSITIVE'::"PersonResponse" ELSE response END,
      "nextStep" = 'Uppföljning inom två veckor', version = version + 1, "updatedAt" = ${now}
    WHERE "siteId" = ${site} AND ${picked(201, 0.05)};
    -- 8 % of the follow-ups: recorded as done, with a summary.
    UPDATE "FollowUp" SET "doneAt" = coalesce("doneAt", LEAST(("dueOn" + time '10:00') AT TIME ZONE 'UTC', ${now})),
      "contactType" = coalesce("contactType", 'MEETING'), summary = 'Samtal genomfört', version = version + 1, "updatedAt" = ${now}
    WHERE "siteId" = ${site} AND ${picked(202, 0.08)};
    -- 3 % of the people: a new status (deprived of liberty, or back to active), which moves the retention clock.
    UPDATE "Person" SET status = CASE WHEN status = 'ACTIVE' THEN 'DEPRIVED_OF_LIBERTY' ELSE 'ACTIVE' END::"PersonStatus",
      "statusSince" = ${now} - make_interval(days => floor(pg_temp.rnd(hashtext(id::text), 204) * 30)::int),
      "lastActivityAt" = ${now} - make_interval(days => floor(pg_temp.rnd(hashtext(id::text), 204) * 30)::int),
      version = version + 1, "updatedAt" = ${now}
    WHERE "siteId" = ${site} AND "anonymisedAt" IS NULL AND ${picked(203, 0.03)};
    -- 2 % of the open assignments ended (the caseload counts follow by trigger), 5 % of the referrals edited.
    UPDATE "Assignment" SET "endedAt" = ${now} - interval '3 days'
    WHERE "siteId" = ${site} AND "endedAt" IS NULL AND ${picked(205, 0.02)};
    UPDATE "Referral" SET version = version + 1, "updatedAt" = ${now} WHERE "siteId" = ${site} AND ${picked(206, 0.05)};`;
}

/** Where the audit log stands between chunks: the last event id, and the chain's last position and hash. */
type ChainHead = { id: number; position: number; hash: string };

/**
 * The audit log: p.auditEvents events of the main site in the mix the app writes (reads of person
 * files, with a reason for some and the access grant before them; searches with the ids shown;
 * reads and changes of records; sign-ins; managers' statistics; reveals, disclosures, the
 * administrator's reviews) plus one ANONYMISE event per anonymised person, at its time.
 *
 * Generated with the triggers off (session_replication_role = replica, as the rest of the load)
 * and chained in bulk: each chunk is staged in a temporary table shaped LIKE "AuditEvent", ids
 * drawn in time order after the previous chunk's, then every row's hash is computed by SQL in id
 * order with the same audit_event_digest() the insert trigger uses (a window aggregate), each
 * row's prevHash being the hash before it ("genesis" first), and the chunk is appended with its
 * links in AuditChain (decision 003; the chainer would link them one batch at a time). Through the old trigger instead (one advisory lock, one lookup of
 * the last hash and a PL/pgSQL call per row) 200,000 rows took 34.5 s against 4.6 s for the
 * hashing here (measured at load 3 on 2 cores). `npm run audit:verify` checks the result like
 * any log, and the seed's test verifies the chain.
 */
function auditSteps(p: Plan, head: ChainHead): Step[] {
  const site = `pg_temp.uid('site', 1)`;
  const c = p.coordinators;
  const n = p.auditEvents;
  const stride = Math.max(1, Math.floor(p.notifications / p.referrals));
  const person = (salt: number) => `(1 + floor(pg_temp.rnd(i, ${salt}) * ${p.people})::bigint)`;
  const reasons = list(["PLANNED_CONTACT", "COVERING_COLLEAGUE", "JOINT_PLANNING", "RISK_ASSESSMENT", "OTHER"]);
  const columns = `id, "occurredAt", "siteId", "actorId", "actorRole", action, "entityType", "entityId", "personId", reason, metadata, "ipAddress", "requestId"`;
  const steps: Step[] = [
    {
      table: "AuditEvent (staging)",
      rows: 0,
      sql: () => `CREATE TEMP TABLE audit_stage (LIKE "AuditEvent")`,
    },
  ];
  for (let lo = 1; lo <= n; lo += AUDIT_CHUNK) {
    const hi = Math.min(n, lo + AUDIT_CHUNK - 1);
    const from = lo === 1 ? "'-infinity'::timestamptz" : `pg_temp.audit_at(${lo}, ${n})`;
    const to = hi === n ? "'infinity'::timestamptz" : `pg_temp.audit_at(${hi + 1}, ${n})`;
    steps.push({
      table: "AuditEvent (generate)",
      rows: 0,
      sql: () => `
      TRUNCATE audit_stage;
      INSERT INTO audit_stage (${columns})
      SELECT ${head.id} + row_number() OVER (ORDER BY ev.at, ev.tie), ev.at, ev.site, ev.actor, ev.role::"Role", ev.action::"AuditAction",
        ev.entity_type, ev.entity_id, ev.person, ev.reason, ev.metadata, ev.ip, CASE WHEN ev.tie > 0 THEN pg_temp.uid('req', ev.tie)::text END
      FROM (
        SELECT pg_temp.audit_at(i, ${n}) AS at, i AS tie,
          CASE k.kind WHEN 'stats' THEN pg_temp.uid('user-MANAGER', 1) WHEN 'admin' THEN pg_temp.uid('user-ADMIN', 1)
               -- Constant tags, so each uid's md5 is folded at planning instead of computed per row.
               ELSE CASE k.agency WHEN 'POLICE' THEN pg_temp.uid('user-POLICE', k.usr)
                 WHEN 'SOCIAL' THEN pg_temp.uid('user-SOCIAL', k.usr) ELSE pg_temp.uid('user-PROBATION', k.usr) END END AS actor,
          CASE k.kind WHEN 'stats' THEN 'MANAGER' WHEN 'admin' THEN 'ADMIN' ELSE k.agency END AS role,
          CASE k.kind WHEN 'search' THEN 'SEARCH' WHEN 'change' THEN CASE WHEN pg_temp.rnd(i, 110) < 0.3 THEN 'CREATE' ELSE 'UPDATE' END
               WHEN 'signIn' THEN 'SIGN_IN' WHEN 'signOut' THEN 'SIGN_OUT' WHEN 'signInFailed' THEN 'SIGN_IN_FAILED'
               WHEN 'reveal' THEN 'REVEAL_IDENTITY_NUMBER' WHEN 'disclose' THEN 'DISCLOSE' ELSE 'READ' END AS action,
          CASE WHEN k.kind IN ('read', 'readReason', 'reveal', 'search') THEN 'Person' WHEN k.kind = 'grant' THEN 'PersonAccess'
               WHEN k.kind IN ('readRecord', 'change') THEN r.entity_type WHEN k.kind = 'disclose' THEN 'ReferralStatus'
               WHEN k.kind = 'stats' THEN 'Statistics' WHEN k.kind = 'caseload' THEN 'Caseload' WHEN k.kind = 'admin' THEN 'AuditEvent' END AS entity_type,
          CASE WHEN k.kind IN ('read', 'readReason', 'reveal', 'grant') THEN pg_temp.uid('p', k.person)::text
               WHEN k.kind IN ('readRecord', 'change', 'disclose') THEN r.entity_id END AS entity_id,
          CASE WHEN k.kind IN ('read', 'readReason', 'reveal', 'grant') THEN pg_temp.uid('p', k.person)
               WHEN k.kind IN ('readRecord', 'change', 'disclose') THEN pg_temp.uid('p', r.person) END AS person,
          CASE WHEN k.kind IN ('readReason', 'grant') THEN k.reason END AS reason,
          CASE k.kind
            WHEN 'read' THEN '{"access": "caseload"}'::jsonb
            WHEN 'readReason' THEN '{"access": "reason"}'::jsonb
            WHEN 'reveal' THEN '{"access": "caseload"}'::jsonb
            WHEN 'grant' THEN jsonb_build_object('reasonCode', split_part(k.reason, ':', 1), 'grantMinutes', 30)
            WHEN 'search' THEN jsonb_build_object('page', 1, 'searched', true,
              'filters', '{"status": null, "groupId": null, "notified": null, "coordinatorId": null}'::jsonb,
              'shownPersonIds', (SELECT jsonb_agg(pg_temp.uid('p', 1 + floor(pg_temp.rnd(i * 16 + s, 111) * ${p.people})::bigint))
                                 FROM generate_series(1, 1 + floor(pg_temp.rnd(i, 112) * 20)::int) s))
            WHEN 'readRecord' THEN '{"access": "caseload"}'::jsonb
            WHEN 'change' THEN jsonb_build_object('version', 1 + floor(pg_temp.rnd(i, 113) * 3)::int)
            WHEN 'disclose' THEN jsonb_build_object('toAgency', k.agency, 'legalBasis', 'CONSENT')
            WHEN 'signInFailed' THEN '{"reason": "password"}'::jsonb
            WHEN 'stats' THEN jsonb_build_object('audience', 'site', 'period', 'month',
              'from', to_char(date_trunc('month', pg_temp.audit_at(i, ${n}) AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM-DD'),
              'to', to_char(pg_temp.audit_at(i, ${n}) AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD'))
            WHEN 'admin' THEN '{"filters": {"action": null, "actorId": null}}'::jsonb
          END AS metadata,
          '10.20.' || (k.usr % 250) || '.' || (CASE k.agency WHEN 'POLICE' THEN 11 WHEN 'SOCIAL' THEN 12 ELSE 13 END) AS ip, ${site} AS site
        FROM generate_series(${lo}, ${hi}) i,
        LATERAL (SELECT pg_temp.rnd(i, 101) AS x,
                        (ARRAY['POLICE', 'SOCIAL', 'PROBATION'])[1 + floor(pg_temp.rnd(i, 102) * 3)::int] AS agency,
                        1 + floor(pg_temp.rnd(i, 103) * ${c})::int AS usr, ${person(104)} AS person,
                        (${reasons})[1 + floor(pg_temp.rnd(i, 105) * 5)::int] || CASE WHEN pg_temp.rnd(i, 105) >= 0.8 THEN ': samordning inför möte' ELSE '' END AS reason) v,
        LATERAL (SELECT v.*, CASE WHEN v.x < 0.40 THEN 'read' WHEN v.x < 0.48 THEN 'readReason' WHEN v.x < 0.50 THEN 'grant'
                   WHEN v.x < 0.62 THEN 'search' WHEN v.x < 0.68 THEN 'readRecord' WHEN v.x < 0.76 THEN 'change'
                   WHEN v.x < 0.84 THEN 'signIn' WHEN v.x < 0.87 THEN 'signOut' WHEN v.x < 0.88 THEN 'signInFailed'
                   WHEN v.x < 0.92 THEN 'stats' WHEN v.x < 0.95 THEN 'caseload' WHEN v.x < 0.97 THEN 'reveal'
                   WHEN v.x < 0.99 THEN 'disclose' ELSE 'admin' END AS kind) k,
        -- A record and its own person: notification j, follow-up j (of notification j) and referral
        -- k (of notification k·stride) belong to the person their generators give them.
        LATERAL (SELECT CASE WHEN k.kind = 'disclose' OR pg_temp.rnd(i, 106) >= 0.8 THEN 'Referral'
                             WHEN pg_temp.rnd(i, 106) < 0.5 THEN 'CustomNotification' ELSE 'FollowUp' END AS entity_type,
                        CASE WHEN k.kind = 'disclose' OR pg_temp.rnd(i, 106) >= 0.8 THEN 1 + floor(pg_temp.rnd(i, 107) * ${p.referrals})::bigint
                             WHEN pg_temp.rnd(i, 106) < 0.5 THEN 1 + floor(pg_temp.rnd(i, 107) * ${p.notifications})::bigint
                             ELSE 1 + floor(pg_temp.rnd(i, 107) * ${p.followUps})::bigint END AS j) e,
        LATERAL (SELECT e.entity_type,
                        (CASE e.entity_type WHEN 'Referral' THEN pg_temp.uid('r', e.j) WHEN 'CustomNotification' THEN pg_temp.uid('n', e.j)
                              ELSE pg_temp.uid('f', e.j) END)::text AS entity_id,
                        pg_temp.n_person(CASE WHEN e.entity_type = 'Referral' THEN e.j * ${stride} ELSE e.j END, ${p.people}) AS person) r
        UNION ALL
        -- The retention run's own events (lib/retention/job.ts), each site's at its own: no actor, the site named.
        SELECT pe."anonymisedAt", 0, NULL, NULL, 'ANONYMISE', 'Person', pe.id::text, pe.id, NULL,
          '{"months": 36, "trigger": "scheduled"}'::jsonb, NULL, pe."siteId"
        FROM "Person" pe WHERE pe."anonymisedAt" >= ${from} AND pe."anonymisedAt" < ${to}
      ) ev`,
    });
    steps.push({
      table: "AuditEvent (chain)",
      rows: hi - lo + 1,
      sql: () => `
      INSERT INTO "AuditEvent" (${columns}) SELECT ${columns} FROM audit_stage ORDER BY id;
      INSERT INTO "AuditChain" ("position", "eventId", "prevHash", hash, "chainedAt")
      SELECT ${head.position} + row_number() OVER (ORDER BY id), id, lag(link, 1, '${head.hash}') OVER (ORDER BY id), link, "occurredAt"
      FROM (SELECT a.*, pg_temp.audit_chain('${head.hash}', ROW(a.*)::"AuditEvent") OVER (ORDER BY id) AS link FROM audit_stage a) x;
      SELECT "eventId"::int AS id, "position"::int AS position, hash FROM "AuditChain" ORDER BY "position" DESC LIMIT 1`,
      after: (results) => {
        const last = results.at(-1)?.rows[0] as ChainHead | undefined;
        if (last) Object.assign(head, last);
      },
    });
  }
  steps.push({
    table: "AuditEvent (sequence)",
    rows: 0,
    // The trigger draws the next id from the sequence: after the generated ones.
    sql: () =>
      `DROP TABLE audit_stage; SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), GREATEST(${head.id}, 1), ${head.id} > 0)`,
  });
  return steps;
}

/**
 * Creates the database at `url` anew and fills it. Returns the row counts and the seconds it took.
 * `log` receives the progress bar and the summary (the command line prints them; tests do not).
 */
export async function seedScale(
  url: string,
  opts: { people: number; until: string; log?: (line: string) => void },
): Promise<{ seconds: number; counts: Record<string, number>; activity: number; deadTuples: Record<string, number> }> {
  const p = plan(opts.people, opts.until);
  const log = opts.log ?? (() => {});
  const started = performance.now();
  {
    await dropDatabase(url);
    await ensureDatabase(url);
    await runPrismaOrThrow(["migrate", "deploy"], url, { quiet: true });

    const rounds = Array.from({ length: 40 }, (_, r) => r).filter((r) => {
      const year = Number(START.slice(0, 4)) + Math.floor(r / 2);
      return `${year}-${r % 2 === 0 ? "05-24" : "09-27"}` < opts.until;
    }).length;
    const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(helpers(p, opts.until, rounds));
      // Foreign keys are checked per row by triggers; the generator keeps them by construction, so
      // a superuser (the embedded server) loads without them and the check below verifies instead.
      const { rows: su } = await client.query<{ su: boolean }>(
        "SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user",
      );
      if (su[0]?.su) await client.query("SET session_replication_role = replica");
      // Without superuser rights the triggers stay on: the dashboard's per-person summaries are then
      // told to wait for the rebuild below (recounting a person per inserted row would never end).
      else await client.query("SET samverkan.summaries_off = 'on'");

      // Secondary indexes are dropped for the load and built again afterwards: one sort per index
      // instead of a random B-tree insert per row (measured: the load is about twice as fast).
      // Primary keys and unique indexes stay (the generator looks rows up and relies on them). The
      // audit log's too: with 50 events a person it is the largest table, and its GIN index the slowest to fill row by row.
      const { rows: indexes } = await client.query<{ name: string; def: string }>(`
        SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
        JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.schemaname = 'public' AND NOT x.indisunique AND i.tablename <> '_prisma_migrations'`);
      for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);

      const bar = new cliProgress.SingleBar(
        {
          format: "{bar} {percentage}% | {value}/{total} rader | {duration_formatted} | {table}",
          noTTYOutput: Boolean(opts.log),
          notTTYSchedule: 5000,
          hideCursor: true,
          stream: opts.log ? process.stdout : new Writable({ write: (_chunk, _encoding, done) => done() }),
        },
        cliProgress.Presets.shades_classic,
      );
      const first = steps(p, rounds, passwordHash);
      const estimatedSteps = Math.round(p.referrals * 3.45);
      const estimatedEnforcement = p.activity - p.notifications - p.followUps - estimatedSteps;
      const estimatedAudit = p.auditEvents + Math.round(p.people * ANONYMISED_SHARE);
      bar.start(first.reduce((s, x) => s + x.rows, 0) + estimatedEnforcement + estimatedAudit, 0, { table: "" });
      const seconds = new Map<string, number>();
      const run = async (list: Step[]) => {
        for (const step of list) {
          bar.update({ table: step.table });
          const t0 = performance.now();
          const result = (await client.query(step.sql())) as pg.QueryResult | pg.QueryResult[];
          step.after?.(Array.isArray(result) ? result : [result]);
          seconds.set(step.table, (seconds.get(step.table) ?? 0) + (performance.now() - t0) / 1000);
          bar.increment(step.rows);
        }
      };
      await run(first);
      const { rows: counted } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM "ReferralStatusChange"',
      );
      // (Örebro's few notifications are not part of the million; the daily ones are.)
      const enforcement = p.activity - p.notifications - p.dailyNotifications - p.followUps - counted[0]!.n;
      bar.setTotal(bar.getTotal() - estimatedEnforcement + enforcement);
      await run(enforcementSteps(p, enforcement));
      // The chain's head (AuditChain, decision 003) and the last event id (events the app wrote
      // earlier in the load may still wait for the chainer in AuditPending: they keep their ids).
      const { rows: last } = await client.query<ChainHead>(
        `SELECT coalesce((SELECT max(id) FROM "AuditEvent"), 0)::int AS id,
                coalesce((SELECT max("position") FROM "AuditChain"), 0)::int AS position,
                coalesce((SELECT hash FROM "AuditChain" ORDER BY "position" DESC LIMIT 1), 'genesis') AS hash`,
      );
      await run(auditSteps(p, last[0]!));
      // The bulk chain against the database's own function, on the last rows (the whole chain:
      // npm run audit:verify, which the seed's test runs).
      const { rows: links } = await client.query<{ wrong: number }>(`
        SELECT count(*) FILTER (WHERE c.hash IS DISTINCT FROM audit_event_digest(c."prevHash", e))::int AS wrong
        FROM (SELECT * FROM "AuditChain" ORDER BY "position" DESC LIMIT 1000) c JOIN "AuditEvent" e ON e.id = c."eventId"`);
      if (links[0]!.wrong !== 0) throw new Error(`${links[0]!.wrong} of the last 1000 audit events do not chain`);
      bar.update({ table: "CREATE INDEX" });
      const t0 = performance.now();
      for (const index of indexes) await client.query(index.def);
      seconds.set("CREATE INDEX", (performance.now() - t0) / 1000);
      bar.update({ table: "VACUUM ANALYZE" });
      await client.query("SET session_replication_role = DEFAULT");
      await client.query("RESET samverkan.summaries_off");
      // The summaries' triggers were off with the foreign keys: build them from the loaded rows,
      // every summary the migrations define a rebuild for (dashboard_rebuild_*()), so a new one is
      // filled without a change here.
      bar.update({ table: "dashboard summaries" });
      const t1 = performance.now();
      const { rows: rebuilds } = await client.query<{ name: string }>(`
        SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname LIKE 'dashboard\_rebuild\_%' AND p.pronargs = 0 ORDER BY p.proname`);
      for (const { name } of rebuilds) await client.query(`SELECT "${name}"()`);
      seconds.set("dashboard summaries", (performance.now() - t1) / 1000);
      // The years before today, as autovacuum would have left them: statistics for the planner, and
      // the visibility map that lets counts be read from indexes alone.
      bar.update({ table: "VACUUM ANALYZE" });
      const t2 = performance.now();
      await client.query("VACUUM (ANALYZE)");
      seconds.set("VACUUM ANALYZE", (performance.now() - t2) / 1000);
      // ... and the weeks since: edits through the triggers, which leave dead rows and pages that
      // are not all-visible, not vacuumed afterwards; analysed, as autovacuum's analyse would.
      bar.update({ table: "edits (not vacuumed)" });
      const t3 = performance.now();
      await client.query(editsSql());
      await client.query("ANALYZE");
      seconds.set("edits (not vacuumed)", (performance.now() - t3) / 1000);
      bar.stop();

      const { rows: orphans } = await client.query<{ n: number }>(`
        SELECT ((SELECT count(*) FROM "CustomNotification" n LEFT JOIN "Person" p ON p.id = n."personId" WHERE p.id IS NULL)
             + (SELECT count(*) FROM "FollowUp" f LEFT JOIN "CustomNotification" n ON n.id = f."notificationId" WHERE n.id IS NULL)
             + (SELECT count(*) FROM "Referral" r LEFT JOIN "Person" p ON p.id = r."personId" WHERE p.id IS NULL)
             + (SELECT count(*) FROM "Assignment" a LEFT JOIN "User" u ON u.id = a."userId" WHERE u.id IS NULL))::int AS n`);
      if (orphans[0]!.n !== 0) throw new Error(`${orphans[0]!.n} rows point at records that do not exist`);
      await client.query(
        `INSERT INTO "SystemSetting" (key, value, "updatedAt") VALUES
          ('environment', 'development', now()), ('scaleSeed', $1, now())`,
        [JSON.stringify({ people: opts.people, until: opts.until })],
      );

      const { rows } = await client.query<{ t: string; n: number }>(`
        SELECT t, n FROM (VALUES
          ('Person', (SELECT count(*) FROM "Person")), ('Group', (SELECT count(*) FROM "Group")),
          ('CustomNotification', (SELECT count(*) FROM "CustomNotification")), ('FollowUp', (SELECT count(*) FROM "FollowUp")),
          ('ReferralStatusChange', (SELECT count(*) FROM "ReferralStatusChange")), ('EnforcementAction', (SELECT count(*) FROM "EnforcementAction")),
          ('Referral', (SELECT count(*) FROM "Referral")), ('SupportMeasure', (SELECT count(*) FROM "SupportMeasure")),
          ('Incident', (SELECT count(*) FROM "Incident")), ('CallInInvitee', (SELECT count(*) FROM "CallInInvitee")),
          ('Assignment', (SELECT count(*) FROM "Assignment")), ('Membership', (SELECT count(*) FROM "Membership")),
          ('AuditEvent', (SELECT count(*) FROM "AuditEvent")),
          ('Person (anonymised)', (SELECT count(*) FROM "Person" WHERE "anonymisedAt" IS NOT NULL))) v(t, n)`);
      // The edits' dead rows, as the statistics see them (this session's counts are sent when it is next idle).
      await client.query("SELECT pg_stat_force_next_flush()");
      const { rows: dead } = await client.query<{ t: string; dead: number; live: number }>(`
        SELECT relname AS t, n_dead_tup::int AS dead, n_live_tup::int AS live FROM pg_stat_user_tables
        WHERE relname IN ('Person', 'CustomNotification', 'FollowUp', 'Referral', 'Assignment') ORDER BY relname`);
      const deadTuples = Object.fromEntries(dead.map((r) => [r.t, r.dead]));
      const count = Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
      const activity =
        count.CustomNotification! -
        p.otherNotifications +
        count.FollowUp! +
        count.ReferralStatusChange! +
        count.EnforcementAction!;
      for (const r of rows) log(`  ${r.t.padEnd(22)} ${Number(r.n).toLocaleString("sv-SE").padStart(10)}`);
      log(
        `  ${"aktivitetsrader".padEnd(22)} ${activity.toLocaleString("sv-SE").padStart(10)} (samtal, uppföljningar, remissteg, polisiära åtgärder i Malmö)`,
      );
      log(`  döda rader efter redigeringarna (ej vakuumerat): ${dead.map((r) => `${r.t} ${r.dead}`).join(", ")}`);
      for (const [table, sec] of seconds) log(`  ${`${table}:`.padEnd(40)} ${sec.toFixed(1)} s`);
      return { seconds: (performance.now() - started) / 1000, counts: count, activity, deadTuples };
    } finally {
      await client.end();
    }
  }
}

async function main() {
  const opts = options();
  const { cluster, url } = await scaleDatabase(opts.database);
  try {
    console.log(
      `Skaldatabas: ${new URL(url).pathname.slice(1)} (${opts.people.toLocaleString("sv-SE")} personer, t.o.m. ${opts.until}). Skapas om från början.`,
    );
    const result = await seedScale(url, { people: opts.people, until: opts.until, log: (line) => console.log(line) });
    console.log(
      `Klart på ${result.seconds.toFixed(1)} s. Logga in mot den med DATABASE_URL=${url.replace(/:[^:@/]+@/, ":…@")}`,
    );
    console.log("och ledning@scale.samverkan.test (demolösenordet), eller kör npm run bench.");
  } finally {
    await cluster.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
