import "server-only";
import { totpEncryptionKey } from "@/lib/env";
import { open, seal } from "./secret-box";

// TOTP secrets are stored sealed with TOTP_ENCRYPTION_KEY (lib/env.ts explains why).
const PURPOSE = "totp-secret";

export function sealTotpSecret(secret: string): string {
  return seal(totpEncryptionKey(), PURPOSE, secret);
}

/** The secret, or null when the stored value cannot be opened (wrong key): the user then cannot
 * pass the second factor until an administrator resets it, which is safe, not silent. */
export function openTotpSecret(stored: string): string | null {
  return open(totpEncryptionKey(), PURPOSE, stored);
}
