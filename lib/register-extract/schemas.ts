import { z } from "zod";
import { ExtractRequester, ExtractRequestStatus, IdentityCheck } from "@/lib/generated/prisma/enums";
import { ZPage } from "@/lib/pagination";
import { parseDateOnly, stockholmToday } from "@/lib/validation/dates";
import { dateOnly, uuid, version } from "@/lib/validation/fields";

export const EXTRACT_REQUESTERS = Object.values(ExtractRequester) as [ExtractRequester, ...ExtractRequester[]];
export const IDENTITY_CHECKS = Object.values(IdentityCheck) as [IdentityCheck, ...IdentityCheck[]];
export const EXTRACT_REQUEST_STATUSES = Object.values(ExtractRequestStatus) as [
  ExtractRequestStatus,
  ...ExtractRequestStatus[],
];
export const EXTRACT_DECISIONS = ["APPROVED", "REJECTED"] as const;
export const EXTRACT_FORMATS = ["html", "json", "csv"] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

/**
 * The access request's reference in the organisation's records (diarienummer): required, kept in
 * the audit log and printed on the extract. Letters, digits and the punctuation such numbers use;
 * nothing else, so it cannot carry a name in by accident.
 */
export const requestReference = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(60, { error: "tooLong" })
  .regex(/^[\p{L}\p{N} ./:_-]+$/u, { error: "invalidReference" });

/** One code of a closed list: a missing choice is "required", a code not in the list "unknownChoice". */
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === "" ? "required" : "unknownChoice"),
  });

// PostgreSQL cannot store NUL in text (the insert would fail with a 500), and no other control
// character belongs in a name or a note; tabs and line breaks only where a note may have lines.
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Optional text of at most `max` characters; empty means absent. */
const freeText = (max: number, control: RegExp) =>
  z
    .string({ error: "invalid" })
    .refine((v) => !control.test(v), { error: "invalidCharacters" })
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));

/** A personnummer-like run of digits, or an ID document's number: neither is needed to decide. */
const LOOKS_LIKE_IDENTITY_NUMBER = /\d{6}/;

/**
 * Registering an access request (ADMIN): who asked, when it came in, how the requester's identity
 * was checked, and the reference. The requester's name only when it is not the person themself;
 * a note only for "other" identity checks, and then required. One schema for form and action.
 */
export const ZRegisterExtractRequest = z
  .object({
    personId: uuid,
    requester: choice(EXTRACT_REQUESTERS),
    requesterName: freeText(120, CONTROL_IN_LINE),
    receivedOn: dateOnly
      .refine((date) => date.getTime() <= parseDateOnly(stockholmToday())!.getTime(), { error: "futureDate" })
      .refine((date) => date.getUTCFullYear() >= 2000, { error: "tooEarly" }),
    identityCheck: choice(IDENTITY_CHECKS),
    identityCheckNote: freeText(200, CONTROL_IN_LINE),
    reference: requestReference,
  })
  .superRefine((v, ctx) => {
    if (v.requester !== "DATA_SUBJECT" && !v.requesterName)
      ctx.addIssue({ code: "custom", path: ["requesterName"], message: "requesterNameRequired" });
    if (v.requester === "DATA_SUBJECT" && v.requesterName)
      ctx.addIssue({ code: "custom", path: ["requesterName"], message: "requesterNameOnlyForOthers" });
    if (v.identityCheck === "OTHER" && !v.identityCheckNote)
      ctx.addIssue({ code: "custom", path: ["identityCheckNote"], message: "identityCheckNoteRequired" });
    if (v.identityCheck !== "OTHER" && v.identityCheckNote)
      ctx.addIssue({ code: "custom", path: ["identityCheckNote"], message: "identityCheckNoteOnlyForOther" });
    if (v.identityCheckNote && LOOKS_LIKE_IDENTITY_NUMBER.test(v.identityCheckNote))
      ctx.addIssue({ code: "custom", path: ["identityCheckNote"], message: "noIdentityNumbers" });
  });
export type TRegisterExtractRequest = z.output<typeof ZRegisterExtractRequest>;

/**
 * The second person's decision (MANAGER): approve, or reject with the reason. `version` is what
 * they saw, so a decision is never made on a request that changed since.
 */
export const ZDecideExtractRequest = z
  .object({
    requestId: uuid,
    version,
    decision: choice(EXTRACT_DECISIONS),
    decisionNote: freeText(1000, CONTROL_IN_TEXT),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REJECTED" && !v.decisionNote)
      ctx.addIssue({ code: "custom", path: ["decisionNote"], message: "rejectionReasonRequired" });
  });
export type TDecideExtractRequest = z.output<typeof ZDecideExtractRequest>;

/** "Ta fram utdrag": the one request whose extract is produced. */
export const ZProduceRegisterExtract = z.object({ requestId: uuid });
export type TProduceRegisterExtract = z.output<typeof ZProduceRegisterExtract>;

/** The list pages' filters from the URL: an unknown status is no filter. */
export const ZExtractRequestQuery = z.object({
  status: z.enum(EXTRACT_REQUEST_STATUSES).optional().catch(undefined),
  page: ZPage,
});
export type TExtractRequestQuery = z.output<typeof ZExtractRequestQuery>;
