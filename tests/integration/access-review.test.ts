import { beforeEach, describe, expect, it, vi } from "vitest";
import { reviewAccountAction, setReviewSettingsAction } from "@/lib/access-review/actions";
import { reviewAccount, setReviewSettings } from "@/lib/access-review/mutations";
import { getAccountForReview, listAccountsDue } from "@/lib/access-review/queries";
import { recordAuditNow } from "@/lib/audit";
import { actorOf } from "@/lib/auth";
import { getCurrentSession, requireActor } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { IDLE } from "@/lib/form-state";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { acceptCurrentPledge, createUser } from "@/prisma/factories";
import { form, makeWorld, type World } from "./fixtures";

/*
 * The periodic access review (issue 14): accounts due within 30 days or overdue, unused ones
 * first, with last sign-in and activity; "still needed" or "remove" with a note, stored and
 * audited together; nobody reviews their own account; an account past the grace period is
 * suspended, and its open sessions stop working at once. Times are relative to now, so the tests
 * hold at any date and hour.
 */

const request = vi.hoisted(() => ({ sessionId: "" }));
vi.mock("@/lib/auth/index", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/index")>()),
  auth: async () => (request.sessionId ? { user: {}, expires: "", sessionId: request.sessionId } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": "test-request-1" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const DAY = 86_400_000;
/** `months` calendar months and `days` days before now (UTC), as the rule counts. */
function ago(months: number, days = 0): Date {
  const d = new Date(Date.now() - days * DAY);
  d.setUTCDate(1); // no clamping surprises: the day of the month below is set back afterwards
  const day = new Date(Date.now() - days * DAY).getUTCDate();
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  expect(digest, String(error)).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";").slice(2, -2).join(";");
}

let w: World;
/** Accounts of the first site: due in about ten days, overdue, suspended, and one just reviewed. */
let soon: { id: string; version: number }, overdue: { id: string }, suspended: { id: string; version: number };
let unusedSoon: { id: string };
beforeEach(async () => {
  w = await makeWorld();
  request.sessionId = "";
  const make = (name: string, accessReviewedAt: Date, lastSignInAt: Date | null) =>
    createUser(db, { siteId: w.site.id, role: "POLICE", name, accessReviewedAt, lastSignInAt });
  soon = await make("B Snart", ago(11, 20), new Date(Date.now() - 2 * DAY));
  unusedSoon = await make("C Oanvänd", ago(11, 25), null);
  overdue = await make("A Försenad", ago(12, 10), new Date(Date.now() - DAY));
  suspended = await make("D Spärrad", ago(14), new Date(Date.now() - 200 * DAY));
  await make("E Nyss omprövad", new Date(), new Date());
  await acceptCurrentPledge(db, {
    siteId: w.site.id,
    userIds: [soon.id, unusedSoon.id, overdue.id, suspended.id],
  });
});

describe("the accounts due", () => {
  it("lists those due within 30 days and overdue, unused ones first, with last sign-in and activity; audited", async () => {
    await recordAuditNow(actorOf({ ...soon, siteId: w.site.id, role: "POLICE", name: "B Snart" }), {
      action: "READ",
      entityType: "Caseload",
    });
    const { accounts, settings, canChangeSettings } = await listAccountsDue({ actor: w.actors.MANAGER, page: 1 });
    expect(settings).toMatchObject({ months: 12, graceDays: 30 });
    expect(canChangeSettings).toBe(false);
    expect(accounts.items.map((a) => [a.name, a.status, a.isUnused])).toEqual([
      // Unused first, then by due date.
      ["D Spärrad", "suspended", true],
      ["C Oanvänd", "current", true],
      ["A Försenad", "due", false],
      ["B Snart", "current", false],
    ]);
    const b = accounts.items.find((a) => a.id === soon.id)!;
    expect(b.events).toBe(1);
    expect(b.lastEventAt).not.toBeNull();
    expect(b.dueAt.getTime()).toBeGreaterThan(Date.now());
    const read = await db.auditEvent.findFirstOrThrow({
      where: { actorId: w.users.MANAGER.id, action: "READ", entityType: "AccessReview" },
    });
    expect((read.metadata as { shownUserIds: string[] }).shownUserIds).toHaveLength(4);
    expect((await listAccountsDue({ actor: w.actors.ADMIN, page: 1 })).canChangeSettings).toBe(true);
  });

  it("is for managers and administrators of the site only", async () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
      await expect(listAccountsDue({ actor: w.actors[role], page: 1 }), role).rejects.toBeInstanceOf(NotFoundError);
      await expect(getAccountForReview({ actor: w.actors[role], userId: soon.id }), role).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    const otherManager = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "MANAGER" }));
    expect((await listAccountsDue({ actor: otherManager, page: 1 })).accounts.total).toBe(0);
    await expect(getAccountForReview({ actor: otherManager, userId: soon.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAccountForReview({ actor: w.actors.MANAGER, userId: "nope" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("a decision", () => {
  it("still needed: a new interval from now, the review and its audit event together", async () => {
    await reviewAccount({
      actor: w.actors.MANAGER,
      input: { userId: soon.id, version: 1, decision: "KEEP", note: "Fortsatt samordnare i Centrum." },
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: soon.id } });
    expect(user).toMatchObject({ isActive: true, version: 2 });
    expect(Math.abs(user.accessReviewedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    const review = await db.accessReview.findFirstOrThrow({ where: { userId: soon.id } });
    expect(review).toMatchObject({
      siteId: w.site.id,
      reviewerId: w.users.MANAGER.id,
      decision: "KEEP",
      note: "Fortsatt samordnare i Centrum.",
    });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { entityType: "AccessReview", action: "CREATE" } }),
    ).toMatchObject({
      entityId: review.id,
      actorId: w.users.MANAGER.id,
      metadata: { userId: soon.id, decision: "KEEP" },
    });
    expect((await listAccountsDue({ actor: w.actors.MANAGER, page: 1 })).accounts.items.map((a) => a.id)).not.toContain(
      soon.id,
    );
    const page = await getAccountForReview({ actor: w.actors.ADMIN, userId: soon.id });
    expect(page.reviews).toMatchObject([{ decision: "KEEP", reviewer: w.users.MANAGER.name }]);
    expect(page.status).toBe("current");
    // The version the reviewer saw is gone: a second decision on it is a conflict.
    await expect(
      reviewAccount({
        actor: w.actors.ADMIN,
        input: { userId: soon.id, version: 1, decision: "REMOVE", note: "Slutat." },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await db.accessReview.count()).toBe(1);
  });

  it("remove: deactivates the account and ends its sessions at once, audited", async () => {
    request.sessionId = await db.$transaction((tx) => startSession(tx, soon.id));
    expect((await getCurrentSession()).actor?.id).toBe(soon.id);
    await reviewAccount({
      actor: w.actors.ADMIN,
      input: { userId: soon.id, version: 1, decision: "REMOVE", note: "Har bytt tjänst." },
    });
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "revoked" });
    expect(await db.session.count({ where: { userId: soon.id } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: soon.id } })).toMatchObject({ isActive: false });
    const events = await db.auditEvent.findMany({
      where: { actorId: w.users.ADMIN.id, action: { in: ["CREATE", "UPDATE"] } },
      select: { action: true, entityType: true, entityId: true, metadata: true },
      orderBy: { id: "asc" },
    });
    expect(events).toMatchObject([
      { action: "CREATE", entityType: "AccessReview", metadata: { decision: "REMOVE" } },
      { action: "UPDATE", entityType: "User", entityId: soon.id, metadata: { change: "deactivated" } },
    ]);
  });

  it("refuses a review of one's own account, and requires a note and a decision, keeping what was typed", async () => {
    const self = { userId: w.users.MANAGER.id, version: 1, decision: "KEEP" as const, note: "Jag behöver det." };
    await expect(reviewAccount({ actor: w.actors.MANAGER, input: self })).rejects.toBeInstanceOf(RuleError);
    request.sessionId = await db.$transaction((tx) => startSession(tx, w.users.MANAGER.id));
    expect(await reviewAccountAction(IDLE, form(self))).toMatchObject({ status: "error", formError: "ownAccount" });
    expect(
      await reviewAccountAction(IDLE, form({ userId: overdue.id, version: 1, decision: "KEEP", note: "  " })),
    ).toMatchObject({
      status: "error",
      fieldErrors: { note: "required" },
      values: { note: "  ", decision: "KEEP" },
    });
    expect(await reviewAccountAction(IDLE, form({ userId: overdue.id, version: 1, note: "Behövs." }))).toMatchObject({
      status: "error",
      fieldErrors: { decision: "required" },
    });
    expect(await db.accessReview.count()).toBe(0);
    expect(
      await redirectOf(() =>
        reviewAccountAction(IDLE, form({ userId: overdue.id, version: 1, decision: "KEEP", note: "Behövs." })),
      ),
    ).toBe("/access-review?done=kept");
  });

  it("does not let another site's reviewer decide, and writes nothing then", async () => {
    const otherAdmin = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "ADMIN" }));
    await expect(
      reviewAccount({ actor: otherAdmin, input: { userId: soon.id, version: 1, decision: "REMOVE", note: "x" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      reviewAccount({ actor: w.actors.POLICE, input: { userId: soon.id, version: 1, decision: "REMOVE", note: "x" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.accessReview.count()).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: soon.id } })).toMatchObject({ isActive: true, version: 1 });
  });
});

describe("suspension until reviewed", () => {
  it("ends the open session of an account past its grace period, and a review lifts it", async () => {
    // Sessions opened before the account fell past its grace period: the next request ends it.
    request.sessionId = await db.$transaction((tx) => startSession(tx, suspended.id));
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "suspended" });
    expect(await db.session.count({ where: { userId: suspended.id } })).toBe(0);
    request.sessionId = await db.$transaction((tx) => startSession(tx, suspended.id));
    expect(await redirectOf(() => requireActor())).toBe("/login?session=suspended");
    // Overdue but within the grace period: still working.
    request.sessionId = await db.$transaction((tx) => startSession(tx, overdue.id));
    expect((await getCurrentSession()).actor?.id).toBe(overdue.id);

    await reviewAccount({
      actor: w.actors.MANAGER,
      input: {
        userId: suspended.id,
        version: suspended.version,
        decision: "KEEP",
        note: "Tillbaka från tjänstledighet.",
      },
    });
    request.sessionId = await db.$transaction((tx) => startSession(tx, suspended.id));
    expect((await getCurrentSession()).actor?.id).toBe(suspended.id);
  });

  it("follows the site's interval and grace period, which the administrator sets", async () => {
    request.sessionId = await db.$transaction((tx) => startSession(tx, soon.id));
    expect((await getCurrentSession()).actor?.id).toBe(soon.id);
    await setReviewSettings({ actor: w.actors.ADMIN, input: { months: 6, graceDays: 10, version: 1 } });
    expect(await db.site.findUniqueOrThrow({ where: { id: w.site.id } })).toMatchObject({
      accessReviewMonths: 6,
      accessReviewGraceDays: 10,
      version: 2,
    });
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "suspended" });
    expect(
      await db.auditEvent.findFirstOrThrow({ where: { entityType: "SystemSetting", actorId: w.users.ADMIN.id } }),
    ).toMatchObject({ action: "UPDATE", metadata: { event: "accessReviewInterval", months: 6, graceDays: 10 } });
    await expect(
      setReviewSettings({ actor: w.actors.ADMIN, input: { months: 12, graceDays: 30, version: 1 } }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      setReviewSettings({ actor: w.actors.MANAGER, input: { months: 12, graceDays: 30, version: 2 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("answers settings out of range next to the field, keeping what was typed", async () => {
    request.sessionId = await db.$transaction((tx) => startSession(tx, w.users.ADMIN.id));
    expect(await setReviewSettingsAction(IDLE, form({ months: 0, graceDays: 500, version: 1 }))).toMatchObject({
      status: "error",
      fieldErrors: { months: "reviewMonthsRange", graceDays: "graceDaysRange" },
      values: { months: "0", graceDays: "500" },
    });
    expect(await setReviewSettingsAction(IDLE, form({ months: "tolv", graceDays: "", version: 1 }))).toMatchObject({
      status: "error",
      fieldErrors: { months: "reviewMonthsRange" },
    });
    expect(await db.site.findUniqueOrThrow({ where: { id: w.site.id } })).toMatchObject({ accessReviewMonths: 12 });
  });
});
