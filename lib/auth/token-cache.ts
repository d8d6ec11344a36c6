import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/*
 * The session cookie's JWT, decrypted once per cookie value and process instead of on every
 * request: Auth.js derives the key (HKDF) and decrypts (AES-CBC + HMAC through WebCrypto) each
 * time, 2–4 % of the server's CPU per signed-in page, twice (proxy.ts, then the page's session),
 * in bench:http's CPU profile (issue 13). The same value decrypts to the same payload, so a hit
 * gives what `decode` would, as long as the token has not expired: an expired entry is never
 * returned (it is decoded anew, and Auth.js's own check answers). The session row is still
 * checked on every request (session.ts); this only spares the cryptography.
 */

const MAX_ENTRIES = 1_000;
const decoded = new Map<string, JWT>();

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  // Everything decode depends on: the same value under another secret or cookie name must not hit.
  const key = JSON.stringify([params.secret, params.salt, params.token]);
  const hit = decoded.get(key);
  if (hit && typeof hit.exp === "number" && hit.exp * 1000 > Date.now()) return { ...hit };
  decoded.delete(key);
  const payload = await decode(params);
  if (payload && typeof payload.exp === "number") {
    // Oldest first out: a Map iterates in insertion order.
    if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, payload);
  }
  return payload ? { ...payload } : null;
}
