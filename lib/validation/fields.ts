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

/** A date and time in the past (a minute's clock skew allowed), typed in Swedish time. */
export const pastDateTime = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .transform((value, ctx) => {
    const date = parseStockholmDateTime(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "invalidDate" });
      return z.NEVER;
    }
    return date;
  })
  .refine((d) => d.getTime() <= Date.now() + 60_000, { error: "futureDate" })
  .refine((d) => d.getUTCFullYear() >= 2000, { error: "tooEarly" });

export const dateOnly = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .transform((value, ctx) => {
    const date = parseDateOnly(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "invalidDate" });
      return z.NEVER;
    }
    return date;
  });

export const identityNumber = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parseIdentityNumber(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: "invalidIdentityNumber" });
      return z.NEVER;
    }
    return parsed;
  });

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
