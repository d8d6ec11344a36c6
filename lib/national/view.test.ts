import { describe, expect, it } from "vitest";
import { band, bandLow, BELOW_BAND, type Banded } from "@/lib/dashboard/suppress";
import { sumOfBands } from "./view";

/** The counts a band can hold. */
function rangeOf(shown: Banded): [number, number] {
  if (shown === BELOW_BAND) return [0, 4];
  const [low, high] = shown.split("–").map(Number);
  return [low!, high ?? bandLow(shown) + 4];
}

/**
 * The attacker: every count site 0 can have, given each site's band and the total as shown by
 * `showTotal` for the exact counts (brute force over every assignment up to `max`).
 */
function possibleForSmallSite(counts: number[], showTotal: (exact: number[]) => Banded, max = 40): number[] {
  const bands = counts.map(band);
  const shownTotal = showTotal(counts);
  const out = new Set<number>();
  const ranges = bands.map(rangeOf);
  const visit = (i: number, values: number[]) => {
    if (i === counts.length) {
      if (showTotal(values) === shownTotal) out.add(values[0]!);
      return;
    }
    for (let v = ranges[i]![0]; v <= Math.min(ranges[i]![1], max); v++) visit(i + 1, [...values, v]);
  };
  visit(0, []);
  return [...out].sort((a, b) => a - b);
}

describe("the national total (docs/decisions/015)", () => {
  it("is the sum of the sites' bands' ranges", () => {
    expect(sumOfBands(["<5"])).toBe("<5");
    expect(sumOfBands(["15–19"])).toBe("15–19");
    expect(sumOfBands(["<5", "15–19", "20–24"])).toBe("35–47");
    expect(sumOfBands(["<5", "<5"])).toBe("0–8");
  });

  it("tells nothing the sites' bands do not: a small site keeps all five values", () => {
    const fromBands = (exact: number[]) => sumOfBands(exact.map(band));
    for (const counts of [
      [2, 17, 23],
      [4, 19, 24],
      [0, 15, 20],
      [3, 9, 44, 1],
    ])
      expect(possibleForSmallSite(counts, fromBands), counts.join(",")).toEqual([0, 1, 2, 3, 4]);
  });

  it("where the band of the exact sum would pin a small site (why it is not shown)", () => {
    const bandOfSum = (exact: number[]) => band(exact.reduce((a, b) => a + b, 0));
    // 4 + 19 + 24 = 47, "45–49": the others are at most 19 + 24 = 43, so the small site is 2, 3 or 4.
    expect(possibleForSmallSite([4, 19, 24], bandOfSum)).toEqual([2, 3, 4]);
  });
});

describe("the CSV links", () => {
  it("ask for a custom period by its whole months, as the period form does", async () => {
    const { periodSearchParams } = await import("@/lib/dashboard/view");
    expect(periodSearchParams({ kind: "custom", from: "2020-09-01", to: "2020-10-31" })).toEqual({
      period: "custom",
      from: "2020-09",
      to: "2020-10",
    });
    expect(periodSearchParams({ kind: "month", from: "2020-10-01", to: "2020-10-15" })).toEqual({ period: "month" });
  });
});
