import type { PeriodFigures } from "@/lib/dashboard/compute";
import { band, BAND, bandLow, BELOW_BAND, type Banded } from "@/lib/dashboard/suppress";
import { periodLabel, type Translate } from "@/lib/dashboard/tables";
import type { PeriodInfo } from "@/lib/dashboard/view";

/*
 * What the national view (issue 16) may show: each site's counts as their bands of five, exactly
 * as that site's dashboard shows them (lib/dashboard/suppress.ts, docs/decisions/009), and a
 * national total that is the sum of the bands' ranges ("35–47"), never the band of the exact sum
 * (docs/decisions/015). The total is then a function of the sites' bands alone: whatever one
 * combines it with (the sites' bands, the other period, a difference), it tells nothing the
 * sites' bands do not already tell, so no site's small count can be narrowed below its band.
 *
 * No `server-only`: pure functions, unit-tested; the exact counts never reach this module's output.
 */

/** The figures of one period per site, in the order of NATIONAL_MEASURES. */
export const NATIONAL_MEASURES = [
  "soughtOut",
  "visits",
  "reached",
  "askedForHelp",
  "callIns",
  "callInAttended",
  "callInAskedForHelp",
  "reachedEither",
  "referred",
  "inProgramme",
  "completed",
  "relocated",
] as const;
export type NationalMeasure = (typeof NATIONAL_MEASURES)[number];

/** The exact count of each measure in one period at one site (server-side only). */
export function measuresOf(f: PeriodFigures): Record<NationalMeasure, number> {
  return {
    soughtOut: f.notifications.soughtOut,
    visits: f.notifications.visits,
    reached: f.notifications.reached,
    askedForHelp: f.notifications.askedForHelp,
    callIns: f.callIns.meetings,
    callInAttended: f.callIns.attended,
    callInAskedForHelp: f.callIns.askedForHelp,
    reachedEither: f.reachedEither,
    referred: f.funnel?.referred ?? 0,
    inProgramme: f.funnel?.inProgramme ?? 0,
    completed: f.funnel?.completed ?? 0,
    relocated: f.funnel?.relocated ?? 0,
  };
}

/**
 * The national total of some sites' bands: the sum of their lowest counts to the sum of their
 * highest ("<5" holds 0–4). One site's total is its band. Computed from the bands shown, never
 * from the exact counts (docs/decisions/015).
 */
export function sumOfBands(bands: readonly Banded[]): Banded {
  const low = bands.reduce((sum, b) => sum + bandLow(b), 0);
  const high = low + bands.length * (BAND - 1);
  if (bands.length === 0) return "0";
  if (low === 0 && high === BAND - 1) return BELOW_BAND;
  return `${low}–${high}`;
}

export type NationalSite = { id: string; name: string };

/** One period: a row per measure, a banded cell per site (in `sites` order) and the total. */
export type NationalPeriod = {
  period: PeriodInfo;
  rows: { measure: NationalMeasure; sites: Banded[]; total: Banded }[];
};

export type NationalView = {
  sites: NationalSite[];
  current: NationalPeriod;
  previous: NationalPeriod | null;
};

export function nationalPeriod(
  period: PeriodInfo,
  perSite: readonly Record<NationalMeasure, number>[],
): NationalPeriod {
  return {
    period,
    rows: NATIONAL_MEASURES.map((measure) => {
      const sites = perSite.map((m) => band(m[measure]));
      return { measure, sites, total: sumOfBands(sites) };
    }),
  };
}

export const NATIONAL_PARTS = ["current", "previous"] as const;
export type NationalPart = (typeof NATIONAL_PARTS)[number];

export type NationalTable = { title: string; columns: string[]; rows: string[][]; note?: string };

/**
 * A period of the national view as a table: one column per site and "Totalt". The page shows it
 * and the CSV writes exactly the same cells. `t` is the "national" namespace, `td` the dashboard's
 * (the measures keep the dashboard's names and definitions).
 */
export function nationalTable(
  view: NationalView,
  part: NationalPart,
  t: Translate,
  td: Translate,
): NationalTable | null {
  const p = view[part];
  if (!p) return null;
  const label = (m: NationalMeasure) =>
    ["referred", "inProgramme", "completed", "relocated"].includes(m) ? td(`funnel.${m}`) : td(`reach.${m}`);
  return {
    title: t(`table.${part}`, { period: periodLabel(td, p.period) }),
    columns: [td("table.measure"), ...view.sites.map((s) => s.name), t("table.total")],
    rows: p.rows.map((r) => [label(r.measure), ...r.sites, r.total]),
    note: t("table.totalNote"),
  };
}
