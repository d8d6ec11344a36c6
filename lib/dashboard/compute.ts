import "server-only";
import { db } from "@/lib/db";
import type { IncidentType, ReferralStatus, SupportMeasureType } from "@/lib/generated/prisma/enums";
import { addDays, stockholmMidnight, type Period, type Periods } from "./periods";
import {
  caseloadSql,
  incidentsByMonthSql,
  incidentsYearToDateSql,
  libertySql,
  overdueSql,
  programmeSql,
  CONTACT_KINDS,
  reachSql,
  type ContactKind,
  type StatsScope,
} from "./sql";

/*
 * The exact counts, straight from the database. They never leave the server as they are: every
 * view and export goes through view.ts, which suppresses small numbers. Only tests read them
 * directly (the press release's "2 helped to move" is 2 here and "<3" on the page).
 */

export type NotificationFigures = { soughtOut: number; visits: number; reached: number; askedForHelp: number };
export type CallInFigures = { meetings: number; attended: number; askedForHelp: number };
export type FunnelFigures = {
  notified: number;
  askedForHelp: number;
  referred: number;
  inProgramme: number;
  completed: number;
  relocated: number | null;
};
export type ProgrammeFigures = {
  referred: Partial<Record<ReferralStatus, number>>;
  closed: Partial<Record<ReferralStatus, number>>;
  measures: Partial<Record<SupportMeasureType, { measures: number; people: number }>> | null;
};

export type PeriodFigures = {
  notifications: NotificationFigures;
  callIns: CallInFigures;
  reachedEither: number;
  /** null where the actor may not count referrals. */
  funnel: FunnelFigures | null;
  programme: ProgrammeFigures | null;
};

export type IncidentMonth = { month: string; type: IncidentType; count: number; groupMemberInvolved: number };

export type Figures = {
  current: PeriodFigures;
  previous: PeriodFigures | null;
  liberty: { deprived: number; notified: number; calledIn: number; either: number };
  caseload: { userId: string; name: string; agency: string; people: number }[];
  overdue: { userId: string; name: string; agency: string; overdue: number }[] | null;
  incidents: {
    months: IncidentMonth[];
    /** This calendar year so far and the same days of last year, by kind. */
    yearToDate: {
      year: number;
      through: string;
      byType: Partial<Record<IncidentType, { thisYear: number; lastYear: number }>>;
    };
  };
};

type Row = Record<string, unknown>;

function pick<T extends object>(row: Row | undefined, zero: T): T {
  if (!row) return { ...zero };
  return Object.fromEntries(
    Object.keys(zero).map((key) => [key, row[key] === null ? null : Number(row[key] ?? 0)]),
  ) as T;
}

function programmeOf(rows: Row[], withMeasures: boolean): ProgrammeFigures {
  const out: ProgrammeFigures = { referred: {}, closed: {}, measures: withMeasures ? {} : null };
  for (const r of rows) {
    const key = String(r.key);
    if (r.metric === "referred") out.referred[key as ReferralStatus] = Number(r.n);
    else if (r.metric === "closed") out.closed[key as ReferralStatus] = Number(r.n);
    else if (r.metric === "measures" && out.measures)
      out.measures[key as SupportMeasureType] = { measures: Number(r.n), people: Number(r.people) };
  }
  return out;
}

/** One period's unique people of each kind, visits and meetings (reachSql's rows). */
export type ReachFigures = Record<ContactKind | "VISITS" | "MEETINGS", number>;

export async function reachFigures(scope: StatsScope, period: Period): Promise<ReachFigures> {
  const rows = await db.$queryRaw<{ figure: string; n: number | null }[]>(reachSql(scope, period));
  const out = Object.fromEntries([...CONTACT_KINDS, "VISITS", "MEETINGS"].map((k) => [k, 0])) as ReachFigures;
  for (const r of rows) out[r.figure as keyof ReachFigures] = Number(r.n ?? 0);
  return out;
}

function periodFigures(
  reach: ReachFigures,
  programme: Row[] | null,
  scope: StatsScope,
  withReferrals: boolean,
): PeriodFigures {
  return {
    notifications: {
      soughtOut: reach.SOUGHT,
      visits: reach.VISITS,
      reached: reach.REACHED,
      askedForHelp: reach.ASKED,
    },
    callIns: { meetings: reach.MEETINGS, attended: reach.ATTENDED, askedForHelp: reach.ASKED_AT_CALL_IN },
    reachedEither: reach.REACHED_EITHER,
    // The funnel starts with the people reached; asking for help on the spot is only possible when reached.
    funnel: withReferrals
      ? {
          notified: reach.REACHED,
          askedForHelp: reach.ASKED,
          referred: reach.REFERRED,
          inProgramme: reach.IN_PROGRAMME,
          completed: reach.COMPLETED,
          relocated: scope.supportMeasureKinds ? reach.RELOCATED : null,
        }
      : null,
    programme: programme ? programmeOf(programme, scope.supportMeasureKinds) : null,
  };
}

/**
 * The period's figures alone (reach, call-ins, the funnel, referrals and measures), for the period
 * and its comparison: the part of the dashboard the national view (lib/national) shows per site,
 * with the very statements the site dashboard runs.
 */
export async function computePeriodFigures(
  scope: StatsScope,
  periods: Periods,
): Promise<{ current: PeriodFigures; previous: PeriodFigures | null }> {
  const list = [periods.current, ...(periods.previous ? [periods.previous] : [])];
  const withReferrals = scope.referralPeople !== false;
  const [reach, programme] = await Promise.all([
    Promise.all(list.map((p) => reachFigures(scope, p))),
    withReferrals ? Promise.all(list.map((p) => db.$queryRaw<Row[]>(programmeSql(scope, p)))) : Promise.resolve(null),
  ]);
  const periodAt = (k: number) => periodFigures(reach[k]!, programme?.[k] ?? null, scope, withReferrals);
  return { current: periodAt(0), previous: periods.previous ? periodAt(1) : null };
}

/** Runs every statement of the dashboard for `scope` and `periods`; today is the Swedish calendar day. */
export async function computeFigures(scope: StatsScope, periods: Periods, today: string): Promise<Figures> {
  const tomorrow = stockholmMidnight(addDays(today, 1));
  const year = Number(today.slice(0, 4));
  const lastYearSameDay = addDays(`${year - 1}${today.slice(4)}`.replace(/-02-29$/, "-02-28"), 1);
  const overdue = overdueSql(scope, today);

  const q = <T = Row>(sql: Parameters<typeof db.$queryRaw>[0]) => db.$queryRaw<T[]>(sql);
  const [byPeriod, liberty, caseload, overdueRows, months, ytd] = await Promise.all([
    computePeriodFigures(scope, periods),
    q(libertySql(scope)),
    q(caseloadSql(scope)),
    overdue ? q(overdue) : Promise.resolve(null),
    q(incidentsByMonthSql(scope.siteId, `${today.slice(0, 7)}-01`)),
    q(
      incidentsYearToDateSql(scope.siteId, {
        start: stockholmMidnight(`${year}-01-01`),
        end: tomorrow,
        previousStart: stockholmMidnight(`${year - 1}-01-01`),
        previousEnd: stockholmMidnight(lastYearSameDay),
      }),
    ),
  ]);
  const figures: Figures = {
    current: byPeriod.current,
    previous: byPeriod.previous,
    liberty: pick(liberty[0], { deprived: 0, notified: 0, calledIn: 0, either: 0 }),
    caseload: caseload.map((r) => ({
      userId: String(r.userId),
      name: String(r.name),
      agency: String(r.agency),
      people: Number(r.people),
    })),
    overdue: overdueRows
      ? overdueRows.map((r) => ({
          userId: String(r.userId),
          name: String(r.name),
          agency: String(r.agency),
          overdue: Number(r.overdue),
        }))
      : null,
    incidents: {
      months: months.map((r) => ({
        month: String(r.month),
        type: r.type as IncidentType,
        count: Number(r.n),
        groupMemberInvolved: Number(r.gmi ?? 0),
      })),
      yearToDate: {
        year,
        through: today,
        byType: Object.fromEntries(
          ytd.map((r) => [String(r.type), { thisYear: Number(r.thisYear), lastYear: Number(r.lastYear) }]),
        ),
      },
    },
  };
  return figures;
}
