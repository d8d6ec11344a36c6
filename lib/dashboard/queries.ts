import "server-only";
import { authorize, type Actor } from "@/lib/authz";
import { recordAuditNow } from "@/lib/audit";
import { db } from "@/lib/db";
import { suppress, type Suppressed } from "./suppress";

export type OverviewFigures = { notifications: Suppressed; peopleReached: Suppressed; askedForHelp: Suppressed };

async function figures(siteId: string, from?: Date): Promise<OverviewFigures> {
  const where = { siteId, outcome: "DELIVERED" as const, ...(from ? { occurredAt: { gte: from } } : {}) };
  const [notifications, people, askedForHelp] = await Promise.all([
    db.customNotification.count({ where }),
    db.customNotification.groupBy({ by: ["personId"], where }),
    db.customNotification.groupBy({ by: ["personId"], where: { ...where, askedForHelpOnSite: true } }),
  ]);
  return { notifications: suppress(notifications), peopleReached: suppress(people.length), askedForHelp: suppress(askedForHelp.length) };
}

/** The programme's headline figures for the actor's site: aggregates only, small counts suppressed. */
export async function getOverview({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  authorize(actor, "statistics", "read");
  const startOfYear = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
  const [yearToDate, allTime] = await Promise.all([figures(actor.siteId, startOfYear), figures(actor.siteId)]);
  await recordAuditNow(actor, { action: "READ", entityType: "Statistics" });
  return { yearToDate, allTime };
}
