import { z } from "zod";
import { WarningFlagKind } from "@/lib/generated/prisma/enums";
import { EVEN_WITH_FIELD_ERRORS, isDate, optional, pastDate, plannedDate } from "@/lib/validation/activity-fields";
import { oneOf, requiredText, uuid, version } from "@/lib/validation/fields";

export const WARNING_FLAG_KINDS = Object.values(WarningFlagKind) as [WarningFlagKind, ...WarningFlagKind[]];

/**
 * Setting a warning flag on a person: the kind everyone at the site sees, the reason only the
 * setting agency sees, the day it was set (today unless given) and, if known, its last day.
 */
export const ZSetWarningFlag = z
  .object({
    personId: uuid,
    kind: oneOf(WARNING_FLAG_KINDS),
    reason: requiredText(1000),
    setOn: optional(pastDate),
    endsOn: optional(plannedDate),
  })
  .superRefine((v, ctx) => {
    if (isDate(v.setOn) && isDate(v.endsOn) && v.endsOn < v.setOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "endBeforeStart" });
  }, EVEN_WITH_FIELD_ERRORS);
export type TSetWarningFlag = z.output<typeof ZSetWarningFlag>;

/** Ending a flag the user saw at `version` (today: it no longer holds from tomorrow). */
export const ZEndWarningFlag = z.object({ flagId: uuid, version });
export type TEndWarningFlag = z.output<typeof ZEndWarningFlag>;
