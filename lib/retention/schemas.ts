import { z } from "zod";
import { int4, uuid, version } from "@/lib/validation/fields";
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from "./rules";

/** Anonymise, or keep for another period: the person and the version the reviewer saw. */
export const ZRetentionDecision = z.object({ personId: uuid, version });
export type TRetentionDecision = z.output<typeof ZRetentionDecision>;

export const ZRetentionMonths = z.object({
  months: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(MIN_RETENTION_MONTHS, { error: "retentionRange" })
    .max(MAX_RETENTION_MONTHS, { error: "retentionRange" }),
  // The setting's version as the form showed it; 0 while the default was never saved.
  version: int4(0),
});
export type TRetentionMonths = z.output<typeof ZRetentionMonths>;
