import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency } from "@/lib/generated/prisma/enums";
import { next, type Client } from "./client";

/* The individual plan (issue 15): a person's plan, and its measures with their first history step. */

export async function createPlan(
  db: Client,
  data: Partial<Prisma.IndividualPlanUncheckedCreateInput> & { siteId: string; personId: string; createdById: string },
) {
  return db.individualPlan.create({
    data: {
      goals: "Bryta med gruppen och komma i arbete.",
      updatedById: data.updatedById ?? data.createdById,
      ...data,
    },
  });
}

/**
 * A planned measure of `agency`, with its first history step ("planned", when it was created);
 * `personId` must be the plan's person. Responsible: `responsibleId`, or whoever created it.
 */
export async function createPlanMeasure(
  db: Client,
  data: Partial<Prisma.PlanMeasureUncheckedCreateInput> & {
    siteId: string;
    planId: string;
    personId: string;
    agency: Agency;
    createdById: string;
  },
) {
  const createdAt = data.createdAt ? new Date(data.createdAt) : new Date(Date.UTC(2026, 0, 20, 9));
  return db.planMeasure.create({
    data: {
      title: `Åtgärd ${next()}`,
      responsibleId: data.responsibleId ?? data.createdById,
      dueOn: new Date(Date.UTC(2026, 2, 1)),
      statusChangedAt: createdAt,
      history: {
        create: {
          fromStatus: null,
          toStatus: data.status ?? "PLANNED",
          changedAt: createdAt,
          changedById: data.createdById,
        },
      },
      ...data,
      createdAt,
    },
  });
}
