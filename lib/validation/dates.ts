/** Dates are stored in UTC and entered and shown in Swedish time (STYLE.md). */
export const TIME_ZONE = "Europe/Stockholm";

const partsFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function zonedParts(date: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(date)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

/** Offset of Stockholm from UTC at `date`, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(date: Date): number {
  return wallClock(date) - Math.floor(date.getTime() / 1000) * 1000;
}

const HOUR = 60 * 60 * 1000;

function wallClock(date: Date): number {
  const p = zonedParts(date);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2026-11-25T14:30" as typed into a datetime-local field, read as Stockholm wall time. Null for
 * text that is not a real date and time. In the autumn's repeated hour the earlier instant wins; a
 * time in the spring's skipped hour moves forward by the hour.
 */
export function parseStockholmDateTime(value: string): Date | null {
  const m = LOCAL_DATETIME.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  )
    return null;
  // Stockholm's offset is one of at most two values around any instant: try each.
  const offsets = [...new Set([offsetAt(new Date(wall - 12 * HOUR)), offsetAt(new Date(wall + 12 * HOUR))])];
  const matching = offsets.map((o) => wall - o).filter((t) => wallClock(new Date(t)) === wall);
  return new Date(matching.length > 0 ? Math.min(...matching) : wall - Math.min(...offsets));
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-25" → that calendar date at 00:00 UTC (how Prisma stores @db.Date). */
export function parseDateOnly(value: string): Date | null {
  const m = LOCAL_DATE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo! - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** The value for a datetime-local input showing `date` in Stockholm time. */
export function toStockholmInputValue(date: Date): string {
  const p = zonedParts(date);
  const pad = (n: number | undefined) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Today's date in Stockholm as YYYY-MM-DD. */
export function stockholmToday(now = new Date()): string {
  return toStockholmInputValue(now).slice(0, 10);
}

const displayDateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  dateStyle: "short",
  timeStyle: "short",
});
const displayDate = new Intl.DateTimeFormat("sv-SE", { timeZone: "UTC", dateStyle: "short" });

export function formatDateTime(date: Date): string {
  return displayDateTime.format(date);
}

/** For @db.Date values (stored at 00:00 UTC). */
export function formatDate(date: Date): string {
  return displayDate.format(date);
}

/**
 * `date` as ISO 8601 in Stockholm time with its offset, e.g. 2026-12-02T09:15:00+01:00: for files
 * (CSV exports) that people read in a spreadsheet. The same instant as the UTC value, but with the
 * time of day the users lived it, and unambiguous in the autumn's repeated hour.
 */
export function formatStockholmIso(date: Date): string {
  const p = zonedParts(date);
  const pad = (n: number | undefined) => String(n).padStart(2, "0");
  const offset = Math.round(offsetAt(date) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return (
    `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
