import { z } from "zod";
import { EnforcementActionType, type EnforcementActionType as TType } from "@/lib/generated/prisma/enums";
import { EVEN_WITH_FIELD_ERRORS, optionalId, version } from "@/lib/validation/activity-fields";
import { ZPage } from "@/lib/pagination";
import { checkbox, oneOf, optionalText, pastDateTime, uuid, searchText } from "@/lib/validation/fields";

export const ENFORCEMENT_TYPES = Object.values(EnforcementActionType) as [TType, ...TType[]];

/** Actions that take a person's liberty: after one, the person can be marked deprived of liberty. */
export const DEPRIVING_TYPES: readonly TType[] = ["ARREST", "DETENTION", "CONVICTION"];

/** Recording an enforcement action against a person, a group, or a person within a group. */
export const ZRecordEnforcement = z
  .object({
    personId: optionalId,
    groupId: optionalId,
    type: oneOf(ENFORCEMENT_TYPES),
    occurredAt: pastDateTime,
    description: optionalText(2000),
    setDeprivedOfLiberty: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!v.personId && !v.groupId)
      ctx.addIssue({ code: "custom", path: ["groupId"], message: "personOrGroupRequired" });
    if (v.setDeprivedOfLiberty && !v.personId)
      ctx.addIssue({ code: "custom", path: ["setDeprivedOfLiberty"], message: "deprivationNeedsPerson" });
    else if (v.setDeprivedOfLiberty && v.type && !DEPRIVING_TYPES.includes(v.type))
      ctx.addIssue({ code: "custom", path: ["setDeprivedOfLiberty"], message: "typeDoesNotDeprive" });
  }, EVEN_WITH_FIELD_ERRORS);
export type TRecordEnforcement = z.output<typeof ZRecordEnforcement>;

export const ZFindEnforcement = z.object({
  q: searchText(100),
  type: z.enum(ENFORCEMENT_TYPES).optional().catch(undefined),
  group: z.uuid().optional().catch(undefined),
  page: ZPage,
});
export type TFindEnforcement = z.output<typeof ZFindEnforcement>;

/**
 * Correcting a recorded action. The person it concerns is fixed (another person is another
 * action); whether there is one comes from the stored record (`hasPerson`, for the same rules as
 * recording). `version` is what the user saw.
 */
export const ZEditEnforcement = z
  .object({
    id: uuid,
    version,
    hasPerson: checkbox,
    groupId: optionalId,
    type: oneOf(ENFORCEMENT_TYPES),
    occurredAt: pastDateTime,
    description: optionalText(2000),
    setDeprivedOfLiberty: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!v.hasPerson && !v.groupId)
      ctx.addIssue({ code: "custom", path: ["groupId"], message: "personOrGroupRequired" });
    if (v.setDeprivedOfLiberty && !v.hasPerson)
      ctx.addIssue({ code: "custom", path: ["setDeprivedOfLiberty"], message: "deprivationNeedsPerson" });
    else if (v.setDeprivedOfLiberty && v.type && !DEPRIVING_TYPES.includes(v.type))
      ctx.addIssue({ code: "custom", path: ["setDeprivedOfLiberty"], message: "typeDoesNotDeprive" });
  }, EVEN_WITH_FIELD_ERRORS);
export type TEditEnforcement = z.output<typeof ZEditEnforcement>;
