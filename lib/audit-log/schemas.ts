import { z } from "zod";
import { AuditAction } from "@/lib/generated/prisma/enums";
import { ZPage } from "@/lib/pagination";
import { parseDateOnly, parseStockholmDateTime } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";
import { identityNumber } from "@/lib/validation/fields";

export const AUDIT_ACTIONS = Object.values(AuditAction) as [AuditAction, ...AuditAction[]];

export type AuditFilter = {
  userId?: string;
  personId?: string;
  action?: AuditAction;
  /** Calendar days in Stockholm, inclusive; `from`/`to` as typed, for the form. */
  from?: string;
  to?: string;
  page: number;
};

export type ParsedAuditFilter = { filter: AuditFilter; errors: Partial<Record<"from" | "to", string>> };

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * The audit view's filters from the URL (a GET form, so a filtered view can be bookmarked and
 * shared with the DPO). Unknown ids and actions are dropped; a malformed date is an error shown next
 * to its field, and the filter is applied without it.
 */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): ParsedAuditFilter {
  const errors: ParsedAuditFilter["errors"] = {};
  const filter: AuditFilter = { page: ZPage.parse(one(params.page)) };
  const userId = one(params.userId);
  if (isUuid(userId)) filter.userId = userId;
  const personId = one(params.personId);
  if (isUuid(personId)) filter.personId = personId;
  const action = one(params.action);
  if (typeof action === "string" && (AUDIT_ACTIONS as string[]).includes(action)) filter.action = action as AuditAction;
  for (const key of ["from", "to"] as const) {
    const value = one(params[key]);
    if (typeof value !== "string" || value === "") continue;
    if (parseDateOnly(value)) filter[key] = value;
    else errors[key] = "invalidDate";
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.to = "toBeforeFrom";
    delete filter.to;
  }
  return { filter, errors };
}

/** The instants a Stockholm-day filter covers: [from 00:00, the day after `to` 00:00). */
export function occurredAtRange(filter: Pick<AuditFilter, "from" | "to">): { gte?: Date; lt?: Date } | undefined {
  const range: { gte?: Date; lt?: Date } = {};
  if (filter.from) range.gte = parseStockholmDateTime(`${filter.from}T00:00`)!;
  if (filter.to) {
    const day = parseDateOnly(filter.to)!;
    const next = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
    range.lt = parseStockholmDateTime(`${next}T00:00`)!;
  }
  return range.gte || range.lt ? range : undefined;
}

/** The filter as URL parameters (pagination links, the export link). */
export function auditFilterParams(filter: AuditFilter, overrides: Partial<AuditFilter> = {}): URLSearchParams {
  const merged = { ...filter, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["userId", "personId", "action", "from", "to"] as const)
    if (merged[key]) params.set(key, String(merged[key]));
  if (merged.page > 1) params.set("page", String(merged.page));
  return params;
}

/** ADMIN's person picker: the full personnummer, posted (never in a URL or a log). */
export const ZFindPersonForAudit = z.object({ identityNumber });
