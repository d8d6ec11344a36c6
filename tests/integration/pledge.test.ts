import pg from "pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getActor, getCurrentSession, requireActor, requireArea } from "@/lib/auth/session";
import { actorOf } from "@/lib/auth";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { IDLE } from "@/lib/form-state";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { acceptPledgeAction } from "@/lib/pledge/actions";
import { DEFAULT_PLEDGE_TEXT } from "@/lib/pledge/default-text";
import { acceptPledge, publishPledge } from "@/lib/pledge/mutations";
import { currentPledge, pledgeOverview } from "@/lib/pledge/queries";
import { saveRoleNeedsAction } from "@/lib/role-needs/actions";
import { createSite, createUser } from "@/prisma/factories";
import { form, makeWorld, ROLES, type World } from "./fixtures";

/*
 * The confidentiality pledge (issue 14): read and accepted before anything else, at first sign-in
 * and after every new version; each acceptance stored and audited; administrators see who accepted
 * which version when. The gate is the session check (lib/auth/session.ts), so it is tested through
 * the same guards every page and server action calls.
 */

// The session cookie, as Auth.js would decode it: which session row it names.
const request = vi.hoisted(() => ({ sessionId: "" }));
vi.mock("@/lib/auth/index", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/index")>()),
  auth: async () => (request.sessionId ? { user: {}, expires: "", sessionId: request.sessionId } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": "test-request-1" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

/** Where a server action's or guard's redirect() would send the browser. */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  expect(digest, String(error)).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";").slice(2, -2).join(";");
}

async function signIn(userId: string): Promise<void> {
  request.sessionId = await db.$transaction((tx) => startSession(tx, userId));
}

const accepted = (userId: string) => db.pledgeAcceptance.count({ where: { userId } });

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  request.sessionId = "";
});

describe("the pledge before anything else", () => {
  it("sends a user who has not accepted the current version to the pledge from every page and action", async () => {
    const newcomer = await createUser(db, { siteId: w.site.id, role: "ADMIN" });
    await signIn(newcomer.id);
    const current = await getCurrentSession();
    expect(current).toMatchObject({ actor: { id: newcomer.id }, pledgeRequired: true });
    // Route handlers get nobody; pages and actions are sent to the pledge; only the pledge page gets the actor.
    expect(await getActor()).toBeNull();
    expect(await redirectOf(() => requireActor())).toBe("/pledge");
    expect(await redirectOf(() => requireArea("admin"))).toBe("/pledge");
    expect(
      await redirectOf(() => saveRoleNeedsAction(IDLE, form({ role: "POLICE", text: "Behov", replaces: "0" }))),
    ).toBe("/pledge");
    expect(await db.roleNeedsNote.count()).toBe(0);
    expect((await requireActor({ beforePledge: true })).id).toBe(newcomer.id);
  });

  it("stores the acceptance with an audit event, then opens the app at the start page", async () => {
    const newcomer = await createUser(db, { siteId: w.site.id, role: "SOCIAL" });
    await signIn(newcomer.id);
    expect(await redirectOf(() => acceptPledgeAction(IDLE, form({ version: 1, accept: "on" })))).toBe("/caseload");
    const acceptance = await db.pledgeAcceptance.findFirstOrThrow({
      where: { userId: newcomer.id },
      select: { id: true, acceptedAt: true, pledge: { select: { version: true, siteId: true } } },
    });
    expect(acceptance.pledge).toEqual({ version: 1, siteId: w.site.id });
    expect(Math.abs(acceptance.acceptedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: newcomer.id, entityType: "PledgeAcceptance" },
    });
    expect(event).toMatchObject({ action: "CREATE", entityId: acceptance.id, metadata: { version: 1 } });
    expect(await getCurrentSession()).toEqual({ actor: actorOf(newcomer), sessionId: request.sessionId });
    expect((await requireActor()).id).toBe(newcomer.id);
  });

  it("keeps the form and stores nothing without the box ticked", async () => {
    const newcomer = await createUser(db, { siteId: w.site.id, role: "POLICE" });
    await signIn(newcomer.id);
    expect(await acceptPledgeAction(IDLE, form({ version: 1 }))).toMatchObject({
      status: "error",
      fieldErrors: { accept: "confirmRequired" },
      values: { version: "1" },
    });
    for (const bad of ["", "abc", "-1", "99999999999"])
      expect(await acceptPledgeAction(IDLE, form({ version: bad, accept: "on" })), bad).toMatchObject({
        status: "error",
        fieldErrors: { version: "invalid" },
      });
    expect(await accepted(newcomer.id)).toBe(0);
  });

  it("asks everyone to accept anew after a new version, and refuses accepting the old one", async () => {
    await signIn(w.users.POLICE.id);
    expect((await getCurrentSession()).pledgeRequired).toBeUndefined();
    await publishPledge({
      actor: w.actors.ADMIN,
      input: { text: "Ny text om tystnadsplikt.", replaces: 1, confirm: true },
    });
    expect(await getCurrentSession()).toMatchObject({ actor: { id: w.users.POLICE.id }, pledgeRequired: true });
    // The administrator who published it too.
    await signIn(w.users.ADMIN.id);
    expect(await redirectOf(() => requireArea("admin"))).toBe("/pledge");
    expect(await currentPledge({ actor: w.actors.POLICE })).toMatchObject({
      version: 2,
      text: "Ny text om tystnadsplikt.",
      accepted: false,
    });
    await expect(acceptPledge({ actor: w.actors.POLICE, input: { version: 1, accept: true } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await acceptPledge({ actor: w.actors.POLICE, input: { version: 2, accept: true } });
    // Twice is once.
    await acceptPledge({ actor: w.actors.POLICE, input: { version: 2, accept: true } });
    expect(await accepted(w.users.POLICE.id)).toBe(2);
    expect(await db.auditEvent.count({ where: { actorId: w.users.POLICE.id, entityType: "PledgeAcceptance" } })).toBe(
      1,
    );
    await signIn(w.users.POLICE.id);
    expect((await getCurrentSession()).pledgeRequired).toBeUndefined();
    // Another site's users are not affected.
    await signIn(w.otherActor.id);
    expect((await getCurrentSession()).pledgeRequired).toBeUndefined();
  });

  it("requires a pledge on a site without one, and writes the default text as version 1 at the first acceptance", async () => {
    const site = await createSite(db);
    const [first, second] = [
      await createUser(db, { siteId: site.id, role: "POLICE" }),
      await createUser(db, { siteId: site.id, role: "SOCIAL" }),
    ];
    await signIn(first.id);
    expect((await getCurrentSession()).pledgeRequired).toBe(true);
    expect(await currentPledge({ actor: actorOf(first) })).toMatchObject({ version: 1, text: DEFAULT_PLEDGE_TEXT });
    await Promise.all([
      acceptPledge({ actor: actorOf(first), input: { version: 1, accept: true } }),
      acceptPledge({ actor: actorOf(second), input: { version: 1, accept: true } }),
    ]);
    expect(
      await db.confidentialityPledge.findMany({ where: { siteId: site.id }, select: { version: true, text: true } }),
    ).toEqual([{ version: 1, text: DEFAULT_PLEDGE_TEXT }]);
    expect((await getCurrentSession()).pledgeRequired).toBeUndefined();
    expect(DEFAULT_PLEDGE_TEXT).toMatch(/offentlighets- och sekretesslagen/);
    expect(DEFAULT_PLEDGE_TEXT).toMatch(/loggas/);
  });

  it("checks the session, the suspension and the pledge in one query", async () => {
    await signIn(w.users.SOCIAL.id);
    await getCurrentSession();
    const seen: string[] = [];
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const q = args[0] as { text?: string } | string;
      const text = typeof q === "string" ? q : (q?.text ?? "");
      if (!/^SET TIME ZONE/.test(text)) seen.push(text);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      // lastSeenAt was written a moment ago: no touch. Measured with Prisma's nested select: 6.
      expect((await getCurrentSession()).actor?.id).toBe(w.users.SOCIAL.id);
    } finally {
      pg.Client.prototype.query = original;
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/ConfidentialityPledge/);
  });
});

describe("publishing and the administrators' view", () => {
  it("lists who accepted which version when and who has not yet accepted the current one, audited", async () => {
    await publishPledge({ actor: w.actors.ADMIN, input: { text: "Version två.", replaces: 1, confirm: true } });
    await acceptPledge({ actor: w.actors.SOCIAL, input: { version: 2, accept: true } });
    const overview = await pledgeOverview({ actor: w.actors.ADMIN, page: 1 });
    expect(overview.current).toMatchObject({ version: 2, text: "Version två.", publishedBy: w.users.ADMIN.name });
    expect(overview.versions.map((v) => [v.version, v.acceptances])).toEqual([
      [2, 1],
      [1, ROLES.length],
    ]);
    expect(overview.pending.map((u) => u.id).sort()).toEqual(
      ROLES.filter((r) => r !== "SOCIAL")
        .map((r) => w.users[r].id)
        .sort(),
    );
    expect(overview.pendingTotal).toBe(ROLES.length - 1);
    expect(overview.acceptances.total).toBe(ROLES.length + 1);
    expect(overview.acceptances.items[0]).toMatchObject({ userName: w.users.SOCIAL.name, version: 2 });
    // Nothing of the other site.
    expect(JSON.stringify(overview)).not.toContain(w.otherActor.id);
    const read = await db.auditEvent.findFirstOrThrow({
      where: { actorId: w.users.ADMIN.id, action: "READ", entityType: "PledgeAcceptance" },
    });
    expect((read.metadata as { shownUserIds: string[] }).shownUserIds).toContain(w.users.SOCIAL.id);
  });

  it("audits a new version, and refuses one over a version published meanwhile", async () => {
    const { version } = await publishPledge({
      actor: w.actors.ADMIN,
      input: { text: "Version två.", replaces: 1, confirm: true },
    });
    expect(version).toBe(2);
    expect(
      await db.auditEvent.count({
        where: { actorId: w.users.ADMIN.id, action: "CREATE", entityType: "ConfidentialityPledge" },
      }),
    ).toBe(1);
    await expect(
      publishPledge({ actor: w.actors.ADMIN, input: { text: "Ovanpå.", replaces: 1, confirm: true } }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await db.confidentialityPledge.count({ where: { siteId: w.site.id } })).toBe(2);
  });

  it("is the administrators' only: others neither see the acceptances nor publish", async () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER"] as const) {
      await expect(pledgeOverview({ actor: w.actors[role], page: 1 }), role).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        publishPledge({ actor: w.actors[role], input: { text: "x", replaces: 1, confirm: true } }),
        role,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.confidentialityPledge.count({ where: { siteId: w.site.id } })).toBe(1);
  });
});
