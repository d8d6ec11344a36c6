import { describe, expect, it } from "vitest";
import { parseDashboardQuery } from "./schemas";

const TODAY = "2020-10-01";
const ROUND = "0190a0b4-1c2d-7e3f-8a4b-5c6d7e8f9a0b";

describe("the dashboard's search parameters", () => {
  it("reads a period, a round and a custom range", () => {
    expect(parseDashboardQuery({ period: "year" }, TODAY)).toMatchObject({
      choice: { period: "year" },
      fieldErrors: {},
    });
    expect(parseDashboardQuery({ period: "round", round: ROUND }, TODAY).choice).toEqual({
      period: "round",
      round: ROUND,
    });
    expect(parseDashboardQuery({ period: "custom", from: "2020-05", to: "2020-07" }, TODAY).choice).toEqual({
      period: "custom",
      from: "2020-05",
      to: "2020-07",
    });
  });

  it("ignores an unknown period, a malformed round id and repeated parameters' extra values", () => {
    expect(parseDashboardQuery({ period: "decade" }, TODAY)).toMatchObject({
      choice: { period: undefined },
      fieldErrors: {},
    });
    expect(parseDashboardQuery({ period: "round", round: "'; DROP TABLE x" }, TODAY).choice).toEqual({
      period: "round",
      round: undefined,
    });
    expect(parseDashboardQuery({ period: ["all", "year"] }, TODAY).choice).toEqual({ period: "all", round: undefined });
  });

  it("reports bad custom months next to their field and keeps what was typed", () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ from: "", to: "2020-05" }, { from: "required" }],
      [{ from: "2020-13", to: "2020-05" }, { from: "invalidMonth" }],
      [{ from: "igår", to: "2020-05" }, { from: "invalidMonth" }],
      // Days are not months: a range of days would let overlapping ranges single out a day.
      [{ from: "2020-05-11", to: "2020-05" }, { from: "invalidMonth" }],
      [{ from: "1999-12", to: "2020-05" }, { from: "tooEarly" }],
      [{ from: "2020-05", to: "2020-11" }, { to: "futureMonth" }],
      [{ from: "2020-05", to: "2020-04" }, { to: "toBeforeFrom" }],
    ];
    for (const [dates, errors] of cases) {
      const result = parseDashboardQuery({ period: "custom", ...dates }, TODAY);
      expect(result.fieldErrors, JSON.stringify(dates)).toEqual(errors);
      expect(result.choice).toEqual({});
      expect(result.values).toMatchObject(dates);
    }
  });

  it("cuts oversized input before keeping it for the form", () => {
    const result = parseDashboardQuery({ period: "custom", from: "x".repeat(10_000), to: "2020-05" }, TODAY);
    expect(result.fieldErrors).toEqual({ from: "invalidMonth" });
    expect(result.values.from).toHaveLength(20);
  });
});
