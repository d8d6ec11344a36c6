/**
 * Small-number suppression for aggregate views: counts of 1 or 2 could single out a person, so
 * managers and exports see "<3". Zero singles out nobody and is shown as it is.
 */
export type Suppressed = number | "<3";

export function suppress(count: number): Suppressed {
  return count > 0 && count < 3 ? "<3" : count;
}
