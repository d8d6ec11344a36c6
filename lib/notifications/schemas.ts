import { z } from "zod";
import { Agency, NotificationOutcome, PersonResponse, PlaceType } from "@/lib/generated/prisma/enums";
import { optionalId } from "@/lib/validation/activity-fields";
import { checkbox, oneOf, optionalText, pastDateTime, someOf, uuid, version } from "@/lib/validation/fields";

const AGENCIES = Object.values(Agency) as [Agency, ...Agency[]];
const OUTCOMES = Object.values(NotificationOutcome) as [NotificationOutcome, ...NotificationOutcome[]];
const RESPONSES = Object.values(PersonResponse) as [PersonResponse, ...PersonResponse[]];
const PLACES = Object.values(PlaceType) as [PlaceType, ...PlaceType[]];

/** The fields of a notification, shared by logging it and editing it later. */
const notificationFields = {
  occurredAt: pastDateTime,
  placeType: oneOf(PLACES),
  placeDescription: optionalText(200),
  agencies: someOf(AGENCIES).refine((a) => a.length > 0, { error: "chooseAgency" }),
  participantIds: z
    .array(uuid)
    .max(20, { error: "tooMany" })
    .transform((v) => [...new Set(v)]),
  outcome: oneOf(OUTCOMES),
  response: z
    .union([z.literal(""), oneOf(RESPONSES)])
    .optional()
    .transform((v) => (v ? v : undefined)),
  askedForHelpOnSite: checkbox,
  nextStep: optionalText(1000),
  internalNote: optionalText(4000),
  /** The round the notification belongs to (issue 15); none for one outside every round. */
  roundId: optionalId.optional(),
};

/** A response is only recorded when the message reached the person. */
function responseNeedsDelivery(
  v: { outcome: NotificationOutcome; response?: PersonResponse; askedForHelpOnSite: boolean },
  ctx: z.RefinementCtx,
) {
  if (v.outcome === "DELIVERED" && !v.response)
    ctx.addIssue({ code: "custom", path: ["response"], message: "responseRequired" });
  if (v.outcome !== "DELIVERED" && v.askedForHelpOnSite)
    ctx.addIssue({ code: "custom", path: ["askedForHelpOnSite"], message: "helpNeedsDelivery" });
}

/** Logging a custom notification: the one schema the form and the server action share. */
export const ZLogNotification = z
  .object({
    ...notificationFields,
    personId: uuid,
    /** Logging the visit of a plan: the plan is linked to the notification and marked done. */
    plannedVisitId: optionalId.optional(),
  })
  .superRefine(responseNeedsDelivery);

export type TLogNotification = z.output<typeof ZLogNotification>;
export const LOG_NOTIFICATION_ARRAYS = ["agencies", "participantIds"] as const;

/**
 * Editing a notification later: the same fields, the version the user saw (optimistic locking),
 * and the actor's own agency's internal note (empty removes it). Other agencies' notes are
 * neither shown nor touched.
 */
export const ZUpdateNotification = z
  .object({ ...notificationFields, notificationId: uuid, version })
  .superRefine(responseNeedsDelivery);
export type TUpdateNotification = z.output<typeof ZUpdateNotification>;

export { AGENCIES, OUTCOMES, RESPONSES, PLACES };
