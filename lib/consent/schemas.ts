import { z } from "zod";
import { Agency } from "@/lib/generated/prisma/enums";
import { parseDateOnly, stockholmToday } from "@/lib/validation/dates";
import { checkbox, dateOnly, requiredText, someOf, uuid, version } from "@/lib/validation/fields";

export const CONSENT_AGENCIES = Object.values(Agency) as [Agency, ...Agency[]];

/** Recording a consent as signed: the one schema the form and the server action share. */
export const ZRecordConsent = z.object({
  personId: uuid,
  // Consent lets information cross between agencies: it must name at least two to mean anything.
  agencies: someOf(CONSENT_AGENCIES).refine((a) => a.length >= 2, { error: "chooseTwoAgencies" }),
  scope: requiredText(500),
  documentReference: requiredText(100),
  givenOn: dateOnly
    .refine((date) => date.getTime() <= parseDateOnly(stockholmToday())!.getTime(), { error: "futureDate" })
    .refine((date) => date.getUTCFullYear() >= 2000, { error: "tooEarly" }),
  guardianConsent: checkbox,
});
export type TRecordConsent = z.output<typeof ZRecordConsent>;
export const RECORD_CONSENT_ARRAYS = ["agencies"] as const;

/** Withdrawing a consent: takes effect the moment it is saved. `version` is what the user saw. */
export const ZWithdrawConsent = z.object({
  consentId: uuid,
  version,
});
export type TWithdrawConsent = z.output<typeof ZWithdrawConsent>;
