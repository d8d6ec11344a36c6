import { describe, expect, it } from "vitest";
import { auditFilterParams, occurredAtRange, parseAuditFilter } from "./schemas";

const id = "0193a1b2-0000-7000-8000-000000000001";

describe("the audit view's filters", () => {
  it("keeps valid filters and drops what is not an id or an action", () => {
    expect(parseAuditFilter({ userId: id, personId: "x' OR 1=1", action: "READ", page: "2" })).toEqual({
      filter: { userId: id, action: "READ", page: 2 },
      errors: {},
    });
    expect(parseAuditFilter({ action: "DROP" }).filter).toEqual({ page: 1 });
  });

  it("reports malformed dates and a range that ends before it starts", () => {
    expect(parseAuditFilter({ from: "2026-02-30" }).errors).toEqual({ from: "invalidDate" });
    const backwards = parseAuditFilter({ from: "2026-03-02", to: "2026-03-01" });
    expect(backwards.errors).toEqual({ to: "toBeforeFrom" });
    expect(backwards.filter).toEqual({ from: "2026-03-02", page: 1 });
  });

  it("turns Stockholm days into UTC instants, whole days inclusive", () => {
    // Winter: UTC+1. 1 Jan 00:00 in Stockholm is 31 Dec 23:00 UTC; `to` runs to the next midnight.
    expect(occurredAtRange({ from: "2026-01-01", to: "2026-01-01" })).toEqual({
      gte: new Date("2025-12-31T23:00:00Z"),
      lt: new Date("2026-01-01T23:00:00Z"),
    });
    // Summer: UTC+2.
    expect(occurredAtRange({ from: "2026-07-01" })).toEqual({ gte: new Date("2026-06-30T22:00:00Z") });
    expect(occurredAtRange({})).toBeUndefined();
  });

  it("round-trips through the URL", () => {
    const filter = { userId: id, action: "EXPORT" as const, from: "2026-01-01", page: 3 };
    expect(parseAuditFilter(Object.fromEntries(auditFilterParams(filter))).filter).toEqual(filter);
    expect(auditFilterParams(filter, { page: 1 }).has("page")).toBe(false);
  });
});
