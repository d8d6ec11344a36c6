import { describe, expect, it } from "vitest";
import { coarsenBirthDate, retentionCutoff } from "./rules";

describe("retention cut-off", () => {
  it("goes back whole calendar months", () => {
    expect(retentionCutoff(new Date("2026-11-25T10:00:00Z"), 36).toISOString()).toBe("2023-11-25T10:00:00.000Z");
    expect(retentionCutoff(new Date("2026-01-15T00:00:00Z"), 1).toISOString()).toBe("2025-12-15T00:00:00.000Z");
  });

  it("clamps to the end of a shorter month", () => {
    expect(retentionCutoff(new Date("2026-05-31T12:00:00Z"), 3).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(retentionCutoff(new Date("2028-05-31T12:00:00Z"), 3).toISOString()).toBe("2028-02-29T12:00:00.000Z");
  });
});

it("keeps only the birth year", () => {
  expect(coarsenBirthDate(new Date("1998-05-17T00:00:00Z"))?.toISOString()).toBe("1998-01-01T00:00:00.000Z");
  expect(coarsenBirthDate(null)).toBeNull();
});
