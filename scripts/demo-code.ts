/**
 * `npm run demo:code -- polis@malmo.samverkan.test`: the current TOTP code of a demo account, for
 * demonstrating Samverkan without an authenticator app. Demo secrets are public (README).
 */
import { totpCode, TOTP_PERIOD_SECONDS } from "../lib/auth/totp";
import { DEMO_TOTP_SECRETS } from "../prisma/seed/demo-totp";

async function main() {
  const email = (process.argv[2] ?? "").trim().toLowerCase();
  const secret = DEMO_TOTP_SECRETS[email];
  if (!secret) {
    console.error(`Ange ett demokonto: ${Object.keys(DEMO_TOTP_SECRETS).join(", ")}`);
    process.exit(2);
  }
  const left = TOTP_PERIOD_SECONDS - (Math.floor(Date.now() / 1000) % TOTP_PERIOD_SECONDS);
  console.log(`${await totpCode(secret)}  (giltig ${left} s till, ${email})`);
}

void main();
