import { z } from "zod";
import { isUuid } from "@/lib/validation/ids";
import { EARLIEST_DAY, MAX_RANGE_DAYS, MONTH, monthsInRange, PERIOD_KINDS, type PeriodChoice } from "./periods";

/** The dashboard's CSV exports, one per table. */
export const SECTIONS = [
  "reach",
  "funnel",
  "referrals",
  "outcomes",
  "supportMeasures",
  "liberty",
  "caseload",
  "overdue",
  "planMeasures",
  "jointWork",
  "incidentsPerYear",
  "incidentsPerMonth",
] as const;
export type Section = (typeof SECTIONS)[number];

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
// Anything longer than a date or an id is cut, so it fails as a bad value rather than a missing one.
const text = z
  .preprocess(first, z.string().optional())
  .catch(undefined)
  .transform((v) => v?.trim().slice(0, 40) || undefined);

/**
 * The dashboard's URL (a GET form, so a view can be bookmarked and shared): `period`, `round`,
 * and `from`/`to` for a custom range, which is whole calendar months (YYYY-MM; docs/decisions/009:
 * ranges of days let overlapping ranges single out a day). An unknown period or round id falls
 * back to the default; a custom range with bad months is an error next to the field, and the
 * default period is shown.
 */
export function dashboardQuerySchema(today: string) {
  const thisMonth = today.slice(0, 7);
  return z
    .object({
      period: z.preprocess(first, z.enum(PERIOD_KINDS).optional()).catch(undefined),
      round: text.transform((v) => (v && isUuid(v) ? v : undefined)),
      from: text,
      to: text,
    })
    .transform((q, ctx): PeriodChoice => {
      if (q.period !== "custom") return { period: q.period, round: q.round };
      const month = (field: "from" | "to") => {
        const value = q[field];
        if (!value) return ctx.addIssue({ code: "custom", path: [field], message: "required" });
        if (!MONTH.test(value)) return ctx.addIssue({ code: "custom", path: [field], message: "invalidMonth" });
        if (value < EARLIEST_DAY.slice(0, 7))
          return ctx.addIssue({ code: "custom", path: [field], message: "tooEarly" });
        if (value > thisMonth) return ctx.addIssue({ code: "custom", path: [field], message: "futureMonth" });
        return value;
      };
      const from = month("from");
      const to = month("to");
      if (!from || !to) return z.NEVER;
      if (to < from) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "toBeforeFrom" });
        return z.NEVER;
      }
      if (monthsInRange(from, to) * 31 > MAX_RANGE_DAYS) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "rangeTooLong" });
        return z.NEVER;
      }
      return { period: "custom", from, to };
    });
}

export type DashboardQueryResult = {
  choice: PeriodChoice;
  /** field → message key (dashboard.errors) */
  fieldErrors: Record<string, string>;
  /** What the user typed, to put back into the form. */
  values: { period?: string; round?: string; from?: string; to?: string };
};

/** Reads the dashboard's search parameters; bad input is reported, never thrown. */
export function parseDashboardQuery(raw: Record<string, unknown>, today: string): DashboardQueryResult {
  const values = {
    period: typeof first(raw.period) === "string" ? (first(raw.period) as string).slice(0, 20) : undefined,
    round: typeof first(raw.round) === "string" ? (first(raw.round) as string).slice(0, 40) : undefined,
    from: typeof first(raw.from) === "string" ? (first(raw.from) as string).slice(0, 20) : undefined,
    to: typeof first(raw.to) === "string" ? (first(raw.to) as string).slice(0, 20) : undefined,
  };
  const parsed = dashboardQuerySchema(today).safeParse(raw);
  if (parsed.success) return { choice: parsed.data, fieldErrors: {}, values };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "period");
    fieldErrors[field] ??= issue.message;
  }
  return { choice: {}, fieldErrors, values };
}

export const ZSection = z.enum(SECTIONS);
