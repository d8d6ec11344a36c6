import { z } from "zod";
import { uuid } from "@/lib/validation/fields";
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from "./rules";

const version = z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" });

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
  version: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(0, { error: "invalid" }),
});
export type TRetentionMonths = z.output<typeof ZRetentionMonths>;
