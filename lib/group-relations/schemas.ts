import { z } from "zod";
import { GroupRelationKind } from "@/lib/generated/prisma/enums";
import { stockholmToday } from "@/lib/validation/dates";
import { dateOnly, oneOf, uuid, version } from "@/lib/validation/fields";

export const RELATION_KINDS = Object.values(GroupRelationKind) as [GroupRelationKind, ...GroupRelationKind[]];

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The day a conflict or an alliance began or ended: known, so not ahead of today (Stockholm). */
const pastDate = dateOnly
  .refine((d) => iso(d) <= stockholmToday(), { error: "futureDate" })
  .refine((d) => d.getUTCFullYear() >= 1990, { error: "tooEarly" });

/**
 * Recording a conflict (rivalry) or an alliance between the group whose page it is and another
 * group of the site, from a date. The recording agency is the actor's own, never typed.
 */
export const ZRecordGroupRelation = z
  .object({
    groupId: uuid,
    otherGroupId: z.string({ error: "chooseOtherGroup" }).trim().min(1, { error: "chooseOtherGroup" }).pipe(uuid),
    kind: oneOf(RELATION_KINDS),
    validFrom: pastDate,
  })
  .superRefine((v, ctx) => {
    if (v.otherGroupId === v.groupId) ctx.addIssue({ code: "custom", path: ["otherGroupId"], message: "sameGroup" });
  });
export type TRecordGroupRelation = z.output<typeof ZRecordGroupRelation>;

/** Ending a relation on a date (the row stays, as the groups' history), as seen at `version`. */
export const ZEndGroupRelation = z.object({
  relationId: uuid,
  version,
  /** The group page the form is on, to return to. */
  groupId: uuid,
  validTo: pastDate,
});
export type TEndGroupRelation = z.output<typeof ZEndGroupRelation>;
