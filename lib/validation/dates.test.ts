import { describe, expect, it } from "vitest";
import {
  formatStockholmIso,
  parseDateOnly,
  parseStockholmDateTime,
  stockholmToday,
  toStockholmInputValue,
} from "./dates";

describe("parseStockholmDateTime", () => {
  it("reads winter times as UTC+1 and summer times as UTC+2", () => {
    expect(parseStockholmDateTime("2026-01-15T10:00")?.toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(parseStockholmDateTime("2026-07-15T10:00")?.toISOString()).toBe("2026-07-15T08:00:00.000Z");
    expect(parseStockholmDateTime("2026-07-15T10:00:30")?.toISOString()).toBe("2026-07-15T08:00:30.000Z");
  });

  it("takes the earlier instant in the autumn's repeated hour", () => {
    // 25 Oct 2026: clocks go back from 03:00 CEST to 02:00 CET; 02:30 happens twice.
    expect(parseStockholmDateTime("2026-10-25T02:30")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("moves a time in the spring's skipped hour forward", () => {
    // 29 Mar 2026: clocks jump from 02:00 CET to 03:00 CEST; 02:30 does not exist.
    expect(parseStockholmDateTime("2026-03-29T02:30")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it.each(["2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "2026-01-01T10:60", "2026-01-01", "igår", ""])(
    "refuses %j",
    (value) => {
      expect(parseStockholmDateTime(value)).toBeNull();
    },
  );

  it("round-trips with the value shown in a datetime-local input", () => {
    for (const iso of ["2026-01-15T09:00:00.000Z", "2026-07-15T08:00:00.000Z"]) {
      const shown = toStockholmInputValue(new Date(iso));
      expect(parseStockholmDateTime(shown)?.toISOString()).toBe(iso);
    }
  });
});

describe("parseDateOnly", () => {
  it("keeps the calendar date at midnight UTC", () => {
    expect(parseDateOnly("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseDateOnly("2025-02-29")).toBeNull();
  });

  it("knows today's date in Stockholm across midnight UTC", () => {
    expect(stockholmToday(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
  });
});

describe("formatStockholmIso", () => {
  // The process's own time zone must not matter: CI and the servers run in UTC, people elsewhere
  // (TZ=America/New_York npx vitest run lib/validation/dates.test.ts passes too).
  it("writes Stockholm wall time with the offset in force at that instant", () => {
    expect(formatStockholmIso(new Date("2026-12-02T08:15:00Z"))).toBe("2026-12-02T09:15:00+01:00");
    expect(formatStockholmIso(new Date("2026-07-01T22:30:05Z"))).toBe("2026-07-02T00:30:05+02:00");
    expect(formatStockholmIso(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01T00:00:00+01:00");
  });

  it("tells the autumn's repeated hour apart, and reads back as the same instant", () => {
    const first = new Date("2026-10-25T00:30:00Z");
    const second = new Date("2026-10-25T01:30:00Z");
    expect(formatStockholmIso(first)).toBe("2026-10-25T02:30:00+02:00");
    expect(formatStockholmIso(second)).toBe("2026-10-25T02:30:00+01:00");
    for (const d of [first, second, new Date("2026-03-29T01:00:00Z")])
      expect(new Date(formatStockholmIso(d)).getTime()).toBe(d.getTime());
  });
});
