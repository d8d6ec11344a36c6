import { beforeEach, describe, expect, it, vi } from "vitest";
import { getCurrentSession } from "@/lib/auth/session";
import { changePassword } from "@/lib/auth/password-change";
import { endSession, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { resetSecondFactor, setUserActive } from "@/lib/users/mutations";
import { TEST_PASSWORD } from "@/prisma/factories";
import { makeWorld, type World } from "./fixtures";

// The session cookie, as Auth.js would decode it from the request: which session row it names.
const cookieSession = vi.hoisted(() => ({ sessionId: "" }));
vi.mock("@/lib/auth/index", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/index")>()),
  auth: async () => (cookieSession.sessionId ? { user: {}, expires: "", sessionId: cookieSession.sessionId } : null),
}));

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  cookieSession.sessionId = "";
});

async function signedIn(userId: string): Promise<string> {
  const id = await db.$transaction((tx) => startSession(tx, userId));
  cookieSession.sessionId = id;
  return id;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe("the session, checked on every request", () => {
  it("gives the actor while the session holds, and notes the activity (at most once a minute)", async () => {
    const id = await signedIn(w.users.SOCIAL.id);
    expect(await getCurrentSession()).toEqual({ actor: w.actors.SOCIAL, sessionId: id });
    await db.session.update({ where: { id }, data: { lastSeenAt: minutesAgo(5) } });
    await getCurrentSession();
    expect((await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime()).toBeGreaterThan(
      Date.now() - 5_000,
    );
  });

  it("has no actor without a cookie, or with a cookie naming no session", async () => {
    expect(await getCurrentSession()).toEqual({ actor: null, ended: null });
    cookieSession.sessionId = "not-a-uuid";
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "revoked" });
    cookieSession.sessionId = "0193a1b2-0000-7000-8000-000000000001";
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "revoked" });
  });

  it("ends an idle session after 30 minutes and removes it, so it cannot come back", async () => {
    const id = await signedIn(w.users.POLICE.id);
    await db.session.update({ where: { id }, data: { lastSeenAt: minutesAgo(29) } });
    expect((await getCurrentSession()).actor).not.toBeNull();
    await db.session.update({ where: { id }, data: { lastSeenAt: minutesAgo(31) } });
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "idle" });
    expect(await db.session.count({ where: { id } })).toBe(0);
  });

  it("ends a session at its absolute lifetime, however active", async () => {
    const id = await signedIn(w.users.POLICE.id);
    const session = await db.session.findUniqueOrThrow({ where: { id } });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3_600_000);
    await db.session.update({ where: { id }, data: { expiresAt: minutesAgo(0.1) } });
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "expired" });
  });

  it("ends a session on sign-out", async () => {
    const id = await signedIn(w.users.PROBATION.id);
    await endSession(id);
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "revoked" });
  });
});

describe("changes that end sessions at once", () => {
  it("deactivation: the user's very next request has no actor, in every session", async () => {
    const other = await db.$transaction((tx) => startSession(tx, w.users.POLICE.id));
    await signedIn(w.users.POLICE.id);
    expect((await getCurrentSession()).actor?.id).toBe(w.users.POLICE.id);
    await setUserActive({
      actor: w.actors.ADMIN,
      input: { userId: w.users.POLICE.id, version: 1, confirm: "on" },
      active: false,
    });
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "revoked" });
    cookieSession.sessionId = other;
    expect(await getCurrentSession()).toEqual({ actor: null, ended: "revoked" });
    expect(await db.session.count({ where: { userId: w.users.POLICE.id } })).toBe(0);
  });

  it("a second-factor reset ends the user's sessions", async () => {
    await db.user.update({ where: { id: w.users.SOCIAL.id }, data: { totpSecret: "x", totpEnabledAt: new Date() } });
    await signedIn(w.users.SOCIAL.id);
    await resetSecondFactor({ actor: w.actors.ADMIN, input: { userId: w.users.SOCIAL.id, version: 1, confirm: "on" } });
    expect((await getCurrentSession()).actor).toBeNull();
  });

  it("a password change ends the user's other sessions and keeps the one that made it", async () => {
    const elsewhere = await db.$transaction((tx) => startSession(tx, w.users.PROBATION.id));
    const here = await signedIn(w.users.PROBATION.id);
    await changePassword({
      actor: w.actors.PROBATION,
      sessionId: here,
      input: {
        currentPassword: TEST_PASSWORD,
        newPassword: "en ny och lång lösenfras",
        confirmPassword: "en ny och lång lösenfras",
      },
    });
    expect((await getCurrentSession()).actor?.id).toBe(w.users.PROBATION.id);
    cookieSession.sessionId = elsewhere;
    expect((await getCurrentSession()).actor).toBeNull();
  });
});
