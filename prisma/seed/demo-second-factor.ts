import { sealTotpSecret } from "@/lib/auth/totp-store";
import { DEMO_TOTP_SECRETS } from "./demo-totp";

/** The user fields that make a demo account enrolled in TOTP (with its published secret, sealed). */
export function demoSecondFactor(email: string): { totpSecret: string; totpEnabledAt: Date } {
  const secret = DEMO_TOTP_SECRETS[email];
  if (!secret) throw new Error(`demo seed: no TOTP secret for ${email}`);
  return { totpSecret: sealTotpSecret(secret), totpEnabledAt: new Date(Date.UTC(2020, 0, 1)) };
}
