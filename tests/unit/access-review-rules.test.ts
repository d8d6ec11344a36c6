import { describe, expect, it } from "vitest";
import { accessReviewStatus } from "@/lib/access-review/rules";

const site = { accessReviewMonths: 12, accessReviewGraceDays: 30 };
const at = (iso: string) => new Date(iso);

describe("when an account's access review is due, and when it suspends the account", () => {
  it("is due a whole interval after the last review, suspended after the grace period", () => {
    const user = { accessReviewedAt: at("2025-03-10T09:00:00Z"), createdAt: at("2020-01-01T00:00:00Z") };
    const { dueAt, suspendsAt } = accessReviewStatus(user, site, at("2025-03-10T09:00:00Z"));
    expect(dueAt).toEqual(at("2026-03-10T09:00:00Z"));
    expect(suspendsAt).toEqual(at("2026-04-09T09:00:00Z"));
    expect(accessReviewStatus(user, site, at("2026-03-10T08:59:59Z")).status).toBe("current");
    expect(accessReviewStatus(user, site, at("2026-03-10T09:00:00Z")).status).toBe("due");
    expect(accessReviewStatus(user, site, at("2026-04-09T08:59:59Z")).status).toBe("due");
    expect(accessReviewStatus(user, site, at("2026-04-09T09:00:00Z")).status).toBe("suspended");
  });

  it("counts from the account's creation until its first review", () => {
    const user = { accessReviewedAt: null, createdAt: at("2026-01-15T12:00:00Z") };
    expect(accessReviewStatus(user, { ...site, accessReviewMonths: 6 }, at("2026-07-15T12:00:00Z")).status).toBe("due");
  });

  it("counts calendar months, the day clamped to a shorter month's end", () => {
    const user = { accessReviewedAt: at("2026-01-31T10:00:00Z"), createdAt: at("2026-01-01T00:00:00Z") };
    const monthly = { accessReviewMonths: 1, accessReviewGraceDays: 0 };
    expect(accessReviewStatus(user, monthly, at("2026-02-01T00:00:00Z")).dueAt).toEqual(at("2026-02-28T10:00:00Z"));
    const leap = { accessReviewedAt: at("2028-01-31T10:00:00Z"), createdAt: user.createdAt };
    expect(accessReviewStatus(leap, monthly, at("2028-02-01T00:00:00Z")).dueAt).toEqual(at("2028-02-29T10:00:00Z"));
    // With no grace period an account is suspended the moment it is due.
    expect(accessReviewStatus(user, monthly, at("2026-02-28T10:00:00Z")).status).toBe("suspended");
  });
});
