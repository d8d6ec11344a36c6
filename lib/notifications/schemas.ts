import { z } from "zod";
import { Agency, NotificationOutcome, PersonResponse, PlaceType } from "@/lib/generated/prisma/enums";
import { checkbox, oneOf, optionalText, pastDateTime, someOf, uuid } from "@/lib/validation/fields";

const AGENCIES = Object.values(Agency) as [Agency, ...Agency[]];
const OUTCOMES = Object.values(NotificationOutcome) as [NotificationOutcome, ...NotificationOutcome[]];
const RESPONSES = Object.values(PersonResponse) as [PersonResponse, ...PersonResponse[]];
const PLACES = Object.values(PlaceType) as [PlaceType, ...PlaceType[]];

/** Logging a custom notification: the one schema the form and the server action share. */
export const ZLogNotification = z
  .object({
    personId: uuid,
    occurredAt: pastDateTime,
    placeType: oneOf(PLACES),
    placeDescription: optionalText(200),
    agencies: someOf(AGENCIES).refine((a) => a.length > 0, { error: "chooseAgency" }),
    participantIds: z.array(uuid).max(20, { error: "tooMany" }).transform((v) => [...new Set(v)]),
    outcome: oneOf(OUTCOMES),
    response: z.union([z.literal(""), oneOf(RESPONSES)]).optional().transform((v) => (v ? v : undefined)),
    askedForHelpOnSite: checkbox,
    nextStep: optionalText(1000),
    internalNote: optionalText(4000),
  })
  .superRefine((v, ctx) => {
    // A response is only recorded when the message reached the person.
    if (v.outcome === "DELIVERED" && !v.response) ctx.addIssue({ code: "custom", path: ["response"], message: "responseRequired" });
    if (v.outcome !== "DELIVERED" && v.askedForHelpOnSite) ctx.addIssue({ code: "custom", path: ["askedForHelpOnSite"], message: "helpNeedsDelivery" });
  });

export type TLogNotification = z.output<typeof ZLogNotification>;
export const LOG_NOTIFICATION_ARRAYS = ["agencies", "participantIds"] as const;

export { AGENCIES, OUTCOMES, RESPONSES, PLACES };
