import type { IncidentType, ReferralStatus, SupportMeasureType } from "@/lib/generated/prisma/enums";
import type { Figures, FunnelFigures, PeriodFigures } from "./compute";
import type { JointWorkFigures } from "./joint-work";
import type { Period, PeriodKind, Periods } from "./periods";
import { band, bandLow, bandMiddle, isBelowBand, type Banded } from "./suppress";

/*
 * What a page or an export may show: every count of people or of their records as its band of
 * five (suppress.ts, docs/decisions/009), and every difference or share computed from the bands
 * shown, never from the counts, so that comparing two figures on the page tells no more than the
 * bands do.
 *
 * Incidents are the exception, shown exactly: they are events, not people; every role that sees
 * the dashboard may read each incident on its own (lib/authz grants managers incidents, "site");
 * and the police publish these counts ("19 shootings so far this year"). Banding a month's one
 * or two shootings would hide nothing and would break the trend the page exists to show.
 */

/** `change`: between the bands shown (a multiple of five), null without a comparison. */
export type Pair = { current: Banded; previous: Banded | null; change: number | null };

export type PeriodInfo = { kind: PeriodKind; from: string; to: string; roundId?: string; roundName?: string };

export const FUNNEL_STAGES = ["notified", "askedForHelp", "referred", "inProgramme", "completed"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const REFERRAL_STATUSES = [
  "REFERRED",
  "CONTACTED",
  "ASSESSED",
  "IN_PROGRAMME",
  "COMPLETED",
  "DISCONTINUED",
  "DECLINED",
] as const satisfies readonly ReferralStatus[];
export const CLOSED_STATUSES = ["COMPLETED", "DISCONTINUED", "DECLINED"] as const satisfies readonly ReferralStatus[];
export const MEASURE_TYPES = [
  "RELOCATION",
  "HOUSING",
  "EMPLOYMENT",
  "EDUCATION",
  "TREATMENT",
  "PROTECTION",
  "DEBT_ADVICE",
  "FAMILY_SUPPORT",
] as const satisfies readonly SupportMeasureType[];
const OTHER_INCIDENTS: IncidentType[] = ["EXPLOSION", "STABBING", "OTHER_VIOLENCE"];

export type ReachKey =
  | "soughtOut"
  | "visits"
  | "reached"
  | "askedForHelp"
  | "callIns"
  | "callInAttended"
  | "callInAskedForHelp"
  | "reachedEither";

export type DashboardView = {
  /** "site": a manager's view of the whole site; "caseload": an agency user's own caseload. */
  audience: "site" | "caseload";
  periods: { current: PeriodInfo; previous: PeriodInfo | null };
  reach: Record<ReachKey, Pair>;
  funnel: {
    stages: { stage: FunnelStage; current: Banded; previous: Banded | null; share: number | null }[];
    relocated: Pair | null;
  } | null;
  referrals: { status: ReferralStatus; count: Pair }[] | null;
  outcomes: { status: ReferralStatus; count: Pair }[] | null;
  supportMeasures: { type: SupportMeasureType; measures: Pair; people: Pair }[] | null;
  liberty: { deprived: Banded; notified: Banded; calledIn: Banded; either: Banded };
  caseload: { name: string; agency: string; people: Banded }[];
  overdue: { name: string; agency: string; overdue: Banded }[] | null;
  /** The joint work (issue 15): plan measures, meetings, planned visits; null before it is counted. */
  jointWork: {
    measures: { agency: string; done: Banded; overdue: Banded }[];
    /** Events of the site, not people: exact. */
    meetingsHeld: number;
    visits: { planned: Banded; done: Banded; notDone: Banded };
  } | null;
  incidents: {
    years: {
      year: number;
      shootings: number;
      other: number;
      shootingsWithGroupMembers: number;
      changePercent: number | null;
      partial: boolean;
    }[];
    yearToDate: {
      year: number;
      through: string;
      shootings: number;
      shootingsLastYear: number;
      other: number;
      otherLastYear: number;
    };
    /** The calendar year of the period's last day, month by month, beside the year before. */
    monthsYear: number;
    months: {
      month: number;
      shootings: number | null;
      shootingsLastYear: number;
      other: number | null;
      otherLastYear: number;
    }[];
  };
};

export function pair(current: number, previous: number | null | undefined): Pair {
  const shownCurrent = band(current);
  const shownPrevious = previous === null || previous === undefined ? null : band(previous);
  return {
    current: shownCurrent,
    previous: shownPrevious,
    change: shownPrevious === null ? null : bandLow(shownCurrent) - bandLow(shownPrevious),
  };
}

/** A share in whole percent of the bands' middles, only when neither is below the first band. */
export function share(part: number, whole: number): number | null {
  const [p, w] = [band(part), band(whole)];
  if (isBelowBand(p) || isBelowBand(w)) return null;
  return Math.round((bandMiddle(p) / bandMiddle(w)) * 100);
}

function periodInfo(p: Period): PeriodInfo {
  return { kind: p.kind, from: p.from, to: p.to, ...(p.round ? { roundId: p.round.id, roundName: p.round.name } : {}) };
}

function funnelView(current: FunnelFigures, previous: FunnelFigures | null): NonNullable<DashboardView["funnel"]> {
  return {
    stages: FUNNEL_STAGES.map((stage) => ({
      stage,
      current: band(current[stage]),
      previous: previous ? band(previous[stage]) : null,
      share: stage === "notified" ? null : share(current[stage], current.notified),
    })),
    relocated: current.relocated === null ? null : pair(current.relocated, previous ? previous.relocated : null),
  };
}

function reachView(c: PeriodFigures, p: PeriodFigures | null): Record<ReachKey, Pair> {
  return {
    soughtOut: pair(c.notifications.soughtOut, p?.notifications.soughtOut),
    visits: pair(c.notifications.visits, p?.notifications.visits),
    reached: pair(c.notifications.reached, p?.notifications.reached),
    askedForHelp: pair(c.notifications.askedForHelp, p?.notifications.askedForHelp),
    callIns: pair(c.callIns.meetings, p?.callIns.meetings),
    callInAttended: pair(c.callIns.attended, p?.callIns.attended),
    callInAskedForHelp: pair(c.callIns.askedForHelp, p?.callIns.askedForHelp),
    reachedEither: pair(c.reachedEither, p?.reachedEither),
  };
}

function incidentsView(figures: Figures, monthsYear: number): DashboardView["incidents"] {
  const { months, yearToDate } = figures.incidents;
  const currentYear = yearToDate.year;
  const perYear = new Map<number, { shootings: number; other: number; gmi: number }>();
  for (const m of months) {
    const year = Number(m.month.slice(0, 4));
    const y = perYear.get(year) ?? { shootings: 0, other: 0, gmi: 0 };
    if (m.type === "SHOOTING") {
      y.shootings += m.count;
      y.gmi += m.groupMemberInvolved;
    } else y.other += m.count;
    perYear.set(year, y);
  }
  // From the first year with an incident to the later of the last such year and the period's year.
  const first = Math.min(...perYear.keys(), monthsYear);
  const last = Math.max(...perYear.keys(), monthsYear);
  const years: DashboardView["incidents"]["years"] = [];
  for (let year = first; year <= last; year++) {
    const y = perYear.get(year) ?? { shootings: 0, other: 0, gmi: 0 };
    const before = perYear.get(year - 1);
    const partial = year === currentYear;
    // A year not yet over is compared with the same days of last year, a whole year with the whole year before.
    const base = partial ? (yearToDate.byType.SHOOTING?.lastYear ?? 0) : (before?.shootings ?? 0);
    const changePercent = year === first || base === 0 ? null : Math.round(((y.shootings - base) / base) * 100);
    years.push({
      year,
      shootings: y.shootings,
      other: y.other,
      shootingsWithGroupMembers: y.gmi,
      changePercent,
      partial,
    });
  }
  const ytd = (types: IncidentType[], field: "thisYear" | "lastYear") =>
    types.reduce((sum, t) => sum + (yearToDate.byType[t]?.[field] ?? 0), 0);
  const monthCount = (year: number, month: number, types: IncidentType[]) => {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    return months.filter((m) => m.month === key && types.includes(m.type)).reduce((sum, m) => sum + m.count, 0);
  };
  const todayMonth = Number(yearToDate.through.slice(5, 7));
  return {
    years,
    yearToDate: {
      year: currentYear,
      through: yearToDate.through,
      shootings: ytd(["SHOOTING"], "thisYear"),
      shootingsLastYear: ytd(["SHOOTING"], "lastYear"),
      other: ytd(OTHER_INCIDENTS, "thisYear"),
      otherLastYear: ytd(OTHER_INCIDENTS, "lastYear"),
    },
    monthsYear,
    months: Array.from({ length: 12 }, (_, i) => {
      const month = i + 1;
      const future = monthsYear === currentYear && month > todayMonth;
      return {
        month,
        shootings: future ? null : monthCount(monthsYear, month, ["SHOOTING"]),
        shootingsLastYear: monthCount(monthsYear - 1, month, ["SHOOTING"]),
        other: future ? null : monthCount(monthsYear, month, OTHER_INCIDENTS),
        otherLastYear: monthCount(monthsYear - 1, month, OTHER_INCIDENTS),
      };
    }),
  };
}

/** The figures as they may be shown: counts as bands, comparisons between the bands. */
export function toView(
  figures: Figures,
  periods: Periods,
  audience: DashboardView["audience"],
  jointWork: JointWorkFigures | null = null,
): DashboardView {
  const c = figures.current;
  const p = figures.previous;
  const programme = c.programme;
  return {
    audience,
    periods: { current: periodInfo(periods.current), previous: periods.previous ? periodInfo(periods.previous) : null },
    reach: reachView(c, p),
    funnel: c.funnel ? funnelView(c.funnel, p?.funnel ?? null) : null,
    referrals: programme
      ? REFERRAL_STATUSES.map((status) => ({
          status,
          count: pair(programme.referred[status] ?? 0, p?.programme ? (p.programme.referred[status] ?? 0) : null),
        }))
      : null,
    outcomes: programme
      ? CLOSED_STATUSES.map((status) => ({
          status,
          count: pair(programme.closed[status] ?? 0, p?.programme ? (p.programme.closed[status] ?? 0) : null),
        }))
      : null,
    supportMeasures: programme?.measures
      ? MEASURE_TYPES.map((type) => {
          const now = programme.measures![type];
          const before = p?.programme?.measures ? (p.programme.measures[type] ?? { measures: 0, people: 0 }) : null;
          return {
            type,
            measures: pair(now?.measures ?? 0, before?.measures),
            people: pair(now?.people ?? 0, before?.people),
          };
        })
      : null,
    liberty: {
      deprived: band(figures.liberty.deprived),
      notified: band(figures.liberty.notified),
      calledIn: band(figures.liberty.calledIn),
      either: band(figures.liberty.either),
    },
    caseload: figures.caseload.map((r) => ({ name: r.name, agency: r.agency, people: band(r.people) })),
    overdue: figures.overdue
      ? figures.overdue.map((r) => ({ name: r.name, agency: r.agency, overdue: band(r.overdue) }))
      : null,
    jointWork: jointWork
      ? {
          measures: jointWork.measures.map((m) => ({ agency: m.agency, done: band(m.done), overdue: band(m.overdue) })),
          meetingsHeld: jointWork.meetingsHeld,
          visits: {
            planned: band(jointWork.visits.planned),
            done: band(jointWork.visits.done),
            notDone: band(jointWork.visits.notDone),
          },
        }
      : null,
    incidents: incidentsView(figures, Number(periods.current.to.slice(0, 4))),
  };
}

/** The search parameters that show `period` again (for links such as the CSV exports). */
export function periodSearchParams(period: PeriodInfo): Record<string, string> {
  if (period.kind === "round" && period.roundId) return { period: "round", round: period.roundId };
  // Custom periods are whole months (decision 009): the form's YYYY-MM, not the days they resolve to.
  if (period.kind === "custom") return { period: "custom", from: period.from.slice(0, 7), to: period.to.slice(0, 7) };
  return { period: period.kind };
}
