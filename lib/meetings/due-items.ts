import "server-only";
import type { Agency } from "@/lib/generated/prisma/enums";
import { can, followUpWhere, planMeasureWhere, taskWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { DisclosureItem } from "@/lib/disclosure";

/*
 * "Till mötet": what is due about each person on a meeting's agenda, as the actor may see it. The
 * list is assembled from small sources, one per kind of record, so another kind (the individual
 * plan's measures) is one more entry in DUE_ITEM_SOURCES. A source returns what it shows and, for
 * what it shows of another agency under consent, the disclosures to record (the caller records them).
 */

export type DueItem = {
  kind: "task" | "followUp" | "planMeasure";
  id: string;
  personId: string;
  /** A task's or a plan measure's title; a follow-up has none (its contents are on its own page). */
  title: string | null;
  dueOn: Date;
  isOverdue: boolean;
  agency: Agency;
  responsibleName: string;
};

export type DueItemQuery = {
  personIds: readonly string[];
  /** Items due on or before this day (a @db.Date value, 00:00 UTC). */
  until: Date;
  /** Today in Stockholm (00:00 UTC): before it is overdue. */
  today: Date;
};

export type DueItemSource = (
  actor: Actor,
  query: DueItemQuery,
) => Promise<{ items: DueItem[]; disclosures: DisclosureItem[] }>;

/** Open tasks from joint decisions: every open one, however far ahead, since the meeting reviews them. */
export const openTasks: DueItemSource = async (actor, { personIds, today }) => {
  if (!can(actor, "task", "list")) return { items: [], disclosures: [] };
  const rows = await db.task.findMany({
    where: { AND: [taskWhere(actor, "list"), { personId: { in: [...personIds] }, status: "OPEN" }] },
    select: {
      id: true,
      personId: true,
      title: true,
      dueOn: true,
      ownerAgency: true,
      responsibleId: true,
      responsible: { select: { name: true } },
      decision: { select: { recordedByAgency: true } },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: 500,
  });
  return {
    items: rows.map((t) => ({
      kind: "task" as const,
      id: t.id,
      personId: t.personId,
      title: t.title,
      dueOn: t.dueOn,
      isOverdue: t.dueOn.getTime() < today.getTime(),
      agency: t.ownerAgency,
      responsibleName: t.responsible.name,
    })),
    // Seen only because the person's consent covers the recording agency's decisions.
    disclosures: rows
      .filter((t) => t.ownerAgency !== actor.agency && t.responsibleId !== actor.id)
      .map((t) => ({
        personId: t.personId,
        fromAgency: t.decision.recordedByAgency,
        kind: "JOINT_DECISION" as const,
        entityType: "Task" as const,
        entityId: t.id,
      })),
  };
};

/** Follow-ups the actor may see that are not done and due by the day: their own agency's, others' under consent. */
export const followUpsDue: DueItemSource = async (actor, { personIds, until, today }) => {
  if (!can(actor, "followUp", "list")) return { items: [], disclosures: [] };
  const rows = await db.followUp.findMany({
    where: {
      AND: [followUpWhere(actor, "list"), { personId: { in: [...personIds] }, doneAt: null, dueOn: { lte: until } }],
    },
    select: { id: true, personId: true, agency: true, dueOn: true, assignedTo: { select: { name: true } } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: 500,
  });
  return {
    items: rows.map((f) => ({
      kind: "followUp" as const,
      id: f.id,
      personId: f.personId,
      title: null,
      dueOn: f.dueOn,
      isOverdue: f.dueOn.getTime() < today.getTime(),
      agency: f.agency,
      responsibleName: f.assignedTo.name,
    })),
    disclosures: rows.map((f) => ({
      personId: f.personId,
      fromAgency: f.agency,
      kind: "FOLLOW_UP" as const,
      entityType: "FollowUp" as const,
      entityId: f.id,
    })),
  };
};

/**
 * The individual plans' open measures due by the day: the actor's own agency's, another's only
 * under consent covering PLAN_MEASURE (planMeasureWhere), each of those a disclosure.
 */
export const planMeasuresDue: DueItemSource = async (actor, { personIds, until, today }) => {
  if (!can(actor, "planMeasure", "list")) return { items: [], disclosures: [] };
  const rows = await db.planMeasure.findMany({
    where: {
      AND: [
        planMeasureWhere(actor, "list"),
        { personId: { in: [...personIds] }, status: { in: ["PLANNED", "IN_PROGRESS"] }, dueOn: { lte: until } },
      ],
    },
    select: {
      id: true,
      personId: true,
      title: true,
      agency: true,
      dueOn: true,
      responsible: { select: { name: true } },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: 500,
  });
  return {
    items: rows.map((m) => ({
      kind: "planMeasure" as const,
      id: m.id,
      personId: m.personId,
      title: m.title,
      dueOn: m.dueOn,
      isOverdue: m.dueOn.getTime() < today.getTime(),
      agency: m.agency,
      responsibleName: m.responsible.name,
    })),
    disclosures: rows.map((m) => ({
      personId: m.personId,
      fromAgency: m.agency,
      kind: "PLAN_MEASURE" as const,
      entityType: "PlanMeasure" as const,
      entityId: m.id,
    })),
  };
};

/** Every source of due items, in the order the agenda lists them. */
export const DUE_ITEM_SOURCES: readonly DueItemSource[] = [openTasks, planMeasuresDue, followUpsDue];

/** Each person's due items from every source, by due date; and the disclosures they make. */
export async function collectDueItems(
  actor: Actor,
  query: DueItemQuery,
  sources: readonly DueItemSource[] = DUE_ITEM_SOURCES,
): Promise<{ byPerson: Map<string, DueItem[]>; disclosures: DisclosureItem[] }> {
  const byPerson = new Map<string, DueItem[]>();
  const disclosures: DisclosureItem[] = [];
  if (query.personIds.length === 0) return { byPerson, disclosures };
  for (const result of await Promise.all(sources.map((source) => source(actor, query)))) {
    for (const item of result.items) byPerson.set(item.personId, [...(byPerson.get(item.personId) ?? []), item]);
    disclosures.push(...result.disclosures);
  }
  for (const items of byPerson.values()) items.sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime());
  return { byPerson, disclosures };
}
