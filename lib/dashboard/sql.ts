import { Prisma } from "@/lib/generated/prisma/client";
import { monthSplit, type Period } from "./periods";

/*
 * The dashboard's SQL: one aggregate statement per part of the page and period (the period and
 * its comparison run side by side), with the period's bounds as plain parameters. Statements
 * return counts only, never a person.
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
 * Where the time goes (docs/decisions/006 and 012): the unique people of a period — reach and
 * the funnel — are counted for its whole months from ContactMonthCount / ContactMonth (each
 * person's months with a contact of each kind, and the month of their previous one) and for the
 * partial months at its edges from the records; visits from NotificationDayCount; every other
 * statement reads an index sized by the period or by the people it counts, never the whole
 * history. The summaries are kept by triggers in the same transaction as each record;
 * tests/integration/dashboard-reach-summaries.test.ts checks them against the definitions
 * counted from the records.
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

/** The kinds of ContactMonth (migration …_dashboard_contact_months), each a figure of unique people. */
export const CONTACT_KINDS = [
  "SOUGHT",
  "REACHED",
  "ASKED",
  "ATTENDED",
  "ASKED_AT_CALL_IN",
  "REACHED_EITHER",
  "REFERRED",
  "IN_PROGRAMME",
  "COMPLETED",
  "RELOCATED",
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
/** The funnel's kinds: about referrals, so counted only for the people whose referrals the actor may count. */
const FUNNEL_KINDS: ContactKind[] = ["REFERRED", "IN_PROGRAMME", "COMPLETED", "RELOCATED"];

/**
 * Referral-kind rows only for the people in scope.referralPeople (a list: the consent the actor's
 * agency relies on); the other kinds for everyone counted.
 */
function onlyReferralKinds(scope: StatsScope, kind: string, person: string): Prisma.Sql {
  return Array.isArray(scope.referralPeople)
    ? Prisma.sql`AND (${Prisma.raw(kind)}::text <> ALL(${FUNNEL_KINDS}::text[]) OR ${Prisma.raw(person)} = ANY(${scope.referralPeople}::uuid[]))`
    : Prisma.empty;
}

/**
 * The contacts of the partial months, one row per kind: the view dashboard_contact_events
 * (migration …_dashboard_contact_months) written out, so that the referrals are looked up by the
 * range they can fall in (the edge plus 90 days, a hash join) instead of once per notification
 * (measured: 185 ms for a round's 8,000 notifications at 100k people, load 8).
 * tests/integration/dashboard-reach-summaries.test.ts checks both against the definitions.
 */
function edgeEvents(scope: StatsScope, inEdges: (column: string, after?: Prisma.Sql) => Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT n."personId", k.kind
    FROM "CustomNotification" n
    CROSS JOIN LATERAL (VALUES
      ('SOUGHT'::"ContactKind", true), ('REACHED', n.outcome = 'DELIVERED'), ('ASKED', n."askedForHelpOnSite"),
      ('REACHED_EITHER', n.outcome = 'DELIVERED')) k(kind, yes)
    WHERE n."siteId" = ${site(scope)} AND (${inEdges('n."occurredAt"')}) AND k.yes ${onlyPeople(scope, 'n."personId"')}
    UNION ALL
    SELECT n."personId", k.kind
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
    WHERE n."siteId" = ${site(scope)} AND n.outcome = 'DELIVERED' AND (${inEdges('n."occurredAt"')}) AND k.yes
      AND r."siteId" = ${site(scope)} AND (${inEdges('r."referredAt"', Prisma.sql`+ interval '90 days'`)})
      ${onlyPeople(scope, 'n."personId"')}
    UNION ALL
    SELECT i."personId", k.kind
    FROM "CallIn" c JOIN "CallInInvitee" i ON i."callInId" = c.id AND i.status = 'ATTENDED'
    CROSS JOIN LATERAL (VALUES
      ('ATTENDED'::"ContactKind", true), ('REACHED_EITHER', true), ('ASKED_AT_CALL_IN', i."askedForHelp")) k(kind, yes)
    WHERE c."siteId" = ${site(scope)} AND (${inEdges('c."occurredAt"')}) AND k.yes ${onlyPeople(scope, 'i."personId"')}`;
}

/**
 * Every unique-people figure of one period P (the kinds of ContactMonth: sought out, reached, …,
 * and the funnel's), its visits and its meetings, as rows (figure, n). One statement per period,
 * with the period's bounds as plain parameters the planner sees (a VALUES list of periods hid the
 * ranges from it, issue 13).
 *
 * P's whole calendar months (A..B) are counted from the contact months: a person has a contact
 * of kind K in A..B exactly when one of their contact months m in A..B has its previous contact
 * month before A, and each person has at most one such month. For the whole site that is a sum
 * over ContactMonthCount's cells (per month and previous month: at most months × months rows,
 * whatever the number of records); for a caseload, a count of its people's ContactMonth rows.
 * The days of P outside whole months (at most two partial months) are read from the records
 * (edgeEvents), and a person found there counts only if not already counted in
 * A..B. A period without a whole month is read from the records alone: its work grows with its
 * length, never with the history (decision 012).
 */
export function reachSql(scope: StatsScope, period: Period): Prisma.Sql {
  const { months, edges } = monthSplit(period);
  const parts: Prisma.Sql[] = [];
  if (months) {
    parts.push(
      scope.people
        ? Prisma.sql`
      SELECT m.kind, count(*)::int AS n
      FROM "ContactMonth" m
      WHERE m."personId" = ANY(${scope.people}::uuid[]) AND m."siteId" = ${site(scope)}
        AND m.month >= ${months.first}::date AND m.month <= ${months.last}::date AND m."previousMonth" < ${months.first}::date
        ${onlyReferralKinds(scope, "m.kind", 'm."personId"')}
      GROUP BY m.kind`
        : Prisma.sql`
      SELECT c.kind, sum(c.people)::int AS n
      FROM "ContactMonthCount" c
      WHERE c."siteId" = ${site(scope)} AND c.month >= ${months.first}::date AND c.month <= ${months.last}::date
        AND c."previousMonth" < ${months.first}::date
      GROUP BY c.kind`,
    );
  }
  if (edges.length > 0) {
    const inEdges = (column: string, after = Prisma.empty) =>
      Prisma.join(
        edges.map(
          (r) =>
            Prisma.sql`(${Prisma.raw(column)} >= ${r.start}::timestamptz AND ${Prisma.raw(column)} < ${r.end}::timestamptz ${after})`,
        ),
        " OR ",
      );
    const notInMonths = months
      ? Prisma.sql`WHERE NOT EXISTS (
          SELECT 1 FROM "ContactMonth" m
          WHERE m."personId" = x."personId" AND m."siteId" = ${site(scope)} AND m.kind = x.kind
            AND m.month >= ${months.first}::date AND m.month <= ${months.last}::date)`
      : Prisma.empty;
    parts.push(Prisma.sql`
      SELECT x.kind, count(*)::int AS n
      FROM (
        SELECT DISTINCT e."personId", e.kind FROM (${edgeEvents(scope, inEdges)}) e
        WHERE true ${onlyReferralKinds(scope, "e.kind", 'e."personId"')}
      ) x
      ${notInMonths}
      GROUP BY x.kind`);
  }
  const visits = scope.people
    ? Prisma.sql`SELECT count(*)::int FROM "CustomNotification" n
        WHERE n."personId" = ANY(${scope.people}::uuid[]) AND n."siteId" = ${site(scope)}
          AND n."occurredAt" >= ${period.start}::timestamptz AND n."occurredAt" < ${period.end}::timestamptz`
    : Prisma.sql`SELECT coalesce(sum(d.notifications), 0)::int FROM "NotificationDayCount" d
        WHERE d."siteId" = ${site(scope)} AND d.day >= ${period.from}::date AND d.day <= ${period.to}::date`;
  // For a caseload, a meeting counts when someone of the caseload was invited to it.
  const meetings = Prisma.sql`SELECT count(*)::int FROM "CallIn" c
    WHERE c."siteId" = ${site(scope)} AND c."occurredAt" >= ${period.start}::timestamptz AND c."occurredAt" < ${period.end}::timestamptz
      ${
        scope.people
          ? Prisma.sql`AND EXISTS (SELECT 1 FROM "CallInInvitee" i WHERE i."callInId" = c.id AND i."personId" = ANY(${scope.people}::uuid[]))`
          : Prisma.empty
      }`;
  return Prisma.sql`
    SELECT x.kind::text AS "figure", sum(x.n)::int AS "n" FROM (${Prisma.join(parts, " UNION ALL ")}) x GROUP BY x.kind
    UNION ALL SELECT 'VISITS', (${visits})
    UNION ALL SELECT 'MEETINGS', (${meetings})`;
}

/** Referrals made in P by current status, referrals closed in P by outcome, support measures given in P by kind. */
export function programmeSql(scope: StatsScope, period: Period): Prisma.Sql {
  // Measures count people too: folded to one row per person and kind first (a hash aggregate).
  // Read from the index (siteId, startsOn) INCLUDE (type, status, personId) alone.
  const measures = scope.supportMeasureKinds
    ? Prisma.sql`
      UNION ALL
      SELECT 'measures', x.type::text, sum(x.n)::int, count(*)::int
      FROM (
        SELECT m.type, m."personId", count(*) AS n
        FROM "SupportMeasure" m
        WHERE m."siteId" = ${site(scope)} AND m."startsOn" >= ${period.from}::date AND m."startsOn" <= ${period.to}::date
          AND m.status <> 'PLANNED' ${onlyPeople(scope, 'm."personId"')}
        GROUP BY m.type, m."personId"
      ) x
      GROUP BY x.type`
    : Prisma.empty;
  // Referrals are counted, not people (the page shows referrals by status and outcome).
  return Prisma.sql`
    SELECT 'referred' AS "metric", r.status::text AS "key", count(*)::int AS "n", NULL::int AS "people"
    FROM "Referral" r
    WHERE r."siteId" = ${site(scope)} AND r."referredAt" >= ${period.start}::timestamptz AND r."referredAt" < ${period.end}::timestamptz
      ${onlyPeople(scope, 'r."personId"')} ${onlyReferralPeople(scope, 'r."personId"')}
    GROUP BY r.status
    UNION ALL
    SELECT 'closed', r.status::text, count(*)::int, NULL::int
    FROM "Referral" r
    WHERE r."siteId" = ${site(scope)} AND r."closedAt" >= ${period.start}::timestamptz AND r."closedAt" < ${period.end}::timestamptz
      AND r.status IN ('COMPLETED', 'DISCONTINUED', 'DECLINED')
      ${onlyPeople(scope, 'r."personId"')} ${onlyReferralPeople(scope, 'r."personId"')}
    GROUP BY r.status
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

/**
 * Overdue follow-ups per officer: the open ones (OpenFollowUpCount, kept by triggers) minus those
 * not yet due (due today or later: read from the partial index of open follow-ups). The work is
 * the officers and the follow-ups planned ahead, not the backlog (decision 012).
 */
export function overdueSql(scope: StatsScope, today: string): Prisma.Sql | null {
  if (!scope.followUps) return null;
  const who = (column: string) =>
    scope.followUps === "site" || !scope.followUps
      ? Prisma.empty
      : Prisma.sql`AND ${Prisma.raw(column)} = ${scope.followUps.assignedToId}::uuid`;
  return Prisma.sql`
    WITH ahead AS (
      SELECT f."assignedToId", f.agency, count(*) AS n
      FROM "FollowUp" f
      WHERE f."siteId" = ${site(scope)} AND f."doneAt" IS NULL AND f."dueOn" >= ${today}::date ${who('f."assignedToId"')}
        AND NOT EXISTS (SELECT 1 FROM "Person" p WHERE p.id = f."personId" AND p."anonymisedAt" IS NOT NULL)
      GROUP BY f."assignedToId", f.agency
    )
    SELECT u.id AS "userId", u.name, c.agency::text AS "agency", (c.open - coalesce(a.n, 0))::int AS "overdue"
    FROM "OpenFollowUpCount" c
    JOIN "User" u ON u.id = c."assignedToId"
    LEFT JOIN ahead a ON a."assignedToId" = c."assignedToId" AND a.agency = c.agency
    WHERE c."siteId" = ${site(scope)} ${who('c."assignedToId"')} AND c.open - coalesce(a.n, 0) > 0
    ORDER BY c.agency, u.name, u.id`;
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
