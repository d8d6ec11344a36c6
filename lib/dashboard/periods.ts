import { parseDateOnly, parseStockholmDateTime, stockholmToday } from "@/lib/validation/dates";

/*
 * The dashboard's periods. A period is a range of whole calendar days in Swedish time, both ends
 * included ("2020-05-11 – 2020-05-22"); queries use it as the half-open range of instants
 * [start, end) from Stockholm midnight of the first day to Stockholm midnight after the last.
 * Every period but "since the start" is compared with the period before it:
 *  - this month / this year so far: the same span of the previous month / year (1–25 November is
 *    compared with 1–25 October, not with the whole of October, so a partial period is fair);
 *  - a notification round: the round before it;
 *  - a custom range (whole calendar months, docs/decisions/009): the same number of months
 *    immediately before it, to the same day when it runs to today.
 */

export const PERIOD_KINDS = ["round", "month", "year", "all", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Records from before this day are not expected (the programme started in 2018). */
export const EARLIEST_DAY = "2000-01-01";
/** A custom range may span at most this many days (about 25 years): keeps queries bounded. */
export const MAX_RANGE_DAYS = 9200;

export type Period = {
  kind: PeriodKind;
  /** First day, YYYY-MM-DD (Swedish calendar). */
  from: string;
  /** Last day, included. */
  to: string;
  /** Stockholm midnight at the start of `from`. */
  start: Date;
  /** Stockholm midnight after `to` (exclusive). */
  end: Date;
  round?: { id: string; name: string };
};

export type Periods = { current: Period; previous: Period | null };

/** `createdAt` (ISO instant): of two rounds with the same period, the one made last is the latest. */
export type RoundOption = { id: string; name: string; startsOn: string; endsOn: string; createdAt?: string };

const DAY = 86_400_000;

function utcDay(iso: string): Date {
  return parseDateOnly(iso)!;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoDay(new Date(utcDay(iso).getTime() + days * DAY));
}

/** Days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / DAY) + 1;
}

/**
 * How a period is counted (docs/decisions/012): its whole calendar months from the per-person
 * contact months (ContactMonthCount), the days before the first whole month and after the last
 * from the records. `months` is null when the period holds no whole month (a round, this month
 * so far, a single day): then `edges` is the whole period.
 */
export type MonthSplit = {
  /** First days (YYYY-MM-01) of the first and the last whole month. */
  months: { first: string; last: string } | null;
  /** The partial months as half-open ranges of instants, at most two. */
  edges: { start: Date; end: Date }[];
};

function firstOfMonth(iso: string, monthsLater = 0): string {
  return isoDay(new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1 + monthsLater, 1)));
}

export function monthSplit(period: Pick<Period, "from" | "to" | "start" | "end">): MonthSplit {
  const first = period.from.endsWith("-01") ? period.from : firstOfMonth(period.from, 1);
  const afterLast =
    firstOfMonth(addDays(period.to, 1)) === addDays(period.to, 1) ? addDays(period.to, 1) : firstOfMonth(period.to);
  if (first >= afterLast) return { months: null, edges: [{ start: period.start, end: period.end }] };
  const edges: MonthSplit["edges"] = [];
  if (period.from < first) edges.push({ start: period.start, end: stockholmMidnight(first) });
  if (afterLast <= period.to) edges.push({ start: stockholmMidnight(afterLast), end: period.end });
  return { months: { first, last: firstOfMonth(afterLast, -1) }, edges };
}

/** Stockholm midnight at the start of the calendar day `iso`, as an instant. */
export function stockholmMidnight(iso: string): Date {
  return parseStockholmDateTime(`${iso}T00:00`)!;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The last day of the month `monthsBack` months before `month` (YYYY-MM). */
function lastDayOfMonthsBack(month: string, monthsBack: number): string {
  const target = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - monthsBack, 1));
  return isoDay(
    new Date(
      Date.UTC(
        target.getUTCFullYear(),
        target.getUTCMonth(),
        lastDayOfMonth(target.getUTCFullYear(), target.getUTCMonth()),
      ),
    ),
  );
}

/** The same day of the month `monthsBack` months earlier, clamped to that month's last day. */
function sameDayMonthsBack(iso: string, monthsBack: number): string {
  const d = utcDay(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1));
  const day = Math.min(d.getUTCDate(), lastDayOfMonth(target.getUTCFullYear(), target.getUTCMonth()));
  return isoDay(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), day)));
}

export function makePeriod(kind: PeriodKind, from: string, to: string, round?: { id: string; name: string }): Period {
  return {
    kind,
    from,
    to,
    start: stockholmMidnight(from),
    end: stockholmMidnight(addDays(to, 1)),
    ...(round ? { round } : {}),
  };
}

/** This month so far, and the same days of the month before. */
export function monthPeriods(today: string): Periods {
  const from = `${today.slice(0, 7)}-01`;
  const previousFrom = sameDayMonthsBack(from, 1);
  return {
    current: makePeriod("month", from, today),
    previous: makePeriod("month", previousFrom, sameDayMonthsBack(today, 1)),
  };
}

/** This year so far, and the same days of the year before (29 February becomes the 28th). */
export function yearPeriods(today: string): Periods {
  const year = Number(today.slice(0, 4));
  return {
    current: makePeriod("year", `${year}-01-01`, today),
    previous: makePeriod("year", `${year - 1}-01-01`, sameDayMonthsBack(today, 12)),
  };
}

/** Everything recorded up to today; nothing to compare with. */
export function allPeriods(today: string): Periods {
  return { current: makePeriod("all", EARLIEST_DAY, today), previous: null };
}

/** A custom range of days and the same number of days immediately before it (the bench's own cases). */
export function customPeriods(from: string, to: string): Periods {
  const days = daysInRange(from, to);
  const previousTo = addDays(from, -1);
  return {
    current: makePeriod("custom", from, to),
    previous: makePeriod("custom", addDays(previousTo, -(days - 1)), previousTo),
  };
}

/** "YYYY-MM": a month as the dashboard's custom range takes it. */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months from `fromMonth` to `toMonth`, both included ("2020-05", "2020-07" → 3). */
export function monthsInRange(fromMonth: string, toMonth: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return index(toMonth) - index(fromMonth) + 1;
}

/**
 * A custom range of whole calendar months (the only custom ranges the dashboard offers: days
 * would let overlapping ranges single out a day, docs/decisions/009). The last month runs to
 * today when it is this month. Compared with as many months immediately before it, to the same
 * day of the month when the range runs to today.
 */
export function customMonthPeriods(fromMonth: string, toMonth: string, today: string): Periods {
  const from = `${fromMonth}-01`;
  const [y, m] = [Number(toMonth.slice(0, 4)), Number(toMonth.slice(5, 7)) - 1];
  const lastDay = isoDay(new Date(Date.UTC(y, m, lastDayOfMonth(y, m))));
  const to = lastDay < today ? lastDay : today;
  const n = monthsInRange(fromMonth, toMonth);
  // Whole months are compared with whole months (30 September with 31 August, not the 30th).
  const previousTo = to === lastDay ? lastDayOfMonthsBack(toMonth, n) : sameDayMonthsBack(to, n);
  return {
    current: makePeriod("custom", from, to),
    previous: makePeriod("custom", sameDayMonthsBack(from, n), previousTo),
  };
}

/**
 * The rounds that have started by `today`, latest first: the one that started last, of those that
 * started the same day the one that runs longer, and of the same period the one made last (rounds
 * are made by the coordinators, issue 15). A round planned for later is not "the latest round" yet.
 */
export function startedRounds(rounds: readonly RoundOption[], today: string): RoundOption[] {
  return rounds
    .filter((r) => r.startsOn <= today)
    .sort(
      (a, b) =>
        b.startsOn.localeCompare(a.startsOn) ||
        b.endsOn.localeCompare(a.endsOn) ||
        (b.createdAt ?? "").localeCompare(a.createdAt ?? ""),
    );
}

/** A round's own days, compared with the round that started before it. */
export function roundPeriods(rounds: readonly RoundOption[], roundId: string, today: string): Periods | null {
  const ordered = startedRounds(rounds, today);
  const index = ordered.findIndex((r) => r.id === roundId);
  if (index < 0) return null;
  const round = ordered[index]!;
  const before = ordered[index + 1];
  return {
    current: makePeriod("round", round.startsOn, round.endsOn, { id: round.id, name: round.name }),
    previous: before ? makePeriod("round", before.startsOn, before.endsOn, { id: before.id, name: before.name }) : null,
  };
}

/** What the user asked for, already validated (schemas.ts); a custom range's `from`/`to` are months (YYYY-MM). */
export type PeriodChoice = { period?: PeriodKind; round?: string; from?: string; to?: string };

/**
 * Resolves the user's choice. Without a choice: the latest round if there is one (the programme
 * works, and reports, in rounds), otherwise this month. A round choice without a round id means
 * the latest round.
 */
export function resolvePeriods(
  choice: PeriodChoice,
  { today, rounds }: { today: string; rounds: readonly RoundOption[] },
): Periods {
  const latest = startedRounds(rounds, today)[0];
  const kind = choice.period ?? (latest ? "round" : "month");
  switch (kind) {
    case "round": {
      const id = choice.round ?? latest?.id;
      return (id ? roundPeriods(rounds, id, today) : null) ?? monthPeriods(today);
    }
    case "year":
      return yearPeriods(today);
    case "all":
      return allPeriods(today);
    case "custom":
      return choice.from && choice.to ? customMonthPeriods(choice.from, choice.to, today) : monthPeriods(today);
    default:
      return monthPeriods(today);
  }
}

export function todayIn(now: Date): string {
  return stockholmToday(now);
}
