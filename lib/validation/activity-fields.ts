import { z } from "zod";
import { parseDateOnly, parseStockholmDateTime, stockholmToday } from "@/lib/validation/dates";
import { parseIdentityNumber } from "@/lib/validation/personnummer";
import { plainString } from "@/lib/validation/fields";
import { isUuid } from "@/lib/validation/ids";

/*
 * Field schemas the activity forms (call-ins, referrals, follow-ups, enforcement, incidents) share,
 * beside the app-wide ones in lib/validation/fields.ts. Errors are keys of the "errors" catalogue.
 */

/** How far ahead a planned date may lie: further is a typo (2062 for 2026), not a plan. */
export const MAX_YEARS_AHEAD = 2;

function yearsAhead(years: number, now = new Date()): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

const text = plainString({ error: "required" }).trim();

/** A date and time typed in Swedish time that may lie in the future (planning), within bounds. */
export const plannedDateTime = text
  .min(1, { error: "required" })
  .transform((value, ctx) => {
    const parsed = parseStockholmDateTime(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: "invalidDate" });
      return z.NEVER;
    }
    return parsed;
  })
  .refine((d) => d.getUTCFullYear() >= 2000, { error: "tooEarly" })
  .refine((d) => d.getTime() <= yearsAhead(MAX_YEARS_AHEAD).getTime(), { error: "tooFarAhead" });

const dateOnlyText = text.min(1, { error: "required" }).transform((value, ctx) => {
  const parsed = parseDateOnly(value);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: "invalidDate" });
    return z.NEVER;
  }
  return parsed;
});

/** Today's calendar date in Stockholm at 00:00 UTC (how @db.Date values compare). */
export function todayDateOnly(now = new Date()): Date {
  return parseDateOnly(stockholmToday(now))!;
}

/** A calendar date that may lie ahead (a planned due date), within bounds. */
export const plannedDate = dateOnlyText
  .refine((d) => d.getUTCFullYear() >= 2000, { error: "tooEarly" })
  .refine((d) => d.getTime() <= yearsAhead(MAX_YEARS_AHEAD, todayDateOnly()).getTime(), { error: "tooFarAhead" });

/** A calendar date not after today (Stockholm). */
export const pastDate = dateOnlyText
  .refine((d) => d.getUTCFullYear() >= 2000, { error: "tooEarly" })
  .refine((d) => d.getTime() <= todayDateOnly().getTime(), { error: "futureDate" });

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** An optional field of any of the above: empty means absent; anything typed is checked in full. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

/** One value of a closed list, or nothing chosen. */
export const optionalOneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: "invalid" }).optional());

/** An id from a select or hidden field; empty means none. Malformed ids are "invalid". */
export const optionalId = plainString()
  .trim()
  .optional()
  .refine((v) => !v || isUuid(v), { error: "invalid" })
  .transform((v) => (v ? v : undefined));

/** The version the user saw (optimistic locking): the app-wide field, 1…2147483647. */
export { version } from "@/lib/validation/fields";

/** A whole number of people (killed, injured): 0 when left empty. */
export const headCount = (max: number) =>
  plainString()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return 0;
      if (!/^\d{1,4}$/.test(v)) {
        ctx.addIssue({ code: "custom", message: "wholeNumber" });
        return z.NEVER;
      }
      return Number(v);
    })
    .refine((n) => n <= max, { error: "tooLarge" });

/** Entries of a text area, trimmed, empty ones dropped, duplicates removed. */
function lines(value: string | undefined, separator: RegExp = /\r?\n/): string[] {
  return [
    ...new Set(
      (value ?? "")
        .split(separator)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Personnummer or samordningsnummer, one per line, in any form a person types; normalised to 12
 * digits. One invalid line fails the field: nothing half-saved.
 */
export const identityNumberLines = (max: number) =>
  plainString()
    .max(max * 20, { error: "tooLong" })
    .optional()
    .transform((value, ctx) => {
      const out: string[] = [];
      for (const line of lines(value, /\r?\n|,|;/)) {
        const parsed = parseIdentityNumber(line);
        if (!parsed) {
          ctx.addIssue({ code: "custom", message: "invalidIdentityNumberLine" });
          return z.NEVER;
        }
        out.push(parsed.normalized);
      }
      return [...new Set(out)];
    })
    .refine((v) => v.length <= max, { error: "tooMany" });

/** Names, one per line (community voices at a call-in). */
export const nameLines = (max: number, maxLength: number) =>
  plainString()
    .max(max * (maxLength + 2), { error: "tooLong" })
    .optional()
    .transform((value) => lines(value))
    .refine((v) => v.every((name) => name.length <= maxLength), { error: "tooLong" })
    .refine((v) => v.length <= max, { error: "tooMany" });

/** Several ids (checkboxes, multi-selects): well-formed, duplicates removed, bounded. */
export const ids = (max: number) =>
  z
    .array(z.string())
    .default([])
    .refine((v) => v.every(isUuid), { error: "invalid" })
    .transform((v) => [...new Set(v)])
    .refine((v) => v.length <= max, { error: "tooMany" });

/**
 * For a form's cross-field rules (superRefine): run them even when some fields failed, so the user
 * sees every error in one round instead of one round at a time. The rules then meet the values of
 * failed fields too, so they check types (isDate) before comparing.
 */
export const EVEN_WITH_FIELD_ERRORS = { when: () => true };

export function isDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
