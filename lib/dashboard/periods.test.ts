import { describe, expect, it } from "vitest";
import {
  customMonthPeriods,
  customPeriods,
  monthPeriods,
  resolvePeriods,
  stockholmMidnight,
  todayIn,
  yearPeriods,
  type RoundOption,
} from "./periods";

const ROUNDS: RoundOption[] = [
  { id: "may", name: "Maj 2020", startsOn: "2020-05-11", endsOn: "2020-05-22" },
  { id: "autumn", name: "Hösten 2020", startsOn: "2020-09-14", endsOn: "2020-09-25" },
  { id: "planned", name: "Våren 2021", startsOn: "2021-03-01", endsOn: "2021-03-12" },
];

const range = (p: { from: string; to: string } | null) => (p ? `${p.from}..${p.to}` : null);

describe("periods", () => {
  it("starts and ends at Stockholm midnight, in winter and in summer time", () => {
    expect(stockholmMidnight("2020-01-15").toISOString()).toBe("2020-01-14T23:00:00.000Z");
    expect(stockholmMidnight("2020-07-15").toISOString()).toBe("2020-07-14T22:00:00.000Z");
    const p = customPeriods("2020-03-28", "2020-03-29").current; // summer time begins on the 29th
    expect(p.start.toISOString()).toBe("2020-03-27T23:00:00.000Z");
    expect(p.end.toISOString()).toBe("2020-03-29T22:00:00.000Z");
  });

  it("takes today's date in Sweden, not in UTC", () => {
    expect(todayIn(new Date("2020-12-31T23:30:00Z"))).toBe("2021-01-01");
  });

  it("compares this month so far with the same days of last month, clamped to its length", () => {
    expect(range(monthPeriods("2020-11-25").current)).toBe("2020-11-01..2020-11-25");
    expect(range(monthPeriods("2020-11-25").previous)).toBe("2020-10-01..2020-10-25");
    expect(range(monthPeriods("2021-03-31").previous)).toBe("2021-02-01..2021-02-28");
    expect(range(monthPeriods("2020-01-10").previous)).toBe("2019-12-01..2019-12-10");
  });

  it("compares this year so far with the same days of last year, 29 February becoming the 28th", () => {
    expect(range(yearPeriods("2020-10-01").current)).toBe("2020-01-01..2020-10-01");
    expect(range(yearPeriods("2020-10-01").previous)).toBe("2019-01-01..2019-10-01");
    expect(range(yearPeriods("2024-02-29").previous)).toBe("2023-01-01..2023-02-28");
  });

  it("takes a custom range as whole months, compared with as many whole months just before it", () => {
    expect(range(customMonthPeriods("2020-05", "2020-05", "2020-10-01").current)).toBe("2020-05-01..2020-05-31");
    expect(range(customMonthPeriods("2020-05", "2020-05", "2020-10-01").previous)).toBe("2020-04-01..2020-04-30");
    expect(range(customMonthPeriods("2020-09", "2020-09", "2020-10-01").previous)).toBe("2020-08-01..2020-08-31");
    expect(range(customMonthPeriods("2020-01", "2020-03", "2020-10-01").previous)).toBe("2019-10-01..2019-12-31");
    expect(range(customMonthPeriods("2021-03", "2021-03", "2021-10-01").previous)).toBe("2021-02-01..2021-02-28");
  });

  it("runs a custom range that ends this month to today, compared with the same days before", () => {
    const p = customMonthPeriods("2020-08", "2020-10", "2020-10-05");
    expect(range(p.current)).toBe("2020-08-01..2020-10-05");
    expect(range(p.previous)).toBe("2020-05-01..2020-07-05");
    expect(
      resolvePeriods({ period: "custom", from: "2020-08", to: "2020-10" }, { today: "2020-10-05", rounds: [] }).current,
    ).toMatchObject({ kind: "custom", to: "2020-10-05" });
  });

  it("compares a custom range of days with as many days immediately before it (the bench's own ranges)", () => {
    const p = customPeriods("2020-05-11", "2020-05-22");
    expect(range(p.previous)).toBe("2020-04-29..2020-05-10");
    expect(range(customPeriods("2020-03-01", "2020-03-01").previous)).toBe("2020-02-29..2020-02-29");
  });

  it("defaults to the latest round that has started, compared with the round before it", () => {
    const p = resolvePeriods({}, { today: "2020-10-01", rounds: ROUNDS });
    expect(p.current).toMatchObject({
      kind: "round",
      from: "2020-09-14",
      to: "2020-09-25",
      round: { id: "autumn", name: "Hösten 2020" },
    });
    expect(p.previous).toMatchObject({ from: "2020-05-11", round: { id: "may" } });
    expect(
      resolvePeriods({ period: "round", round: "may" }, { today: "2020-10-01", rounds: ROUNDS }).previous,
    ).toBeNull();
  });

  it("takes the round users made last as the latest: by period, then by when it was made", () => {
    const made = [
      ...ROUNDS,
      {
        id: "users",
        name: "December 2026",
        startsOn: "2026-12-01",
        endsOn: "2026-12-14",
        createdAt: "2026-11-20T09:00:00Z",
      },
      {
        id: "again",
        name: "December 2026 (ny)",
        startsOn: "2026-12-01",
        endsOn: "2026-12-14",
        createdAt: "2026-11-21T09:00:00Z",
      },
      {
        id: "ahead",
        name: "Januari 2027",
        startsOn: "2027-01-11",
        endsOn: "2027-01-22",
        createdAt: "2026-11-22T09:00:00Z",
      },
    ];
    const p = resolvePeriods({}, { today: "2026-12-03", rounds: made });
    expect(p.current).toMatchObject({ kind: "round", from: "2026-12-01", round: { id: "again" } });
    expect(p.previous).toMatchObject({ round: { id: "users" } });
  });

  it("falls back to this month without rounds, for an unknown round, or a round not yet started", () => {
    expect(resolvePeriods({}, { today: "2020-10-01", rounds: [] }).current.kind).toBe("month");
    expect(
      resolvePeriods({ period: "round", round: "nope" }, { today: "2020-10-01", rounds: ROUNDS }).current.kind,
    ).toBe("month");
    expect(
      resolvePeriods({ period: "round", round: "planned" }, { today: "2020-10-01", rounds: ROUNDS }).current.kind,
    ).toBe("month");
  });

  it("has nothing to compare since the start", () => {
    const p = resolvePeriods({ period: "all" }, { today: "2020-10-01", rounds: ROUNDS });
    expect(p.current).toMatchObject({ kind: "all", to: "2020-10-01" });
    expect(p.previous).toBeNull();
  });
});
