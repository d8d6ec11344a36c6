import "server-only";
import { recordAuditNow } from "@/lib/audit";
import { can, isStatusOnly, personWhere, referralWhere, statisticsSiteId, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { computeFigures, type Figures } from "./compute";
import { csvFileName, tableToCsv } from "./csv";
import { jointWorkFigures } from "./joint-work";
import { isoDay, resolvePeriods, startedRounds, todayIn, type Periods, type RoundOption } from "./periods";
import { parseDashboardQuery, ZSection, type DashboardQueryResult } from "./schemas";
import type { StatsScope } from "./sql";
import { dashboardTables, type Translate, type TranslateLabels } from "./tables";
import { toView, type DashboardView } from "./view";

/** A caseload is a working list; this bound keeps a mistaken mass assignment from making a huge query. */
const CASELOAD_LIMIT = 5000;

/**
 * Whose records the actor's dashboard counts, decided by lib/authz: a manager (aggregates only)
 * counts the whole site; an agency user counts the people on their own caseload, and of those
 * only the referrals, support measures and follow-ups their own grants let them see.
 */
async function scopeFor(
  actor: Actor,
  siteId: string,
): Promise<{ scope: StatsScope; audience: DashboardView["audience"] }> {
  if (!actor.agency) {
    return {
      audience: "site",
      scope: {
        siteId,
        people: null,
        referralPeople: null,
        supportMeasureKinds: true,
        followUps: "site",
        caseload: "site",
      },
    };
  }
  const caseload = await db.person.findMany({
    where: { AND: [personWhere(actor, "list"), { assignments: { some: { userId: actor.id, endedAt: null } } }] },
    select: { id: true },
    take: CASELOAD_LIMIT,
  });
  const people = caseload.map((p) => p.id);
  let referralPeople: StatsScope["referralPeople"] = false;
  if (can(actor, "referral", "read")) {
    if (isStatusOnly(actor, "referral")) {
      // Status only, and only where the person's consent lets social services share it with this agency.
      const visible = await db.referral.findMany({
        where: { AND: [referralWhere(actor, "list"), { personId: { in: people } }] },
        select: { personId: true },
        distinct: ["personId"],
      });
      referralPeople = visible.map((r) => r.personId);
    } else referralPeople = null;
  }
  return {
    audience: "caseload",
    scope: {
      siteId,
      people,
      referralPeople,
      supportMeasureKinds: can(actor, "supportMeasure", "read") && !isStatusOnly(actor, "supportMeasure"),
      followUps: can(actor, "followUp", "read") ? { assignedToId: actor.id } : null,
      caseload: { userId: actor.id },
    },
  };
}

async function listRounds(siteId: string): Promise<RoundOption[]> {
  const rounds = await db.notificationRound.findMany({
    where: { siteId },
    select: { id: true, name: true, startsOn: true, endsOn: true, createdAt: true },
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  return rounds.map((r) => ({
    id: r.id,
    name: r.name,
    startsOn: isoDay(r.startsOn),
    endsOn: isoDay(r.endsOn),
    createdAt: r.createdAt.toISOString(),
  }));
}

export type Dashboard = {
  view: DashboardView;
  /** The period form: what was asked, errors next to the fields, the rounds to choose from. */
  query: DashboardQueryResult;
  rounds: RoundOption[];
  canExport: boolean;
};

type Load = { actor: Actor; params: Record<string, unknown>; now?: Date };

async function load({ actor, params, now = new Date() }: Load, action: "read" | "export") {
  const siteId = statisticsSiteId(actor, action);
  const today = todayIn(now);
  const query = parseDashboardQuery(params, today);
  const [rounds, { scope, audience }] = await Promise.all([listRounds(siteId), scopeFor(actor, siteId)]);
  const periods: Periods = resolvePeriods(query.choice, { today, rounds });
  const [figures, jointWork] = await Promise.all([
    computeFigures(scope, periods, today),
    jointWorkFigures(scope, periods.current, today, actor.agency),
  ]);
  return {
    figures,
    jointWork,
    view: toView(figures, periods, audience, jointWork),
    query,
    rounds: startedRounds(rounds, today),
    periods,
    audience,
  };
}

/**
 * The exact counts behind the actor's dashboard, before they are shown as bands: for the tests
 * that check what is counted, and the bench. No page or export calls it; the page shows the view.
 */
export async function getDashboardFigures(args: Load): Promise<Figures> {
  return (await load(args, "read")).figures;
}

function auditMetadata(periods: Periods, audience: string) {
  const { kind, from, to, round } = periods.current;
  return { audience, period: kind, from, to, ...(round ? { roundId: round.id } : {}) };
}

/**
 * The dashboard for the actor and the period in `params` (the page's search parameters): counts
 * only, as bands of five (docs/decisions/009). The read is audited (which period, whose scope).
 */
export async function getDashboard(args: Load): Promise<Dashboard> {
  const { view, query, rounds, periods, audience } = await load(args, "read");
  await recordAuditNow(args.actor, {
    action: "READ",
    entityType: "Statistics",
    metadata: auditMetadata(periods, audience),
  });
  return { view, query, rounds, canExport: can(args.actor, "statistics", "export") };
}

/** One table of the dashboard as a CSV file, exactly the cells the page shows. Audited as an export. */
export async function exportDashboardCsv(
  args: Load & { section: string; t: Translate; labels: TranslateLabels },
): Promise<{ fileName: string; body: string }> {
  statisticsSiteId(args.actor, "export");
  const section = ZSection.safeParse(args.section);
  if (!section.success) throw new NotFoundError("statistics");
  const { view, periods, audience } = await load(args, "export");
  const table = dashboardTables(view, args.t, args.labels)[section.data];
  if (!table) throw new NotFoundError("statistics");
  await recordAuditNow(args.actor, {
    action: "EXPORT",
    entityType: "Statistics",
    metadata: { ...auditMetadata(periods, audience), section: section.data },
  });
  return { fileName: csvFileName(section.data, periods.current.from, periods.current.to), body: tableToCsv(table) };
}
