import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Agency, PlanMeasureStatus } from "@/lib/generated/prisma/enums";
import { createPlan, createPlanMeasure } from "../factories";

/*
 * The demo's individual plans (issue 15): three people in the defector programme have a joint
 * plan, agreed in the autumn of 2020, with measures of social services, probation and the police.
 * Their consents (demo.ts) are confirmed by social services and probation, not by the police: the
 * police see the others' measures, nobody sees the police's, as the rules say.
 */

type Step = [PlanMeasureStatus, string, string | null];
type MeasureSpec = { agency: Agency; title: string; description?: string; dueOn: string; steps: Step[] };

const PLANS: { goals: string; reviewOn: string; measures: MeasureSpec[] }[] = [
  {
    goals: "Lämna gruppen och bo kvar i en annan stadsdel.\nKomma i arbete eller studier före sommaren.",
    reviewOn: "2020-12-15",
    measures: [
      {
        agency: "SOCIAL",
        title: "Ansökan om boende i annan stadsdel",
        description: "Tillsammans med bostadsbolaget.",
        dueOn: "2020-11-30",
        steps: [["IN_PROGRESS", "2020-10-20", "Ansökan inlämnad."]],
      },
      { agency: "SOCIAL", title: "Kontakt med budget- och skuldrådgivning", dueOn: "2020-12-10", steps: [] },
      {
        agency: "PROBATION",
        title: "Övervakningsmöten varannan vecka",
        dueOn: "2021-03-31",
        steps: [["IN_PROGRESS", "2020-10-15", null]],
      },
      { agency: "POLICE", title: "Hotbildsbedömning", dueOn: "2020-10-30", steps: [["DONE", "2020-10-28", null]] },
    ],
  },
  {
    goals: "Avsluta kontakterna med gruppen och påbörja behandling för missbruk.",
    reviewOn: "2020-11-20",
    measures: [
      {
        agency: "SOCIAL",
        title: "Plats i öppenvårdsbehandling",
        dueOn: "2020-11-15",
        steps: [
          ["IN_PROGRESS", "2020-10-12", null],
          ["DONE", "2020-11-10", "Behandlingen påbörjad."],
        ],
      },
      { agency: "PROBATION", title: "Arbetsträning via frivården", dueOn: "2020-12-01", steps: [] },
    ],
  },
  {
    goals: "Flytta till annan ort och bryta med gruppen.",
    reviewOn: "2021-01-15",
    measures: [
      {
        agency: "SOCIAL",
        title: "Utreda flytt till annan ort",
        dueOn: "2020-12-20",
        steps: [["DROPPED", "2020-11-02", "Personen vill bo kvar."]],
      },
    ],
  },
];

const at = (isoDay: string, hour = 10) => new Date(`${isoDay}T${String(hour).padStart(2, "0")}:00:00Z`);

export async function seedDemoPlans(
  db: PrismaClient,
  { siteId, personIds, users }: { siteId: string; personIds: string[]; users: Record<Agency, { id: string }> },
): Promise<void> {
  for (const [k, spec] of PLANS.entries()) {
    const personId = personIds[k]!;
    const plan = await createPlan(db, {
      siteId,
      personId,
      goals: spec.goals,
      reviewOn: new Date(`${spec.reviewOn}T00:00:00Z`),
      createdById: users.SOCIAL.id,
      createdAt: at("2020-10-05"),
    });
    for (const m of spec.measures) {
      const by = users[m.agency].id;
      const measure = await createPlanMeasure(db, {
        siteId,
        planId: plan.id,
        personId,
        agency: m.agency,
        title: m.title,
        description: m.description ?? null,
        dueOn: new Date(`${m.dueOn}T00:00:00Z`),
        createdById: by,
        createdAt: at("2020-10-05", 11),
      });
      let from: PlanMeasureStatus = "PLANNED";
      for (const [to, on, comment] of m.steps) {
        await db.planMeasureStatusChange.create({
          data: { measureId: measure.id, fromStatus: from, toStatus: to, changedAt: at(on), changedById: by, comment },
        });
        await db.planMeasure.update({
          where: { id: measure.id },
          data: { status: to, statusChangedAt: at(on), version: { increment: 1 } },
        });
        from = to;
      }
    }
  }
}
