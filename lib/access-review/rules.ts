/*
 * When an account's access is due for review, and when an overdue one is suspended (issue 14:
 * IMY expects access limited to need and reviewed). Pure and without `server-only`, so that the
 * sign-in paths, the session check and the review list apply the same rule, and a unit test can.
 *
 * Months are UTC calendar months: reviewed on 31 January with a 1-month interval is due on the
 * last day of February (the day is clamped to the month's length), not on 3 March.
 */

export type AccessReviewStatus = "current" | "due" | "suspended";

function addMonthsUtc(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return target;
}

export function accessReviewStatus(
  user: { accessReviewedAt: Date | null; createdAt: Date },
  site: { accessReviewMonths: number; accessReviewGraceDays: number },
  now: Date,
): { dueAt: Date; suspendsAt: Date; status: AccessReviewStatus } {
  const dueAt = addMonthsUtc(user.accessReviewedAt ?? user.createdAt, site.accessReviewMonths);
  const suspendsAt = new Date(dueAt.getTime() + site.accessReviewGraceDays * 86_400_000);
  const status = now >= suspendsAt ? "suspended" : now >= dueAt ? "due" : "current";
  return { dueAt, suspendsAt, status };
}
