import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { DEMO_TOTP_SECRETS } from "../../prisma/seed/demo-totp";

it("gives every demo account a 160-bit base32 TOTP secret, listed in the README for demonstrations", () => {
  const readme = readFileSync(path.resolve(__dirname, "..", "..", "README.md"), "utf8");
  expect(Object.keys(DEMO_TOTP_SECRETS)).toHaveLength(11);
  for (const [email, secret] of Object.entries(DEMO_TOTP_SECRETS)) {
    expect(secret, email).toMatch(/^[A-Z2-7]{32}$/);
    // A row of the README's table, however the formatter pads its cells.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(readme, email).toMatch(new RegExp(`\\|\\s*\`${escape(email)}\`\\s*\\|\\s*\`${secret}\`\\s*\\|`));
  }
});
