import { z } from "zod";
import { PlanMeasureStatus } from "@/lib/generated/prisma/enums";
import { optional, optionalId, plannedDate, version } from "@/lib/validation/activity-fields";
import { oneOf, optionalText, requiredText, uuid } from "@/lib/validation/fields";

export const PLAN_MEASURE_STATUSES = Object.values(PlanMeasureStatus) as [PlanMeasureStatus, ...PlanMeasureStatus[]];

/** A measure still to be done: what the to-do list and the meeting's agenda count. */
export const OPEN_MEASURE_STATUSES = ["PLANNED", "IN_PROGRESS"] as const satisfies readonly PlanMeasureStatus[];

/** How far ahead a measure counts as "due soon" on the to-do list and a meeting's agenda. */
export const DUE_SOON_DAYS = 7;

/** Starting a person's individual plan: the joint goals and when the plan is next reviewed. */
export const ZCreatePlan = z.object({
  personId: uuid,
  goals: requiredText(4000),
  reviewOn: optional(plannedDate),
});
export type TCreatePlan = z.output<typeof ZCreatePlan>;

/** Changing the plan's header (any of the three agencies: the goals are joint). */
export const ZUpdatePlan = z.object({
  planId: uuid,
  version,
  goals: requiredText(4000),
  reviewOn: optional(plannedDate),
});
export type TUpdatePlan = z.output<typeof ZUpdatePlan>;

/** Adding a measure: always the actor's own agency's, with a responsible user of that agency. */
export const ZAddPlanMeasure = z.object({
  planId: uuid,
  title: requiredText(200),
  description: optionalText(2000),
  responsibleId: optionalId,
  dueOn: plannedDate,
});
export type TAddPlanMeasure = z.output<typeof ZAddPlanMeasure>;

/** Rewording, reassigning or rescheduling one of the agency's own measures. */
export const ZEditPlanMeasure = z.object({
  measureId: uuid,
  version,
  title: requiredText(200),
  description: optionalText(2000),
  responsibleId: optionalId,
  dueOn: plannedDate,
});
export type TEditPlanMeasure = z.output<typeof ZEditPlanMeasure>;

/** Moving a measure to another status, with an optional comment for the history. */
export const ZChangePlanMeasureStatus = z.object({
  measureId: uuid,
  version,
  toStatus: oneOf(PLAN_MEASURE_STATUSES),
  comment: optionalText(1000),
});
export type TChangePlanMeasureStatus = z.output<typeof ZChangePlanMeasureStatus>;
