import { z } from "zod";
import { parseDateOnly, parseStockholmDateTime } from "./dates";
import { parseIdentityNumber } from "./personnummer";

/*
 * Field schemas shared by every form. Error messages are keys of the "errors" catalogue in
 * messages/<locale>/app.json; the form shows them translated next to the field.
 */

/**
 * C0 control characters other than tab, line feed and carriage return (which a multi-line field
 * legitimately holds), and DEL. Nobody types them; NUL cannot even be stored (PostgreSQL's text
 * refuses it, so it used to surface as a 500 or an "unexpected" error), and the others are
 * invisible on screen and in exports. handleForm refuses them in every field of every form too.
 */
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN_CHARACTERS.test(value);
}

/** The INTEGER columns' maximum (PostgreSQL int4): a larger number cannot be stored or compared. */
export const INT4_MAX = 2_147_483_647;

/** Any text from a form or a URL: a string without the characters above (error "invalidCharacters"). */
export const plainString = (params?: { error: string }) =>
  z.string(params).refine((v) => !hasForbiddenCharacters(v), { error: "invalidCharacters", abort: true });

/** A whole number for an INTEGER column, from a form field: `min`…2147483647, else "invalid". */
export const int4 = (min: number) =>
  z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(min, { error: "invalid" })
    .max(INT4_MAX, { error: "invalid" });

/** The version the user saw (optimistic locking): the one schema every form with a version uses. */
export const version = int4(1);

/** Form text: trimmed; empty means absent. */
export const optionalText = (max: number) =>
  plainString()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));

export const requiredText = (max: number) =>
  plainString({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

export const uuid = z.uuid({ error: "invalid" });

/** A required text field turned into a value by `parse`; null from `parse` is error `key`. */
const parsedText = <T>(parse: (value: string) => T | null, key: string) =>
  plainString({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .transform((value, ctx) => {
      const parsed = parse(value);
      if (parsed === null) {
        ctx.addIssue({ code: "custom", message: key });
        return z.NEVER;
      }
      return parsed;
    });

/** A date and time in the past (a minute's clock skew allowed), typed in Swedish time. */
export const pastDateTime = parsedText(parseStockholmDateTime, "invalidDate")
  .refine((d) => d.getTime() <= Date.now() + 60_000, { error: "futureDate" })
  .refine((d) => d.getUTCFullYear() >= 2000, { error: "tooEarly" });

/** A calendar date (YYYY-MM-DD). */
export const dateOnly = parsedText(parseDateOnly, "invalidDate");

/** A personnummer or samordningsnummer in any common form, normalised. */
export const identityNumber = parsedText(parseIdentityNumber, "invalidIdentityNumber");

/** A search box's text from the URL (a GET form): trimmed, at most `max`; anything else is no search. */
export const searchText = (max = 100) => plainString().trim().max(max).catch("");

/** A checkbox: present ("on") or absent. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** One value of a closed list (a Prisma enum). */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "required" });

/** Several values of a closed list (checkbox group); duplicates removed. */
export const someOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values, { error: "invalid" })).transform((v) => [...new Set(v)]);
