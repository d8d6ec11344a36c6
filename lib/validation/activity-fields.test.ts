import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import {
  headCount,
  identityNumberLines,
  ids,
  nameLines,
  optional,
  pastDate,
  plannedDate,
  plannedDateTime,
} from "./activity-fields";

const errorOf = (schema: z.ZodType, value: unknown) => {
  const result = z.object({ f: schema }).safeParse({ f: value });
  return result.success ? null : fieldErrorsOf(result.error).f;
};

describe("activity field schemas", () => {
  it("reads personnummer lines in any typed form, normalised and de-duplicated", () => {
    expect(identityNumberLines(5).parse("19811218-9876\n811218-9876, 198112189876\n\n")).toEqual(["198112189876"]);
    expect(identityNumberLines(5).parse(undefined)).toEqual([]);
    expect(errorOf(identityNumberLines(5), "19811218-9876\n19811218-9875")).toBe("invalidIdentityNumberLine");
  });

  it("bounds lists of names and ids", () => {
    expect(nameLines(2, 10).parse(" Ann \n\nBo")).toEqual(["Ann", "Bo"]);
    expect(errorOf(nameLines(2, 10), "a\nb\nc")).toBe("tooMany");
    expect(errorOf(nameLines(2, 3), "Anders")).toBe("tooLong");
    expect(errorOf(ids(1), ["0193a1b2-0000-7000-8000-000000000001", "0193a1b2-0000-7000-8000-000000000002"])).toBe(
      "tooMany",
    );
    expect(errorOf(ids(3), ["nope"])).toBe("invalid");
  });

  it("counts people as whole numbers, empty meaning none", () => {
    expect(headCount(100).parse("")).toBe(0);
    expect(headCount(100).parse(" 3 ")).toBe(3);
    for (const bad of ["-1", "1.5", "två", "1e2"]) expect(errorOf(headCount(100), bad), bad).toBe("wholeNumber");
    expect(errorOf(headCount(100), "101")).toBe("tooLarge");
  });

  it("allows planned dates ahead, within bounds; past dates not after today", () => {
    const ahead = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(plannedDate.parse(ahead).toISOString().slice(0, 10)).toBe(ahead);
    expect(errorOf(plannedDate, "2099-01-01")).toBe("tooFarAhead");
    expect(errorOf(plannedDate, "1999-12-31")).toBe("tooEarly");
    expect(errorOf(pastDate, ahead)).toBe("futureDate");
    expect(errorOf(plannedDateTime, "2099-01-01T10:00")).toBe("tooFarAhead");
    expect(errorOf(plannedDateTime, "2026-02-30T10:00")).toBe("invalidDate");
  });

  it("treats a blank optional field as absent but checks anything typed", () => {
    expect(optional(plannedDate).parse("  ")).toBeUndefined();
    expect(optional(plannedDate).parse(undefined)).toBeUndefined();
    expect(errorOf(optional(plannedDate), "2026-13-01")).toBe("invalidDate");
  });
});
