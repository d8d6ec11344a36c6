/*
 * How the dashboard shows a count of people or of their records (docs/decisions/009): as the band
 * of five it falls in ("20–24"), with 0 to 4 shown as "<5". Every view and export shows only the
 * band, and every difference or share on the page is computed from the bands shown, never from the
 * counts, so that nothing on the page is finer than a band.
 *
 * Why bands, and why from zero: suppressing 1 and 2 (as before) while showing every other count
 * exactly did not survive differencing. Custom ranges that differ by one day, or a period and the
 * same period a day later, showed 14 and 16 where the day alone showed "<3". Bands of five whose
 * edges are multiples of five keep a difference of two bands from telling a small count. Zero is
 * not set apart either: "two cells are both <3, and so is their sum" would have told that each was
 * exactly 1. A simulation of an attacker who reads every contiguous range of a series and solves
 * for every value (decision 009) pins a small count only when many adjacent cells sit at the top of
 * their bands, far more rarely than exact counts.
 *
 * No `server-only`: the charts (a client component) draw bands.
 */

export const BAND = 5;

/** "<5", or "low–high" with low a multiple of BAND. */
export type Banded = string;

export const BELOW_BAND: Banded = `<${BAND}`;

export function band(count: number): Banded {
  if (count < BAND) return BELOW_BAND;
  const low = Math.floor(count / BAND) * BAND;
  return `${low}–${low + BAND - 1}`;
}

/** The lowest count a band holds (0 for "<5"). */
export function bandLow(value: Banded): number {
  if (value === BELOW_BAND) return 0;
  const low = Number.parseInt(value, 10);
  return Number.isFinite(low) ? low : 0;
}

/** The middle of a band, for drawing a bar or computing a share from what is shown. */
export function bandMiddle(value: Banded): number {
  return bandLow(value) + (BAND - 1) / 2;
}

export function isBelowBand(value: Banded | null): boolean {
  return value === BELOW_BAND;
}
