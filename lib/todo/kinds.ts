/*
 * The kinds of work on a user's "Att göra" list and their counts (issue 15). No `server-only`:
 * the digest's text is built from these in a pure function, tested on its own.
 */

/** "Due" is today and the next DUE_DAYS - 1 days (Swedish calendar days); before today is overdue. */
export const DUE_DAYS = 7;

export const TODO_KINDS = [
  "plannedVisit",
  "followUp",
  "planMeasure",
  "meetingTask",
  "membershipReview",
  "consentLapsing",
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** A consent given for a time shows this many days before its last day, to be renewed in time. */
export const CONSENT_NOTICE_DAYS = 30;

export type TodoCounts = Record<TodoKind, { overdue: number; due: number }>;

export function totalOf(counts: TodoCounts): { overdue: number; due: number; all: number } {
  const overdue = TODO_KINDS.reduce((sum, k) => sum + counts[k].overdue, 0);
  const due = TODO_KINDS.reduce((sum, k) => sum + counts[k].due, 0);
  return { overdue, due, all: overdue + due };
}
