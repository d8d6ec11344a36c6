import { z } from "zod";
import { parseDateOnly, parseStockholmDateTime } from "./dates";
import { parseIdentityNumber } from "./personnummer";

/*
 * Field schemas shared by every form. Error messages are keys of the "errors" catalogue in
 * messages/<locale>.json; the form shows them translated next to the field.
 */

/** Form text: trimmed; empty means absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));

export const requiredText = (max: number) => z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

export const uuid = z.uuid({ error: "invalid" });

/** A required text field turned into a value by `parse`; null from `parse` is error `key`. */
const parsedText = <T>(parse: (value: string) => T | null, key: string) =>
  z
    .string({ error: "required" })
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

/** A checkbox: present ("on") or absent. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** One value of a closed list (a Prisma enum). */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "required" });

/** Several values of a closed list (checkbox group); duplicates removed. */
export const someOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values, { error: "invalid" })).transform((v) => [...new Set(v)]);
