import { parseDateOnly, parseStockholmDateTime, stockholmToday } from "@/lib/validation/dates";

const DAY = 86_400_000;

/**
 * The week `now` falls in, Monday to Sunday in Swedish time: as calendar dates (00:00 UTC, how
 * @db.Date values compare) and as the half-open range of instants [start, end).
 */
export function weekOf(now: Date) {
  const today = parseDateOnly(stockholmToday(now))!;
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY);
  const sunday = new Date(monday.getTime() + 6 * DAY);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    today,
    monday,
    sunday,
    start: parseStockholmDateTime(`${iso(monday)}T00:00`)!,
    end: parseStockholmDateTime(`${iso(new Date(sunday.getTime() + DAY))}T00:00`)!,
  };
}

export type VisitState = "done" | "cancelled" | "notDone" | "due" | "upcoming";

/**
 * Where a plan stands on `today` (a calendar date): done once logged; cancelled once called off;
 * "not done" (Inte genomförd)
 * once its window has passed without a visit; due while the window holds today; upcoming before.
 * Computed from the dates, never stored: it changes with the clock alone.
 */
export function visitState(
  plan: { windowStartsOn: Date; windowEndsOn: Date; doneAt: Date | null; cancelledAt?: Date | null },
  today: Date,
): VisitState {
  if (plan.doneAt) return "done";
  if (plan.cancelledAt) return "cancelled";
  if (plan.windowEndsOn < today) return "notDone";
  if (plan.windowStartsOn <= today) return "due";
  return "upcoming";
}
