import { Prisma } from "@/lib/generated/prisma/client";
import type { Period, ReachSpanOf } from "./periods";

/*
 * The dashboard's SQL: one aggregate statement per part of the page, each computing every period
 * at once (a `periods` VALUES list joined to the activity table by range), so the comparison with
 * the previous period costs no extra round trip. Statements return counts only, never a person.
 *
 * Definitions (also shown on the page under "Så räknas siffrorna"), for a period P:
 *  - sought out: unique people with a custom notification of ANY outcome (delivered, refused, not
 *    found, attempted) in P; visits: all those notifications;
 *  - reached: unique people to whom the message was DELIVERED in P;
 *  - asked for help on the spot: unique people with a notification in P marked so;
 *  - call-ins: meetings held in P; unique people who ATTENDED one; who asked for help there;
 *  - sought support: of the people reached in P, those with a referral to the defector programme
 *    (any source, any later status) made within 90 days after a delivered notification in P;
 *    in programme: such a referral reached "in programme" (status history or current status);
 *    completed: such a referral is completed; helped to move: such a referral has a RELOCATION
 *    support measure that was given (not merely planned);
 *  - referrals: made in P (by their current status); outcomes: referrals closed in P;
 *  - support measures given: measures started in P that were not merely planned;
 *  - deprived of liberty: people whose status is that now; "notified or called in": of them, those
 *    who ever had a delivered notification or attended a call-in;
 *  - caseload: active assignments (not ended) of people not anonymised, per coordinator (read
 *    from the CaseloadCount summary that triggers maintain);
 *  - overdue follow-ups: not done and due before today, per assigned officer;
 *  - incidents: by the month of the Swedish calendar in which they occurred (read from the
 *    IncidentMonthCount summary that triggers maintain).
 * Aggregates include people later anonymised (the counts are about the programme's work and
 * must not shrink when retention removes the identities); caseloads and current statuses do not.
 *
 * Where the time goes (docs/decisions/006): reach over a period that begins where a calendar year
 * or the whole history begins is counted from ReachSummary (each person's first contact of each
 * kind per span), visits from NotificationDayCount, and the funnel from ReferralFunnel — summaries
 * that triggers keep in the same transaction as each record. Shorter periods (a round, a month, a
 * custom range) are counted from the records. tests/integration/dashboard-reach-summaries.test.ts
 * checks that both ways give the same figures.
 */

/** Which records a figure may count; built from lib/authz in queries.ts, never from user input. */
export type StatsScope = {
  siteId: string;
  /** null: every person of the site (managers); otherwise only these people (a caseload). */
  people: string[] | null;
  /** null: referrals of everybody counted above; a list: only these people's (consent); false: none. */
  referralPeople: string[] | null | false;
  /** Whether the kinds of support measures (relocation…) may be counted. */
  supportMeasureKinds: boolean;
  /** Overdue follow-ups of the whole site, of one officer, or not at all. */
  followUps: "site" | { assignedToId: string } | null;
  /** Caseload of every coordinator, or of one. */
  caseload: "site" | { userId: string };
};

const site = (scope: StatsScope) => Prisma.sql`${scope.siteId}::uuid`;

function onlyPeople(scope: StatsScope, column: string): Prisma.Sql {
  return scope.people ? Prisma.sql`AND ${Prisma.raw(column)} = ANY(${scope.people}::uuid[])` : Prisma.empty;
}

function onlyReferralPeople(scope: StatsScope, column: string): Prisma.Sql {
  return Array.isArray(scope.referralPeople)
    ? Prisma.sql`AND ${Prisma.raw(column)} = ANY(${scope.referralPeople}::uuid[])`
    : Prisma.empty;
}

/** `periods(k, s, e, fd, td)`: k = 0 current, 1 previous; [s, e) instants; fd..td calendar days. */
function periodsCte(periods: Period[]): Prisma.Sql {
  const rows = periods.map(
    (p, k) => Prisma.sql`(${k}::int, ${p.start}::timestamptz, ${p.end}::timestamptz, ${p.from}::date, ${p.to}::date)`,
  );
  return Prisma.sql`periods(k, s, e, fd, td) AS (VALUES ${Prisma.join(rows)})`;
}

/**
 * The end of both reach statements: the meetings held in P (for a caseload, a meeting counts when
 * someone of the caseload was invited to it), and one row per period from the CTEs `counts`
 * (people) and `visits` (notifications) the statement defined before.
 */
function meetingsAndResult(scope: StatsScope): Prisma.Sql {
  return Prisma.sql`meetings AS (
      SELECT p.k, count(DISTINCT c.id)::int AS "meetings"
      FROM periods p
      JOIN "CallIn" c ON c."siteId" = ${site(scope)} AND c."occurredAt" >= p.s AND c."occurredAt" < p.e
      ${scope.people ? Prisma.sql`JOIN "CallInInvitee" i ON i."callInId" = c.id ${onlyPeople(scope, 'i."personId"')}` : Prisma.empty}
      GROUP BY p.k
    )
    SELECT p.k, coalesce(x."soughtOut", 0) AS "soughtOut", coalesce(v."visits", 0) AS "visits", coalesce(x."reached", 0) AS "reached",
      coalesce(x."askedForHelp", 0) AS "askedForHelp", coalesce(x."attended", 0) AS "attended",
      coalesce(x."askedAtCallIn", 0) AS "askedAtCallIn", coalesce(x."reachedEither", 0) AS "reachedEither",
      coalesce(m."meetings", 0) AS "meetings"
    FROM periods p LEFT JOIN counts x ON x.k = p.k LEFT JOIN visits v ON v.k = p.k LEFT JOIN meetings m ON m.k = p.k`;
}

/**
 * Everyone reached in P, in one pass: each person's notifications and call-in invitations are
 * folded into one row per person and period (a hash aggregate), and the counts are taken from
 * those rows. Counting DISTINCT people per figure instead would sort the rows once per figure.
 */
export function reachSql(scope: StatsScope, periods: Period[]): Prisma.Sql {
  return Prisma.sql`
    WITH ${periodsCte(periods)},
    contacts AS (
      SELECT p.k, n."personId", 1 AS visit, n.outcome = 'DELIVERED' AS reached, n."askedForHelpOnSite" AS asked, false AS attended, false AS "askedAtCallIn"
      FROM periods p
      JOIN "CustomNotification" n ON n."siteId" = ${site(scope)} AND n."occurredAt" >= p.s AND n."occurredAt" < p.e
        ${onlyPeople(scope, 'n."personId"')}
      UNION ALL
      SELECT p.k, i."personId", 0, false, false, true, i."askedForHelp"
      FROM periods p
      JOIN "CallIn" c ON c."siteId" = ${site(scope)} AND c."occurredAt" >= p.s AND c."occurredAt" < p.e
      JOIN "CallInInvitee" i ON i."callInId" = c.id AND i.status = 'ATTENDED' ${onlyPeople(scope, 'i."personId"')}
    ),
    people AS (
      SELECT k, "personId", sum(visit) AS visits, bool_or(reached) AS reached, bool_or(asked) AS asked,
        bool_or(attended) AS attended, bool_or("askedAtCallIn") AS "askedAtCallIn"
      FROM contacts GROUP BY k, "personId"
    ),
    counts AS (
      SELECT k,
        count(*) FILTER (WHERE visits > 0)::int AS "soughtOut",
        sum(visits)::int AS "visits",
        count(*) FILTER (WHERE reached)::int AS "reached",
        count(*) FILTER (WHERE asked)::int AS "askedForHelp",
        count(*) FILTER (WHERE attended)::int AS "attended",
        count(*) FILTER (WHERE "askedAtCallIn")::int AS "askedAtCallIn",
        count(*) FILTER (WHERE reached OR attended)::int AS "reachedEither"
      FROM people GROUP BY k
    ),
    visits AS (SELECT k, "visits" FROM counts),
    ${meetingsAndResult(scope)}`;
}

/**
 * The same figures as reachSql, for periods that each begin where a span of ReachSummary begins
 * (this year so far and the same days of last year; since the start). Someone was reached in
 * [since, e) exactly when their first contact of that kind in the span is before e, so the counts
 * are filters over one summary row per person instead of a fold of every notification. Visits
 * (not unique) are summed from NotificationDayCount, or for a caseload counted directly (its
 * notifications are few and found by person).
 */
export function reachSummarySql(scope: StatsScope, periods: Period[], spans: ReachSpanOf[]): Prisma.Sql {
  const rows = periods.map(
    (p, k) =>
      Prisma.sql`(${k}::int, ${p.start}::timestamptz, ${p.end}::timestamptz, ${p.from}::date, ${p.to}::date, ${spans[k]!.span}::"ReachSpan", ${spans[k]!.since}::date)`,
  );
  const visits = scope.people
    ? Prisma.sql`
      SELECT p.k, count(*)::int AS "visits"
      FROM periods p
      JOIN "CustomNotification" n ON n."siteId" = ${site(scope)} AND n."occurredAt" >= p.s AND n."occurredAt" < p.e ${onlyPeople(scope, 'n."personId"')}
      GROUP BY p.k`
    : Prisma.sql`
      SELECT p.k, sum(d.notifications)::int AS "visits"
      FROM periods p
      JOIN "NotificationDayCount" d ON d."siteId" = ${site(scope)} AND d.day >= p.fd AND d.day <= p.td
      GROUP BY p.k`;
  return Prisma.sql`
    WITH periods(k, s, e, fd, td, span, since) AS (VALUES ${Prisma.join(rows)}),
    counts AS (
      SELECT p.k,
        count(*) FILTER (WHERE r."firstSoughtAt" < p.e)::int AS "soughtOut",
        count(*) FILTER (WHERE r."firstReachedAt" < p.e)::int AS "reached",
        count(*) FILTER (WHERE r."firstAskedAt" < p.e)::int AS "askedForHelp",
        count(*) FILTER (WHERE r."firstAttendedAt" < p.e)::int AS "attended",
        count(*) FILTER (WHERE r."firstAskedAtCallIn" < p.e)::int AS "askedAtCallIn",
        count(*) FILTER (WHERE least(r."firstReachedAt", r."firstAttendedAt") < p.e)::int AS "reachedEither"
      FROM periods p
      JOIN "ReachSummary" r ON r."siteId" = ${site(scope)} AND r.span = p.span AND r.since = p.since
        ${onlyPeople(scope, 'r."personId"')}
      GROUP BY p.k
    ),
    visits AS (${visits}),
    ${meetingsAndResult(scope)}`;
}

/**
 * The funnel after the message: of the people reached in P, who sought support (a referral within
 * 90 days after a delivered notification in P), got into and through the programme, and was helped
 * to move. Read from ReferralFunnel, which holds for each referral L, the latest delivered
 * notification in the 90 days up to it. A delivered notification in P and in that window exists
 * exactly when L >= start of P, provided L < end of P (every one in the window is then at most
 * L); only when L falls after P (a referral made after P, with a later notification between)
 * are the person's notifications looked at, by index.
 */
export function funnelSql(scope: StatsScope, periods: Period[]): Prisma.Sql {
  return Prisma.sql`
    WITH ${periodsCte(periods)},
    referred AS (
      SELECT p.k, f."personId", f."inProgramme", f.completed, f.relocated
      FROM periods p
      JOIN "ReferralFunnel" f ON f."siteId" = ${site(scope)} AND f."referredAt" >= p.s AND f."referredAt" < p.e + interval '90 days'
        AND f."lastDeliveredAt" >= p.s
        ${onlyPeople(scope, 'f."personId"')} ${onlyReferralPeople(scope, 'f."personId"')}
      WHERE f."lastDeliveredAt" < p.e OR EXISTS (
        SELECT 1 FROM "CustomNotification" n
        WHERE n."personId" = f."personId" AND n.outcome = 'DELIVERED' AND n."siteId" = ${site(scope)}
          AND n."occurredAt" >= p.s AND n."occurredAt" < p.e
          AND n."occurredAt" <= f."referredAt" AND n."occurredAt" > f."referredAt" - interval '90 days')
    ),
    -- One row per person first (a hash aggregate), then the counts: cheaper than a sort per count(DISTINCT).
    people AS (
      SELECT k, "personId", bool_or("inProgramme") AS "inProgramme", bool_or(completed) AS completed, bool_or(relocated) AS relocated
      FROM referred GROUP BY k, "personId"
    ),
    counts AS (
      SELECT k, count(*)::int AS "referred",
        count(*) FILTER (WHERE "inProgramme")::int AS "inProgramme",
        count(*) FILTER (WHERE completed)::int AS "completed",
        count(*) FILTER (WHERE relocated)::int AS "relocated"
      FROM people GROUP BY k
    )
    SELECT p.k, coalesce(c."referred", 0) AS "referred", coalesce(c."inProgramme", 0) AS "inProgramme", coalesce(c."completed", 0) AS "completed",
      ${scope.supportMeasureKinds ? Prisma.sql`coalesce(c."relocated", 0)` : Prisma.sql`NULL::int`} AS "relocated"
    FROM periods p LEFT JOIN counts c ON c.k = p.k`;
}

/** Referrals made in P by current status, referrals closed in P by outcome, support measures given in P by kind. */
export function programmeSql(scope: StatsScope, periods: Period[]): Prisma.Sql {
  // Measures count people too: folded to one row per person and kind first (a hash aggregate).
  const measures = scope.supportMeasureKinds
    ? Prisma.sql`
      UNION ALL
      SELECT 'measures', x.k, x.type::text, sum(x.n)::int, count(*)::int
      FROM (
        SELECT p.k, m.type, m."personId", count(*) AS n
        FROM periods p
        JOIN "SupportMeasure" m ON m."siteId" = ${site(scope)} AND m."startsOn" >= p.fd AND m."startsOn" <= p.td AND m.status <> 'PLANNED'
          ${onlyPeople(scope, 'm."personId"')}
        GROUP BY p.k, m.type, m."personId"
      ) x
      GROUP BY x.k, x.type`
    : Prisma.empty;
  // Referrals are counted, not people (the page shows referrals by status and outcome).
  return Prisma.sql`
    WITH ${periodsCte(periods)}
    SELECT 'referred' AS "metric", p.k, r.status::text AS "key", count(*)::int AS "n", NULL::int AS "people"
    FROM periods p
    JOIN "Referral" r ON r."siteId" = ${site(scope)} AND r."referredAt" >= p.s AND r."referredAt" < p.e
      ${onlyPeople(scope, 'r."personId"')} ${onlyReferralPeople(scope, 'r."personId"')}
    GROUP BY p.k, r.status
    UNION ALL
    SELECT 'closed', p.k, r.status::text, count(*)::int, NULL::int
    FROM periods p
    JOIN "Referral" r ON r."siteId" = ${site(scope)} AND r."closedAt" >= p.s AND r."closedAt" < p.e
      AND r.status IN ('COMPLETED', 'DISCONTINUED', 'DECLINED')
      ${onlyPeople(scope, 'r."personId"')} ${onlyReferralPeople(scope, 'r."personId"')}
    GROUP BY p.k, r.status
    ${measures}`;
}

export function libertySql(scope: StatsScope): Prisma.Sql {
  // MATERIALIZED: each EXISTS runs once per person (inlined, the filters would run them again).
  return Prisma.sql`
    WITH x AS MATERIALIZED (
      SELECT
        EXISTS (SELECT 1 FROM "CustomNotification" n WHERE n."personId" = p.id AND n.outcome = 'DELIVERED') AS notified,
        EXISTS (SELECT 1 FROM "CallInInvitee" i WHERE i."personId" = p.id AND i.status = 'ATTENDED') AS called
      FROM "Person" p
      WHERE p."siteId" = ${site(scope)} AND p.status = 'DEPRIVED_OF_LIBERTY' AND p."anonymisedAt" IS NULL
        ${onlyPeople(scope, "p.id")}
    )
    SELECT count(*)::int AS "deprived",
      count(*) FILTER (WHERE x.notified)::int AS "notified",
      count(*) FILTER (WHERE x.called)::int AS "calledIn",
      count(*) FILTER (WHERE x.notified OR x.called)::int AS "either"
    FROM x`;
}

/** From the CaseloadCount summary, which triggers keep in step with every assignment (see schema.prisma). */
export function caseloadSql(scope: StatsScope): Prisma.Sql {
  const who = scope.caseload === "site" ? Prisma.empty : Prisma.sql`AND c."userId" = ${scope.caseload.userId}::uuid`;
  return Prisma.sql`
    SELECT u.id AS "userId", u.name, c.agency::text AS "agency", c.people
    FROM "CaseloadCount" c
    JOIN "User" u ON u.id = c."userId"
    WHERE c."siteId" = ${site(scope)} AND c.people > 0 ${who}
    ORDER BY c.agency, u.name, u.id`;
}

export function overdueSql(scope: StatsScope, today: string): Prisma.Sql | null {
  if (!scope.followUps) return null;
  const who =
    scope.followUps === "site"
      ? Prisma.empty
      : Prisma.sql`AND f."assignedToId" = ${scope.followUps.assignedToId}::uuid`;
  return Prisma.sql`
    SELECT u.id AS "userId", u.name, f.agency::text AS "agency", count(*)::int AS "overdue"
    FROM "FollowUp" f
    JOIN "User" u ON u.id = f."assignedToId"
    WHERE f."siteId" = ${site(scope)} AND f."doneAt" IS NULL AND f."dueOn" < ${today}::date ${who}
      -- An anti-join: the few anonymised people, not every person, are looked at.
      AND NOT EXISTS (SELECT 1 FROM "Person" p WHERE p.id = f."personId" AND p."anonymisedAt" IS NOT NULL)
    GROUP BY u.id, u.name, f.agency
    ORDER BY f.agency, u.name, u.id`;
}

/**
 * Incidents per month of the Swedish calendar and kind, up to and including this month: from the
 * IncidentMonthCount summary, which triggers keep in step with every incident (see schema.prisma).
 */
export function incidentsByMonthSql(siteId: string, thisMonth: string): Prisma.Sql {
  return Prisma.sql`
    SELECT to_char(m.month, 'YYYY-MM') AS "month", m.type::text AS "type",
      sum(m.incidents)::int AS "n", (sum(m.incidents) FILTER (WHERE m."groupMemberInvolvement" = 'YES'))::int AS "gmi"
    FROM "IncidentMonthCount" m
    WHERE m."siteId" = ${siteId}::uuid AND m.month <= ${thisMonth}::date AND m.incidents > 0
    GROUP BY m.month, m.type`;
}

/** This year so far and the same days of last year, by kind: the fair trend for a year not yet over. */
export function incidentsYearToDateSql(
  siteId: string,
  span: { start: Date; end: Date; previousStart: Date; previousEnd: Date },
): Prisma.Sql {
  return Prisma.sql`
    SELECT i.type::text AS "type",
      count(*) FILTER (WHERE i."occurredAt" >= ${span.start}::timestamptz)::int AS "thisYear",
      count(*) FILTER (WHERE i."occurredAt" < ${span.previousEnd}::timestamptz)::int AS "lastYear"
    FROM "Incident" i
    WHERE i."siteId" = ${siteId}::uuid AND i."occurredAt" >= ${span.previousStart}::timestamptz AND i."occurredAt" < ${span.end}::timestamptz
      AND (i."occurredAt" >= ${span.start}::timestamptz OR i."occurredAt" < ${span.previousEnd}::timestamptz)
    GROUP BY i.type`;
}
