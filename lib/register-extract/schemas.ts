import { z } from "zod";

/**
 * The access request an extract answers: its reference in the organisation's records (diarienummer)
 * is required, goes into the audit log, and is printed on the extract. Letters, digits and the
 * punctuation such numbers use; nothing else, so it cannot carry a name in by accident.
 */
export const ZExtractRequest = z.object({
  requestReference: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(60, { error: "tooLong" })
    .regex(/^[\p{L}\p{N} ./:_-]+$/u, { error: "invalidReference" }),
  format: z.enum(["html", "json", "csv"]).catch("html"),
});
export type TExtractRequest = z.output<typeof ZExtractRequest>;
