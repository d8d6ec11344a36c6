import { z } from "zod";
import { Agency, Confidence, MembershipRole } from "@/lib/generated/prisma/enums";
import { ZPage } from "@/lib/pagination";
import { stockholmToday } from "@/lib/validation/dates";
import {
  checkbox,
  dateOnly,
  oneOf,
  optionalText,
  requiredText,
  uuid,
  searchText,
  version,
} from "@/lib/validation/fields";

export const MEMBERSHIP_ROLES = Object.values(MembershipRole) as [MembershipRole, ...MembershipRole[]];
export const CONFIDENCES = Object.values(Confidence) as [Confidence, ...Confidence[]];
export const SOURCE_AGENCIES = Object.values(Agency) as [Agency, ...Agency[]];

export const ZListGroups = z.object({
  q: searchText(100),
  prioritized: z
    .enum(["yes", "on"])
    .transform(() => "yes" as const)
    .optional()
    .catch(undefined),
  page: ZPage,
});
export type TListGroups = z.infer<typeof ZListGroups>;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const groupFields = {
  name: requiredText(100),
  district: optionalText(100),
  description: optionalText(2000),
};

export const ZCreateGroup = z.object(groupFields);
export type TCreateGroup = z.output<typeof ZCreateGroup>;

export const ZUpdateGroup = z.object({ ...groupFields, groupId: uuid, version });
export type TUpdateGroup = z.output<typeof ZUpdateGroup>;

/** "Prioriterad": the group is (or is no longer) the current enforcement focus. */
export const ZSetGroupPriority = z.object({
  groupId: uuid,
  version,
  prioritized: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type TSetGroupPriority = z.output<typeof ZSetGroupPriority>;

/** A date that has happened (today at the latest), in Stockholm. */
const pastDate = dateOnly
  .refine((d) => iso(d) <= stockholmToday(), { error: "futureDate" })
  .refine((d) => d.getUTCFullYear() >= 1990, { error: "tooEarly" });

const membershipFields = {
  validFrom: pastDate,
  validTo: z.preprocess(blankToUndefined, pastDate.optional()),
  role: oneOf(MEMBERSHIP_ROLES),
  sourceAgency: oneOf(SOURCE_AGENCIES),
  confidence: oneOf(CONFIDENCES),
  /** Membership is intelligence, not fact: every claim is reviewed by a set date. */
  reviewDueOn: dateOnly
    .refine((d) => iso(d) >= stockholmToday(), { error: "reviewInPast" })
    .refine((d) => d.getUTCFullYear() <= new Date().getUTCFullYear() + 3, { error: "reviewTooLate" }),
};

function periodInOrder(v: { validFrom: Date; validTo?: Date }, ctx: z.RefinementCtx) {
  if (v.validTo && v.validTo < v.validFrom)
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "endBeforeStart" });
}

export const ZAddMembership = z
  .object({ ...membershipFields, personId: uuid, groupId: uuid })
  .superRefine(periodInOrder);
export type TAddMembership = z.output<typeof ZAddMembership>;

export const ZUpdateMembership = z
  .object({
    ...membershipFields,
    membershipId: uuid,
    version,
    /** The claim has been looked at again today. */
    markReviewed: checkbox,
  })
  .superRefine(periodInOrder);
export type TUpdateMembership = z.output<typeof ZUpdateMembership>;
