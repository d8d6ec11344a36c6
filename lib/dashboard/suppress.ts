/**
 * Small-number suppression for aggregate views: counts of 1 or 2 could single out a person, so
 * every view and export of the dashboard shows "<3". Zero singles out nobody and is shown as it is
 * (a manager must be able to see that, say, nobody is overdue).
 */
export type Suppressed = number | "<3";

export const SUPPRESSED = "<3" as const;

export function suppress(count: number): Suppressed {
  return count > 0 && count < 3 ? SUPPRESSED : count;
}

export function isSuppressed(value: Suppressed | null): value is typeof SUPPRESSED {
  return value === SUPPRESSED;
}
