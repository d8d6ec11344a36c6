/**
 * The differencing attack on aggregate figures, as a test can run it: an observer who sees, for
 * several sets of "cells" (days, months, sites, rows), a figure shown for the sum of the cells in
 * the set, and solves for every cell by trying every assignment of counts consistent with all of
 * them. What the attacker learns about a cell is the set of counts it can still have.
 *
 * Cells are additive counts (visits, records, people counted once per cell). For counts of unique
 * people across cells, the sum is an upper bound, which tells the attacker less: a defence that
 * holds for sums holds for them too.
 */

/** A query: the cells whose sum is shown. */
export type Query = readonly number[];
/** How a count is shown: band labels, exact numbers, "<3", … */
export type Show = (count: number) => string | number;

/** Every count each cell can have, given what the attacker saw (`shown[i]` for `queries[i]`). */
export function possibleValues(
  cellCount: number,
  queries: readonly Query[],
  shown: readonly (string | number)[],
  show: Show,
  maxPerCell: number,
): Set<number>[] {
  const possible = Array.from({ length: cellCount }, () => new Set<number>());
  const values = new Array<number>(cellCount).fill(0);
  // Prune: a query whose cells are all assigned must already show what was seen.
  const complete = queries.map((q) => Math.max(...q));
  const checkAt = Array.from({ length: cellCount }, (_, i) =>
    queries.map((q, k) => (complete[k] === i ? k : -1)).filter((k) => k >= 0),
  );
  const visit = (i: number) => {
    if (i === cellCount) {
      values.forEach((v, c) => possible[c]!.add(v));
      return;
    }
    for (let v = 0; v <= maxPerCell; v++) {
      values[i] = v;
      if (checkAt[i]!.every((k) => show(queries[k]!.reduce((sum, c) => sum + values[c]!, 0)) === shown[k]))
        visit(i + 1);
    }
  };
  visit(0);
  return possible;
}

/** What the attacker sees: each query's sum as `show` shows it. */
export function observe(values: readonly number[], queries: readonly Query[], show: Show): (string | number)[] {
  return queries.map((q) => show(q.reduce((sum, c) => sum + values[c]!, 0)));
}

/** Every contiguous range of `n` cells: what custom ranges over a series let anyone ask for. */
export function contiguousRanges(n: number): Query[] {
  const out: Query[] = [];
  for (let a = 0; a < n; a++) for (let b = a; b < n; b++) out.push(Array.from({ length: b - a + 1 }, (_, k) => a + k));
  return out;
}

/** The cells whose true small count (1 … 4) the attacker pins down to one value. */
export function pinnedSmallCells(values: readonly number[], possible: readonly Set<number>[]): number[] {
  return values.flatMap((v, i) => (v >= 1 && v <= 4 && possible[i]!.size === 1 ? [i] : []));
}
