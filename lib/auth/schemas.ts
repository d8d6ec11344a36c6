import { z } from "zod";
import { LOCALES } from "@/i18n/request";
import { plainString } from "@/lib/validation/fields";
import { sameSitePath } from "@/lib/validation/same-site-path";
import { PASSWORD_MAX_LENGTH } from "./password-policy";

/* One schema per form of signing in and of the account; messages are keys of "login"/"account". */

export const ZSignIn = z.object({
  email: plainString().trim().toLowerCase().max(320).default(""),
  password: plainString().max(1024).default(""),
  // A bad `next` never stops a sign-in: safeNext sends it to the start page instead.
  next: plainString().optional().catch(undefined),
});

/** The IdP button of the login page: which provider, and where the user was going. */
export const ZFederatedSignIn = z.object({
  providerId: z.uuid(),
  next: plainString().optional().catch(undefined),
});

/** A TOTP code as typed: spaces allowed ("123 456"), then exactly six digits. */
export const ZTotpCode = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "codeFormat" })),
});

export const ZRecoveryCode = z.object({
  code: plainString().trim().min(1, { error: "required" }).max(40, { error: "invalidRecoveryCode" }),
});

export const ZChangePassword = z
  .object({
    currentPassword: plainString().min(1, { error: "required" }).max(1024, { error: "wrongCurrentPassword" }),
    newPassword: plainString().min(1, { error: "required" }).max(PASSWORD_MAX_LENGTH, { error: "passwordTooLong" }),
    // Bounded like the new password: a longer repetition cannot match it, and a megabyte of text
    // is not compared character by character (answered as a mismatch).
    confirmPassword: plainString().max(PASSWORD_MAX_LENGTH, { error: "passwordMismatch" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { error: "passwordMismatch", path: ["confirmPassword"] });
export type TChangePassword = z.infer<typeof ZChangePassword>;

/** "I have saved the codes": where the user was going (made safe by safeNext). */
export const ZFinishEnrolment = z.object({ next: plainString().max(2000).optional().catch(undefined) });

/** The language switch in the header; anything else changes nothing. */
export const ZSetLocale = z.object({ locale: z.enum(LOCALES) });

/**
 * Only a path on this site after signing in (lib/validation/same-site-path.ts), never the sign-in
 * pages themselves: anything else is the start page, never an open redirect to another host.
 */
export function safeNext(value: unknown): string {
  const path = sameSitePath(value);
  return path && !path.startsWith("/login") ? path : "/";
}
