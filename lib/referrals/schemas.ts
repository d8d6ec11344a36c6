import { z } from "zod";
import { ReferralSource, ReferralStatus, SupportMeasureStatus, SupportMeasureType } from "@/lib/generated/prisma/enums";
import {
  EVEN_WITH_FIELD_ERRORS,
  isDate,
  optional,
  optionalId,
  plannedDate,
  todayDateOnly,
  version,
} from "@/lib/validation/activity-fields";
import { ZPage } from "@/lib/pagination";
import { checkbox, oneOf, optionalText, pastDateTime, uuid, searchText } from "@/lib/validation/fields";
import { OPEN_STATUSES } from "./flow";

export const REFERRAL_STATUSES = Object.values(ReferralStatus) as [ReferralStatus, ...ReferralStatus[]];
export const REFERRAL_SOURCES = Object.values(ReferralSource) as [ReferralSource, ...ReferralSource[]];
export const MEASURE_TYPES = Object.values(SupportMeasureType) as [SupportMeasureType, ...SupportMeasureType[]];
export const MEASURE_STATUSES = Object.values(SupportMeasureStatus) as [
  SupportMeasureStatus,
  ...SupportMeasureStatus[],
];

/** Referring a person to the defector programme. */
export const ZCreateReferral = z
  .object({
    personId: uuid,
    source: oneOf(REFERRAL_SOURCES),
    referredAt: pastDateTime,
    notificationId: optionalId,
    callInId: optionalId,
    comment: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    // The link says where the referral came from: it must agree with the source.
    if (v.notificationId && v.source !== "CUSTOM_NOTIFICATION")
      ctx.addIssue({ code: "custom", path: ["notificationId"], message: "linkNeedsSource" });
    if (v.callInId && v.source !== "CALL_IN")
      ctx.addIssue({ code: "custom", path: ["callInId"], message: "linkNeedsSource" });
  }, EVEN_WITH_FIELD_ERRORS);
export type TCreateReferral = z.output<typeof ZCreateReferral>;

/** One step of the flow, dated; the server checks it is a legal step from where the referral stands. */
export const ZChangeReferralStatus = z.object({
  referralId: uuid,
  version,
  toStatus: oneOf(REFERRAL_STATUSES),
  changedAt: pastDateTime,
  comment: optionalText(1000),
});
export type TChangeReferralStatus = z.output<typeof ZChangeReferralStatus>;

const measureFields = {
  type: oneOf(MEASURE_TYPES),
  status: oneOf(MEASURE_STATUSES),
  startsOn: plannedDate,
  endsOn: optional(plannedDate),
  outcome: optionalText(1000),
  destinationTown: optionalText(100),
  /** After a relocation: set the person's status to "relocated", with the new town. */
  markRelocated: checkbox,
  /**
   * Whether the new town is protected (skyddad folkbokföring / sekretessmarkering): asked at every
   * relocation, the form answers yes unless the secretary says otherwise. Yes protects the person's
   * identity from then on; no leaves any protection they already have as it is (ending protection
   * is its own, audited decision on the person's file).
   */
  protectTown: z.enum(["yes", "no"], { error: "required" }).optional(),
};

type MeasureInput = z.output<z.ZodObject<typeof measureFields>>;

function measureRules(v: MeasureInput, ctx: z.RefinementCtx) {
  const today = todayDateOnly().getTime();
  const finished = v.status === "COMPLETED" || v.status === "DISCONTINUED";
  const starts = isDate(v.startsOn) ? v.startsOn.getTime() : null;
  const ends = isDate(v.endsOn) ? v.endsOn.getTime() : null;
  // Only a planned measure may start in the future; a finished one has ended, and not ahead of today.
  if (v.status && v.status !== "PLANNED" && starts !== null && starts > today)
    ctx.addIssue({ code: "custom", path: ["startsOn"], message: "futureStart" });
  if (ends !== null && starts !== null && ends < starts)
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "endBeforeStart" });
  else if (finished && v.endsOn === undefined)
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "endRequired" });
  else if (finished && ends !== null && ends > today)
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "futureDate" });
  if (v.destinationTown && v.type && v.type !== "RELOCATION")
    ctx.addIssue({ code: "custom", path: ["destinationTown"], message: "destinationOnlyRelocation" });
  if (v.markRelocated) {
    if (v.type !== "RELOCATION")
      ctx.addIssue({ code: "custom", path: ["markRelocated"], message: "destinationOnlyRelocation" });
    else if (v.status !== "ONGOING" && v.status !== "COMPLETED")
      ctx.addIssue({ code: "custom", path: ["markRelocated"], message: "relocationNotStarted" });
    else if (!v.destinationTown)
      ctx.addIssue({ code: "custom", path: ["destinationTown"], message: "destinationRequired" });
    if (!v.protectTown) ctx.addIssue({ code: "custom", path: ["protectTown"], message: "protectTownRequired" });
  }
}

/** A support measure added to a referral. */
export const ZAddSupportMeasure = z
  .object({ referralId: uuid, ...measureFields })
  .superRefine(measureRules, EVEN_WITH_FIELD_ERRORS);
export type TAddSupportMeasure = z.output<typeof ZAddSupportMeasure>;

/** Editing a support measure (its status, dates and outcome as the work goes on). */
export const ZEditSupportMeasure = z
  .object({ measureId: uuid, version, ...measureFields })
  .superRefine(measureRules, EVEN_WITH_FIELD_ERRORS);
export type TEditSupportMeasure = z.output<typeof ZEditSupportMeasure>;

/** The referral list's filters (from the URL: bad values fall back, never an error page). */
export const ZFindReferrals = z.object({
  q: searchText(100),
  status: z.enum(REFERRAL_STATUSES).optional().catch(undefined),
  open: z.enum(["1"]).optional().catch(undefined),
  mine: z.enum(["1"]).optional().catch(undefined),
  page: ZPage,
});
export type TFindReferrals = z.output<typeof ZFindReferrals>;

export const ZReferralBoard = z.object({ mine: z.enum(["1"]).optional().catch(undefined) });

export { OPEN_STATUSES };
