import { z } from "zod";
import { PlaceType } from "@/lib/generated/prisma/enums";
import { EVEN_WITH_FIELD_ERRORS, ids, isDate, optionalId, plannedDate } from "@/lib/validation/activity-fields";
import { oneOf, optionalText, uuid, version } from "@/lib/validation/fields";

export const PLACE_TYPES = Object.values(PlaceType) as [PlaceType, ...PlaceType[]];

/** The most colleagues on one visit's team. */
export const MAX_TEAM = 20;

/**
 * Planning a custom notification: whom, the days it may happen (from–to), where, who goes (the
 * team), and the round it belongs to, if any.
 */
export const ZPlanVisit = z
  .object({
    personId: uuid,
    windowStartsOn: plannedDate,
    windowEndsOn: plannedDate,
    placeType: oneOf(PLACE_TYPES),
    placeDescription: optionalText(200),
    teamIds: ids(MAX_TEAM),
    roundId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (isDate(v.windowStartsOn) && isDate(v.windowEndsOn) && v.windowEndsOn < v.windowStartsOn)
      ctx.addIssue({ code: "custom", path: ["windowEndsOn"], message: "endBeforeStart" });
  }, EVEN_WITH_FIELD_ERRORS);
export type TPlanVisit = z.output<typeof ZPlanVisit>;

/** The fields the plan form repeats (the team's checkboxes). */
export const PLAN_ARRAYS = ["teamIds"] as const;

/** Calling a planned visit off, under the version the user saw. */
export const ZCancelPlannedVisit = z.object({ plannedVisitId: uuid, version });
export type TCancelPlannedVisit = z.output<typeof ZCancelPlannedVisit>;
