import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/*
 * Recovery codes: single-use look-up secrets for a user who has lost their authenticator.
 * Each is 16 base32 characters (80 random bits). Only salted SHA-256 hashes are stored (OWASP
 * ASVS 2.6.2: look-up secrets under 112 bits are salted and hashed); a fast hash suffices
 * because 80 random bits cannot be guessed offline, unlike a password.
 */

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return chars.match(/.{4}/g)!.join("-");
  });
}

/** What the user typed, as stored: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

function digest(salt: string, normalized: string): Buffer {
  return createHash("sha256").update(`${salt}:${normalized}`).digest();
}

export function hashRecoveryCode(code: string): string {
  const salt = randomBytes(16).toString("hex");
  return `${salt}$${digest(salt, normalizeRecoveryCode(code)).toString("hex")}`;
}

/** The index of the stored hash that `input` matches, or -1. Compares every hash in constant time. */
export function findRecoveryCode(input: string, hashes: readonly string[]): number {
  const normalized = normalizeRecoveryCode(input);
  if (!/^[A-Z2-7]{16}$/.test(normalized)) return -1;
  let found = -1;
  hashes.forEach((stored, index) => {
    const [salt, hex] = stored.split("$");
    if (!salt || !hex || hex.length !== 64) return;
    if (timingSafeEqual(digest(salt, normalized), Buffer.from(hex, "hex")) && found === -1) found = index;
  });
  return found;
}
