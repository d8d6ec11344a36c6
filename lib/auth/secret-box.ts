import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/*
 * Authenticated encryption (AES-256-GCM) for the few secrets the server hands out or stores:
 * TOTP secrets at rest, and the short-lived sign-in ticket between the password and the code.
 * Each use has its own `purpose`: it selects the key (HKDF) and is bound in as associated data,
 * so a value sealed for one purpose never opens as another. No `server-only` marker: the
 * end-to-end fixtures seal demo TOTP secrets the same way.
 */

const VERSION = "v1";

function keyFor(keyMaterial: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", keyMaterial, "samverkan", `samverkan:${purpose}`, 32));
}

export function seal(keyMaterial: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(keyMaterial, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plaintext, or null for anything forged, altered, truncated or sealed for another purpose. */
export function open(keyMaterial: string, purpose: string, sealed: string): string | null {
  const [version, iv, body, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || body === undefined || !tag || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(keyMaterial, purpose), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
