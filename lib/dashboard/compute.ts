import "server-only";
import { db } from "@/lib/db";
import type { IncidentType, ReferralStatus, SupportMeasureType } from "@/lib/generated/prisma/enums";
import { addDays, reachSpanOf, stockholmMidnight, type Periods, type ReachSpanOf } from "./periods";
import {
  caseloadSql,
  funnelSql,
  incidentsByMonthSql,
  incidentsYearToDateSql,
  libertySql,
  overdueSql,
  programmeSql,
  reachSql,
  reachSummarySql,
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

function byPeriod<T extends Row>(rows: T[], k: number): T | undefined {
  return rows.find((r) => Number(r.k) === k);
}

function pick<T extends object>(row: Row | undefined, zero: T): T {
  if (!row) return { ...zero };
  return Object.fromEntries(
    Object.keys(zero).map((key) => [key, row[key] === null ? null : Number(row[key] ?? 0)]),
  ) as T;
}

function programmeOf(rows: Row[], k: number, withMeasures: boolean): ProgrammeFigures {
  const out: ProgrammeFigures = { referred: {}, closed: {}, measures: withMeasures ? {} : null };
  for (const r of rows.filter((row) => Number(row.k) === k)) {
    const key = String(r.key);
    if (r.metric === "referred") out.referred[key as ReferralStatus] = Number(r.n);
    else if (r.metric === "closed") out.closed[key as ReferralStatus] = Number(r.n);
    else if (r.metric === "measures" && out.measures)
      out.measures[key as SupportMeasureType] = { measures: Number(r.n), people: Number(r.people) };
  }
  return out;
}

/** Runs every statement of the dashboard for `scope` and `periods`; today is the Swedish calendar day. */
export async function computeFigures(scope: StatsScope, periods: Periods, today: string): Promise<Figures> {
  const list = [periods.current, ...(periods.previous ? [periods.previous] : [])];
  const withReferrals = scope.referralPeople !== false;
  const tomorrow = stockholmMidnight(addDays(today, 1));
  const year = Number(today.slice(0, 4));
  const lastYearSameDay = addDays(`${year - 1}${today.slice(4)}`.replace(/-02-29$/, "-02-28"), 1);
  const overdue = overdueSql(scope, today);
  // Long periods from the per-person summary when every period allows it; short ones from the records.
  const spans = list.map(reachSpanOf);
  const reachStatement = spans.every((s): s is ReachSpanOf => s !== null)
    ? reachSummarySql(scope, list, spans)
    : reachSql(scope, list);

  const q = <T = Row>(sql: Parameters<typeof db.$queryRaw>[0]) => db.$queryRaw<T[]>(sql);
  const [reach, funnel, programme, liberty, caseload, overdueRows, months, ytd] = await Promise.all([
    q(reachStatement),
    withReferrals ? q(funnelSql(scope, list)) : Promise.resolve(null),
    withReferrals ? q(programmeSql(scope, list)) : Promise.resolve(null),
    q(libertySql(scope)),
    q(caseloadSql(scope)),
    overdue ? q(overdueSql(scope, today)!) : Promise.resolve(null),
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

  const periodFigures = (k: number): PeriodFigures => {
    const r = byPeriod(reach, k) ?? {};
    const n = (key: string) => Number(r[key] ?? 0);
    const f = funnel ? byPeriod(funnel, k) : undefined;
    return {
      notifications: {
        soughtOut: n("soughtOut"),
        visits: n("visits"),
        reached: n("reached"),
        askedForHelp: n("askedForHelp"),
      },
      callIns: { meetings: n("meetings"), attended: n("attended"), askedForHelp: n("askedAtCallIn") },
      reachedEither: n("reachedEither"),
      // The funnel starts with the people reached; asking for help on the spot is only possible when reached.
      funnel: funnel
        ? {
            notified: n("reached"),
            askedForHelp: n("askedForHelp"),
            referred: Number(f?.referred ?? 0),
            inProgramme: Number(f?.inProgramme ?? 0),
            completed: Number(f?.completed ?? 0),
            relocated: scope.supportMeasureKinds ? Number(f?.relocated ?? 0) : null,
          }
        : null,
      programme: programme ? programmeOf(programme, k, scope.supportMeasureKinds) : null,
    };
  };

  const figures: Figures = {
    current: periodFigures(0),
    previous: periods.previous ? periodFigures(1) : null,
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
