/** The default retention period (issue 4): people with no activity for 36 months are reviewed. */
export const DEFAULT_RETENTION_MONTHS = 36;
export const MIN_RETENTION_MONTHS = 6;
export const MAX_RETENTION_MONTHS = 240;
/** The review list shows people this many days before they fall due, so ADMIN can keep them in time. */
export const REVIEW_AHEAD_DAYS = 60;

/**
 * `now` minus `months` calendar months, the day clamped to the month's length (31 May − 3 months is
 * 28/29 February, not 3 March). People whose last activity is before this are due.
 */
export function retentionCutoff(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}

/** The first day of the birth year: keeps age bands for statistics, drops the exact date. */
export function coarsenBirthDate(birthDate: Date | null): Date | null {
  return birthDate ? new Date(Date.UTC(birthDate.getUTCFullYear(), 0, 1)) : null;
}
