import { describe, expect, it } from "vitest";
import { isMinorOn, needsGuardianConsent } from "./rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("minors and guardian consent", () => {
  it("counts someone as a minor until the 18th birthday", () => {
    expect(isMinorOn(d("2008-06-15"), d("2026-06-14"))).toBe(true);
    expect(isMinorOn(d("2008-06-15"), d("2026-06-15"))).toBe(false);
    expect(isMinorOn(d("1990-01-01"), d("2026-01-01"))).toBe(false);
  });

  it("lets someone born on 29 February come of age on 1 March in common years", () => {
    expect(isMinorOn(d("2008-02-29"), d("2026-02-28"))).toBe(true);
    expect(isMinorOn(d("2008-02-29"), d("2026-03-01"))).toBe(false);
  });

  it("cannot tell without a birth date", () => {
    expect(isMinorOn(null, d("2026-01-01"))).toBe(false);
  });

  it("asks for the guardian's consent by the age on the day consent was given", () => {
    expect(needsGuardianConsent(d("2008-06-15"), d("2026-06-01"))).toBe(true);
    expect(needsGuardianConsent(d("2008-06-15"), d("2026-07-01"))).toBe(false);
  });
});
