import "server-only";
import { recordAuditNow } from "@/lib/audit";
import { nationalSitesWhere, type Actor } from "@/lib/authz";
import { computePeriodFigures } from "@/lib/dashboard/compute";
import { csvFileName, tableToCsv } from "@/lib/dashboard/csv";
import { resolvePeriods, todayIn, type Period, type Periods } from "@/lib/dashboard/periods";
import { parseDashboardQuery, type DashboardQueryResult } from "@/lib/dashboard/schemas";
import type { StatsScope } from "@/lib/dashboard/sql";
import type { Translate } from "@/lib/dashboard/tables";
import type { PeriodInfo } from "@/lib/dashboard/view";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { z } from "zod";
import {
  measuresOf,
  nationalPeriod,
  nationalTable,
  NATIONAL_PARTS,
  type NationalMeasure,
  type NationalView,
} from "./view";

/*
 * The national view (issue 16): the site dashboard's period figures for every site, computed by
 * the very statements the site dashboard runs (lib/dashboard/compute.ts#computePeriodFigures, with
 * the manager's whole-site scope), each shown as its band, and the national total as the sum of
 * the bands' ranges (view.ts, docs/decisions/015). The exact counts stay in this module.
 */

/** A site's whole-site scope, as a manager's dashboard counts it (lib/dashboard/queries.ts). */
function siteScope(siteId: string): StatsScope {
  return {
    siteId,
    people: null,
    referralPeople: null,
    supportMeasureKinds: true,
    followUps: null,
    caseload: "site",
  };
}

function periodInfo(p: Period): PeriodInfo {
  return { kind: p.kind, from: p.from, to: p.to };
}

type Load = { actor: Actor; params: Record<string, unknown>; now?: Date };

export type National = {
  view: NationalView;
  /** The period form: what was asked, errors next to the fields (no rounds: they are each site's own). */
  query: DashboardQueryResult;
};

/** The exact counts per site (in the view's site order) and the periods: tests only, never shown. */
export async function getNationalFigures(
  { actor, params, now = new Date() }: Load,
  action: "read" | "export" = "read",
) {
  const where = nationalSitesWhere(actor, action);
  const today = todayIn(now);
  const query = parseDashboardQuery(params, today);
  // Rounds are each site's own, so the national view has no "round" period: that choice means this month.
  const choice = query.choice.period === "round" ? { ...query.choice, period: "month" as const } : query.choice;
  const periods: Periods = resolvePeriods(choice, { today, rounds: [] });
  const sites = await db.site.findMany({
    where,
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const figures = await Promise.all(sites.map((s) => computePeriodFigures(siteScope(s.id), periods)));
  const current: Record<NationalMeasure, number>[] = figures.map((f) => measuresOf(f.current));
  const previous: Record<NationalMeasure, number>[] | null = periods.previous
    ? figures.map((f) => measuresOf(f.previous!))
    : null;
  return { sites, periods, query, current, previous };
}

async function load(args: Load, action: "read" | "export") {
  const { sites, periods, query, current, previous } = await getNationalFigures(args, action);
  const view: NationalView = {
    sites,
    current: nationalPeriod(periodInfo(periods.current), current),
    previous: periods.previous && previous ? nationalPeriod(periodInfo(periods.previous), previous) : null,
  };
  return { view, query, periods };
}

function auditMetadata(periods: Periods, sites: number) {
  const { kind, from, to } = periods.current;
  return { audience: "national", period: kind, from, to, sites };
}

/** The national view for the period in `params`, audited like the site dashboard (the period, never a person). */
export async function getNational(args: Load): Promise<National> {
  const { view, query, periods } = await load(args, "read");
  await recordAuditNow(args.actor, {
    action: "READ",
    entityType: "Statistics",
    metadata: auditMetadata(periods, view.sites.length),
  });
  return { view, query };
}

const ZPart = z.enum(NATIONAL_PARTS);

/** One period's table as CSV, exactly the cells the page shows. Audited as an export. */
export async function exportNationalCsv(
  args: Load & { part: string; t: Translate; td: Translate },
): Promise<{ fileName: string; body: string }> {
  nationalSitesWhere(args.actor, "export");
  const part = ZPart.safeParse(args.part);
  if (!part.success) throw new NotFoundError("nationalDashboard");
  const { view, periods } = await load(args, "export");
  const table = nationalTable(view, part.data, args.t, args.td);
  if (!table) throw new NotFoundError("nationalDashboard");
  await recordAuditNow(args.actor, {
    action: "EXPORT",
    entityType: "Statistics",
    metadata: { ...auditMetadata(periods, view.sites.length), section: `national-${part.data}` },
  });
  const p = view[part.data]!.period;
  return { fileName: csvFileName(`national-${part.data}`, p.from, p.to), body: tableToCsv(table) };
}
