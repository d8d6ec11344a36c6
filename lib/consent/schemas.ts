import { z } from "zod";
import { COVERAGE_CODES } from "@/lib/authz/consent-coverage";
import { parseDateOnly, stockholmToday } from "@/lib/validation/dates";
import { checkbox, dateOnly, optionalText, requiredText, someOf, uuid, version } from "@/lib/validation/fields";

/**
 * Recording a consent as signed: the one schema the form and the server action share. What it
 * covers is chosen from the closed list of lib/authz/consent-coverage.ts, never typed as text.
 */
export const ZRecordConsent = z
  .object({
    personId: uuid,
    coverage: someOf(COVERAGE_CODES).refine((c) => c.length > 0, { error: "chooseCoverage" }),
    documentReference: requiredText(100),
    givenOn: dateOnly
      .refine((date) => date.getTime() <= parseDateOnly(stockholmToday())!.getTime(), { error: "futureDate" })
      .refine((date) => date.getUTCFullYear() >= 2000, { error: "tooEarly" }),
    guardianConsent: checkbox,
    // Optional: many consent forms are signed for a time (a year is common in SSPF and SIG).
    validUntil: dateOnly.optional().or(z.literal("").transform(() => undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil && v.validUntil.getTime() < v.givenOn.getTime())
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "validUntilBeforeGiven" });
    if (v.validUntil && v.validUntil.getUTCFullYear() > v.givenOn.getUTCFullYear() + 5)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "validUntilTooLate" });
  });
export type TRecordConsent = z.output<typeof ZRecordConsent>;
export const RECORD_CONSENT_ARRAYS = ["coverage"] as const;

/** Withdrawing a consent: takes effect the moment it is saved. `version` is what the user saw. */
export const ZWithdrawConsent = z.object({ consentId: uuid, version });
export type TWithdrawConsent = z.output<typeof ZWithdrawConsent>;

/**
 * The holding agency's answer to a request to confirm a consent another agency recorded: confirm
 * (its information under the consent opens) or decline (it stays closed; a short reason may be
 * given). `version` is the request's, as the user saw it.
 */
export const ZDecideConsentConfirmation = z
  .object({
    confirmationId: uuid,
    version,
    decision: z.enum(["CONFIRMED", "DECLINED"], { error: "required" }),
    // Confirming is the holding agency's own decision that the signed consent covers giving its
    // information out: the user says they checked the document, as a secrecy assessment requires.
    checkedDocument: checkbox,
    note: optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "CONFIRMED" && !v.checkedDocument)
      ctx.addIssue({ code: "custom", path: ["checkedDocument"], message: "checkDocumentFirst" });
  });
export type TDecideConsentConfirmation = z.output<typeof ZDecideConsentConfirmation>;
