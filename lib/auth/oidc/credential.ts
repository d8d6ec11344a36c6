import { open, seal } from "../secret-box";

/*
 * An IdP client's secret or private key as stored (IdentityProvider.clientCredential): sealed
 * with AUTH_SECRET, so that a copy of the database alone does not let anyone act as Samverkan
 * towards the IdP. No `server-only`: the demo's set-up (scripts/lib/demo-idp.ts) seals too.
 */
const PURPOSE = "idp-client-credential";

export function sealClientCredential(plain: string, key: string): string {
  return seal(key, PURPOSE, plain);
}

export function openClientCredential(sealed: string, key: string): string | null {
  return open(key, PURPOSE, sealed);
}
