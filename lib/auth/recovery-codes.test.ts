import { describe, expect, it } from "vitest";
import { findRecoveryCode, generateRecoveryCodes, hashRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct 16-character base32 codes in groups of four", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  });

  it("are stored as salted hashes that never contain the code", () => {
    const [code] = generateRecoveryCodes(1);
    const a = hashRecoveryCode(code!);
    const b = hashRecoveryCode(code!);
    expect(a).not.toBe(b);
    expect(a).not.toContain(code!.replaceAll("-", ""));
  });

  it("are found whatever the case, spaces and dashes, and only the right one", () => {
    const codes = generateRecoveryCodes(3);
    const hashes = codes.map(hashRecoveryCode);
    expect(findRecoveryCode(codes[1]!, hashes)).toBe(1);
    expect(findRecoveryCode(` ${codes[2]!.toLowerCase().replaceAll("-", " ")} `, hashes)).toBe(2);
    expect(findRecoveryCode(generateRecoveryCodes(1)[0]!, hashes)).toBe(-1);
    expect(findRecoveryCode("", hashes)).toBe(-1);
    expect(findRecoveryCode(codes[0]!, ["broken", "x$y"])).toBe(-1);
  });
});
