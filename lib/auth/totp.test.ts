import { describe, expect, it } from "vitest";
import { checkTotp, newTotpSecret, totpCode, totpStep, totpUri } from "./totp";

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890") in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("computes the RFC 6238 test vectors (last six digits)", async () => {
    expect(await totpCode(RFC_SECRET, { ms: 59_000 })).toBe("287082");
    expect(await totpCode(RFC_SECRET, { ms: 1_111_111_109_000 })).toBe("081804");
    expect(await totpCode(RFC_SECRET, { ms: 2_000_000_000_000 })).toBe("279037");
  });

  it("makes 160-bit base32 secrets and an otpauth URI naming Samverkan", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    expect(totpUri("polis@malmo.samverkan.test", secret)).toBe(
      `otpauth://totp/Samverkan:polis%40malmo.samverkan.test?secret=${secret}&issuer=Samverkan`,
    );
  });

  it("accepts the current code and one step either side, nothing further", async () => {
    const secret = newTotpSecret();
    const now = 1_800_000_015_000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      expect(await checkTotp(secret, await totpCode(secret, { step: step + offset }), { atMs: now })).toEqual({
        status: "ok",
        step: step + offset,
      });
    }
    for (const offset of [-3, -2, 2, 3]) {
      expect((await checkTotp(secret, await totpCode(secret, { step: step + offset }), { atMs: now })).status).toBe(
        "wrong",
      );
    }
  });

  it("refuses a code of a step already used, and any older one, as a replay", async () => {
    const secret = newTotpSecret();
    const now = 1_800_000_015_000;
    const step = totpStep(now);
    expect(await checkTotp(secret, await totpCode(secret, { step }), { atMs: now, lastUsedStep: step })).toEqual({
      status: "replayed",
    });
    expect(
      await checkTotp(secret, await totpCode(secret, { step: step - 1 }), { atMs: now, lastUsedStep: step }),
    ).toEqual({ status: "replayed" });
    expect(
      await checkTotp(secret, await totpCode(secret, { step: step + 1 }), { atMs: now, lastUsedStep: step }),
    ).toEqual({ status: "ok", step: step + 1 });
  });

  it("refuses malformed input without throwing", async () => {
    const secret = newTotpSecret();
    for (const code of ["", "12345", "1234567", "12a456", " 123456", "١٢٣٤٥٦"])
      expect((await checkTotp(secret, code)).status).toBe("wrong");
  });
});
