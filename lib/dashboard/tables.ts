import type { Section } from "./schemas";
import type { DashboardView, Pair, PeriodInfo, ReachKey } from "./view";

/*
 * Every part of the dashboard as a plain table: the page shows it (as the alternative to a chart,
 * or as the figure itself) and the CSV export writes exactly the same cells, so a download can
 * never disagree with the screen. Cells hold already-suppressed values; null is "not shown"
 * (a comparison that would reveal a suppressed count, or a month that has not come yet).
 */

export type Cell = string | number | null;
export type Table = {
  section: Section;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Columns holding a difference, shown with a sign (+3, −2). */
  signedColumns?: number[];
  note?: string;
};

/** next-intl's translator for the "dashboard" namespace (or any function with its shape). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;
/** next-intl's translator for the whole catalogue: the codes' labels (messages/<locale>/enums.json). */
export type TranslateLabels = Translate;

export const REACH_KEYS: ReachKey[] = [
  "soughtOut",
  "visits",
  "reached",
  "askedForHelp",
  "callIns",
  "callInAttended",
  "callInAskedForHelp",
  "reachedEither",
];

export function periodLabel(t: Translate, p: PeriodInfo): string {
  const range = p.from === p.to ? p.from : `${p.from} – ${p.to}`;
  if (p.kind === "all") return t("period.allThrough", { to: p.to });
  return p.roundName ? `${p.roundName} (${range})` : range;
}

function pairColumns(t: Translate, view: DashboardView, first: string): string[] {
  const { current, previous } = view.periods;
  return previous
    ? [first, periodLabel(t, current), periodLabel(t, previous), t("table.change")]
    : [first, periodLabel(t, current)];
}

/** The change column of a table made by pairColumns (the fourth), when there is a comparison. */
function changeColumn(view: DashboardView): number[] {
  return view.periods.previous ? [3] : [];
}

function pairCells(view: DashboardView, p: Pair): Cell[] {
  return view.periods.previous ? [p.current, p.previous, p.change] : [p.current];
}

export function dashboardTables(
  view: DashboardView,
  t: Translate,
  labels: TranslateLabels,
): Partial<Record<Section, Table>> {
  const tables: Partial<Record<Section, Table>> = {};
  const { current, previous } = view.periods;

  tables.reach = {
    section: "reach",
    signedColumns: changeColumn(view),
    title: t("reach.title"),
    columns: pairColumns(t, view, t("table.measure")),
    rows: REACH_KEYS.map((key) => [t(`reach.${key}`), ...pairCells(view, view.reach[key])]),
  };

  if (view.funnel) {
    const relocated = view.funnel.relocated;
    tables.funnel = {
      section: "funnel",
      title: t("funnel.title"),
      columns: [
        t("table.stage"),
        periodLabel(t, current),
        t("table.shareOfReached"),
        ...(previous ? [periodLabel(t, previous)] : []),
      ],
      rows: [
        ...view.funnel.stages.map((s): Cell[] => [
          t(`funnel.${s.stage}`),
          s.current,
          s.share,
          ...(previous ? [s.previous] : []),
        ]),
        ...(relocated
          ? [
              [
                t("funnel.relocated"),
                relocated.current,
                null,
                ...(previous ? [relocated.previous] : []),
              ] satisfies Cell[],
            ]
          : []),
      ],
    };
  }

  if (view.referrals) {
    tables.referrals = {
      section: "referrals",
      signedColumns: changeColumn(view),
      title: t("referrals.title"),
      columns: pairColumns(t, view, t("table.status")),
      rows: view.referrals.map((r) => [labels(`referralStatus.${r.status}`), ...pairCells(view, r.count)]),
    };
  }
  if (view.outcomes) {
    tables.outcomes = {
      section: "outcomes",
      signedColumns: changeColumn(view),
      title: t("outcomes.title"),
      columns: pairColumns(t, view, t("table.outcome")),
      rows: view.outcomes.map((r) => [labels(`referralStatus.${r.status}`), ...pairCells(view, r.count)]),
    };
  }
  if (view.supportMeasures) {
    tables.supportMeasures = {
      section: "supportMeasures",
      signedColumns: changeColumn(view),
      title: t("supportMeasures.title"),
      columns: [
        ...pairColumns(t, view, t("table.measureType")),
        t("table.people", { period: periodLabel(t, current) }),
      ],
      rows: view.supportMeasures.map((m) => [
        labels(`supportMeasureType.${m.type}`),
        ...pairCells(view, m.measures),
        m.people.current,
      ]),
    };
  }

  tables.liberty = {
    section: "liberty",
    title: t("liberty.title"),
    columns: [t("table.measure"), t("table.now")],
    rows: (["deprived", "notified", "calledIn", "either"] as const).map((key) => [
      t(`liberty.${key}`),
      view.liberty[key],
    ]),
  };

  tables.caseload = {
    section: "caseload",
    title: t("caseload.title"),
    columns: [t("table.coordinator"), t("table.agency"), t("table.people", { period: t("table.now") })],
    rows: view.caseload.map((r) => [r.name, labels(`agencies.${r.agency}`), r.people]),
  };

  if (view.overdue) {
    tables.overdue = {
      section: "overdue",
      title: t("overdue.title"),
      columns: [t("table.officer"), t("table.agency"), t("table.overdue")],
      rows: view.overdue.map((r) => [r.name, labels(`agencies.${r.agency}`), r.overdue]),
    };
  }

  if (view.jointWork) {
    const jw = view.jointWork;
    tables.planMeasures = {
      section: "planMeasures",
      title: t("jointWork.measuresTitle"),
      columns: [t("table.agency"), t("jointWork.done", { period: periodLabel(t, current) }), t("jointWork.overdueNow")],
      rows: jw.measures.map((m) => [labels(`agencies.${m.agency}`), m.done, m.overdue]),
    };
    tables.jointWork = {
      section: "jointWork",
      title: t("jointWork.activitiesTitle"),
      columns: [t("table.measure"), periodLabel(t, current)],
      rows: [
        [t("jointWork.meetingsHeld"), jw.meetingsHeld],
        [t("jointWork.visitsPlanned"), jw.visits.planned],
        [t("jointWork.visitsDone"), jw.visits.done],
        [t("jointWork.visitsNotDone"), jw.visits.notDone],
      ],
      note: t("jointWork.note"),
    };
  }

  const inc = view.incidents;
  tables.incidentsPerYear = {
    section: "incidentsPerYear",
    signedColumns: [3],
    title: t("incidents.perYearTitle"),
    columns: [
      t("table.year"),
      t("incidents.shootings"),
      t("incidents.withGroupMembers"),
      t("incidents.changePercent"),
      t("incidents.other"),
    ],
    rows: inc.years.map((y) => [
      y.partial ? t("incidents.yearSoFar", { year: y.year, through: inc.yearToDate.through }) : String(y.year),
      y.shootings,
      y.shootingsWithGroupMembers,
      y.changePercent,
      y.other,
    ]),
    note: t("incidents.trendNote"),
  };
  tables.incidentsPerMonth = {
    section: "incidentsPerMonth",
    title: t("incidents.perMonthTitle", { year: inc.monthsYear }),
    columns: [
      t("table.month"),
      t("incidents.shootingsIn", { year: inc.monthsYear }),
      t("incidents.shootingsIn", { year: inc.monthsYear - 1 }),
      t("incidents.otherIn", { year: inc.monthsYear }),
      t("incidents.otherIn", { year: inc.monthsYear - 1 }),
    ],
    rows: inc.months.map((m) => [t(`month.${m.month}`), m.shootings, m.shootingsLastYear, m.other, m.otherLastYear]),
  };
  return tables;
}
