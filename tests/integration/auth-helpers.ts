import { sealTotpSecret } from "@/lib/auth/totp-store";
import { newTotpSecret, totpCode, totpStep } from "@/lib/auth/totp";
import { db } from "@/lib/db";

/** Gives a user a TOTP second factor, as enrolment would; returns the secret to compute codes. */
export async function enrolTotp(userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db.user.update({
    where: { id: userId },
    data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: new Date() },
  });
  return secret;
}

/** The code of the current step, and of the next one (accepted too, one step of tolerance). */
export async function currentCode(secret: string, offset = 0): Promise<string> {
  return totpCode(secret, { step: totpStep(Date.now()) + offset });
}
