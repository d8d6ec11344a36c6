import { describe, expect, it } from "vitest";
import { ZRecordConsent } from "./schemas";

const base = {
  personId: "0190a0b0-0000-7000-8000-000000000001",
  coverage: ["SOCIAL:FOLLOW_UP:PROBATION"],
  documentReference: "DOK-1",
  givenOn: "2026-01-10",
};

const errorsOf = (input: object) => {
  const r = ZRecordConsent.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("a consent's last day", () => {
  it("is optional, and a date on or after the day it was given, at most five years on", () => {
    expect(errorsOf(base)).toEqual([]);
    expect(errorsOf({ ...base, validUntil: "" })).toEqual([]);
    expect(ZRecordConsent.parse({ ...base, validUntil: "2027-01-09" }).validUntil).toEqual(new Date("2027-01-09"));
    expect(errorsOf({ ...base, validUntil: "2026-01-10" })).toEqual([]);
    expect(errorsOf({ ...base, validUntil: "2026-01-09" })).toEqual([["validUntil", "validUntilBeforeGiven"]]);
    expect(errorsOf({ ...base, validUntil: "2032-01-01" })).toEqual([["validUntil", "validUntilTooLate"]]);
    expect(errorsOf({ ...base, validUntil: "31/12" })).toHaveLength(1);
  });
});
