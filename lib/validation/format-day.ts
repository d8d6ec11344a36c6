import { TIME_ZONE } from "@/lib/validation/dates";

const stockholmDate = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, dateStyle: "short" });

/** The Swedish calendar date of an instant (a timestamp, not a @db.Date: those use formatDate). */
export function formatDay(instant: Date): string {
  return stockholmDate.format(instant);
}
