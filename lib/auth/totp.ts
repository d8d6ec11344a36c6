import { generate, generateSecret, generateURI, verify } from "otplib";

/*
 * TOTP (RFC 6238) with the parameters every authenticator app understands: SHA-1, 6 digits,
 * 30-second steps, 160-bit secrets. No `server-only` marker: the end-to-end helper computes the
 * demo users' codes with the same functions.
 */

export const TOTP_ISSUER = "Samverkan";
export const TOTP_PERIOD_SECONDS = 30;
// One step either way: phone clocks drift and typing takes time (RFC 6238 §5.2, §6).
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(account: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret });
}

/** The time step a moment falls in (the TOTP counter). */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for `secret` at a moment, or for a given step (tests, the demo helper). */
export function totpCode(secret: string, at: { ms: number } | { step: number } = { ms: Date.now() }): Promise<string> {
  const epoch = "step" in at ? at.step * TOTP_PERIOD_SECONDS : Math.floor(at.ms / 1000);
  return generate({ secret, epoch });
}

export type TotpCheck = { status: "ok"; step: number } | { status: "replayed" } | { status: "wrong" };

/**
 * Checks a typed code. A code of a step at or before `lastUsedStep` is "replayed": it was valid,
 * but a code is accepted only once (RFC 6238 §5.2), and so is any older one. The caller records
 * the step atomically (lib/auth/second-factor.ts), so two requests cannot both use one code.
 */
export async function checkTotp(
  secret: string,
  code: string,
  { atMs = Date.now(), lastUsedStep = null }: { atMs?: number; lastUsedStep?: number | null } = {},
): Promise<TotpCheck> {
  if (!/^\d{6}$/.test(code)) return { status: "wrong" };
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(atMs / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  // The functional API's result type also covers HOTP, which has no time step.
  if (!result.valid || !("timeStep" in result)) return { status: "wrong" };
  if (lastUsedStep !== null && result.timeStep <= lastUsedStep) return { status: "replayed" };
  return { status: "ok", step: result.timeStep };
}
