import { beforeEach, describe, expect, it } from "vitest";
import { authenticate, completeEnrolment, useRecoveryCode, verifyTotp } from "@/lib/auth";
import { newTotpSecret, totpCode, totpStep } from "@/lib/auth/totp";
import { openTotpSecret } from "@/lib/auth/totp-store";
import { db } from "@/lib/db";
import { TEST_PASSWORD } from "@/prisma/factories";
import { currentCode, enrolTotp, makeWorld, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const failureReasons = async () =>
  (await db.auditEvent.findMany({ where: { action: "SIGN_IN_FAILED" }, orderBy: { id: "asc" } })).map(
    (f) => (f.metadata as { reason: string }).reason,
  );

/** Step 1 for a user, as the sign-in form does it, returning the ticket's contents. */
async function passwordStep(email: string) {
  const result = await authenticate({ email, password: TEST_PASSWORD });
  if (result.status !== "ok") throw new Error(`password step: ${result.status}`);
  return { userId: result.userId, ticketIssuedAt: Date.now() };
}

describe("step 1: the password", () => {
  it("accepts the right password (any case of address) and says whether a second factor exists, opening no session yet", async () => {
    await enrolTotp(w.users.POLICE.id);
    expect(await authenticate({ email: w.users.SOCIAL.email.toUpperCase(), password: TEST_PASSWORD })).toEqual({
      status: "ok",
      userId: w.users.SOCIAL.id,
      hasSecondFactor: false,
    });
    expect(await authenticate({ email: w.users.POLICE.email, password: TEST_PASSWORD })).toEqual({
      status: "ok",
      userId: w.users.POLICE.id,
      hasSecondFactor: true,
    });
    expect(await db.session.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "SIGN_IN" } })).toBe(0);
  });

  it("refuses a wrong password, an unknown account, a deactivated account and junk alike, and records each", async () => {
    await db.user.update({ where: { id: w.users.PROBATION.id }, data: { isActive: false } });
    const attempts = [
      { email: w.users.POLICE.email, password: "wrong password" },
      { email: "nobody@test.invalid", password: TEST_PASSWORD },
      { email: w.users.PROBATION.email, password: TEST_PASSWORD },
      { email: 42, password: null },
    ];
    for (const attempt of attempts) expect(await authenticate(attempt)).toEqual({ status: "invalid" });
    expect(await failureReasons()).toEqual(["wrongPassword", "unknownAccount", "inactive"]);
  });
});

describe("throttling and lockout", () => {
  it("locks an account after five failures: then even the right password is refused, and it says so", async () => {
    const email = w.users.POLICE.email;
    for (let i = 0; i < 5; i++) expect((await authenticate({ email, password: `wrong ${i}` })).status).toBe("invalid");
    const locked = await authenticate({ email, password: TEST_PASSWORD });
    expect(locked).toEqual({ status: "locked", retryAfterSeconds: expect.any(Number) });
    if (locked.status === "locked") expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect((await failureReasons()).at(-1)).toBe("locked");
    // Other accounts are not affected.
    expect((await authenticate({ email: w.users.SOCIAL.email, password: TEST_PASSWORD })).status).toBe("ok");
  });

  it("locks an address that does not exist exactly like one that does (no account enumeration)", async () => {
    for (let i = 0; i < 5; i++) await authenticate({ email: "ingen@test.invalid", password: `wrong ${i}` });
    expect((await authenticate({ email: "ingen@test.invalid", password: TEST_PASSWORD })).status).toBe("locked");
  });

  it("counts wrong codes against the same account, and a full sign-in clears the count", async () => {
    const secret = await enrolTotp(w.users.POLICE.id);
    const ticket = await passwordStep(w.users.POLICE.email);
    for (let i = 0; i < 4; i++) expect((await verifyTotp({ ...ticket, code: "000000" })).status).toBe("invalid");
    expect((await verifyTotp({ ...ticket, code: await currentCode(secret) })).status).toBe("ok");
    // Four more failures do not lock: the count started again.
    for (let i = 0; i < 4; i++) await authenticate({ email: w.users.POLICE.email, password: "wrong" });
    expect((await authenticate({ email: w.users.POLICE.email, password: TEST_PASSWORD })).status).toBe("ok");
    await authenticate({ email: w.users.POLICE.email, password: "wrong" });
    expect((await verifyTotp({ ...ticket, code: await currentCode(secret, 1) })).status).toBe("locked");
  });
});

describe("step 2: the TOTP code", () => {
  it("opens a session with the right code, records the sign-in, and never accepts the same code again", async () => {
    const secret = await enrolTotp(w.users.SOCIAL.id);
    const ticket = await passwordStep(w.users.SOCIAL.email);
    const code = await currentCode(secret);
    const result = await verifyTotp({ ...ticket, code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(result).toEqual({ status: "ok", userId: w.users.SOCIAL.id, sessionId: expect.any(String) });
    if (result.status !== "ok") return;
    expect(await db.session.findUniqueOrThrow({ where: { id: result.sessionId } })).toMatchObject({
      userId: w.users.SOCIAL.id,
    });
    expect(await db.auditEvent.findFirst({ where: { action: "SIGN_IN" } })).toMatchObject({
      actorId: w.users.SOCIAL.id,
      metadata: { method: "totp" },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: w.users.SOCIAL.id } })).lastSignInAt).not.toBeNull();

    // Replay: the same code, even from a new password step, is refused; so is an older one.
    const again = await passwordStep(w.users.SOCIAL.email);
    expect(await verifyTotp({ ...again, code })).toEqual({ status: "invalid" });
    expect(await verifyTotp({ ...again, code: await currentCode(secret, -1) })).toEqual({ status: "invalid" });
    expect((await failureReasons()).slice(-2)).toEqual(["replayedCode", "replayedCode"]);
    expect(await db.session.count()).toBe(1);
  });

  it("lets exactly one of two simultaneous sign-ins with the same code through", async () => {
    const secret = await enrolTotp(w.users.POLICE.id);
    const ticket = await passwordStep(w.users.POLICE.email);
    const code = await currentCode(secret);
    const results = await Promise.all([verifyTotp({ ...ticket, code }), verifyTotp({ ...ticket, code })]);
    expect(results.map((r) => r.status).sort()).toEqual(["invalid", "ok"]);
    expect(await db.session.count()).toBe(1);
  });

  it("refuses wrong and malformed codes, and a ticket from before a revocation", async () => {
    const secret = await enrolTotp(w.users.POLICE.id);
    const ticket = await passwordStep(w.users.POLICE.email);
    for (const code of ["000000", "12345", "abcdef", await totpCode(secret, { step: totpStep(Date.now()) + 3 })]) {
      expect(await verifyTotp({ ...ticket, code })).toEqual({ status: "invalid" });
    }
    // Deactivation (or a 2FA reset) after the password step voids the ticket.
    await db.user.update({
      where: { id: w.users.POLICE.id },
      data: { sessionsValidAfter: new Date(Date.now() + 1000) },
    });
    expect(await verifyTotp({ ...ticket, code: await currentCode(secret) })).toEqual({ status: "restart" });
    expect(await db.session.count()).toBe(0);
  });
});

describe("enrolment and recovery codes", () => {
  it("stores the new secret encrypted only after a code proves it, and returns ten recovery codes once", async () => {
    const ticket = await passwordStep(w.users.PROBATION.email);
    const secret = newTotpSecret();
    expect(await completeEnrolment({ ...ticket, secret, code: "123456" })).toEqual({ status: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: w.users.PROBATION.id } })).totpEnabledAt).toBeNull();

    const result = await completeEnrolment({ ...ticket, secret, code: await currentCode(secret) });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.recoveryCodes).toHaveLength(10);
    const user = await db.user.findUniqueOrThrow({ where: { id: w.users.PROBATION.id } });
    expect(user.totpEnabledAt).not.toBeNull();
    expect(user.totpSecret).not.toContain(secret);
    expect(openTotpSecret(user.totpSecret!)).toBe(secret);
    expect(user.recoveryCodeHashes).toHaveLength(10);
    expect(user.recoveryCodeHashes.join()).not.toContain(result.recoveryCodes[0]!.replaceAll("-", ""));
    expect(await db.auditEvent.findFirst({ where: { action: "SECURITY" } })).toMatchObject({
      metadata: { event: "secondFactorEnrolled" },
    });

    // Enrolling again with the old ticket is refused: the account has a second factor now.
    expect((await completeEnrolment({ ...ticket, secret: newTotpSecret(), code: "000000" })).status).toBe("restart");
  });

  it("signs in once with each recovery code, and the used code is gone", async () => {
    const ticket = await passwordStep(w.users.PROBATION.email);
    const secret = newTotpSecret();
    const enrolled = await completeEnrolment({ ...ticket, secret, code: await currentCode(secret) });
    if (enrolled.status !== "ok") throw new Error("enrolment failed");
    const [first, second] = enrolled.recoveryCodes;

    const next = await passwordStep(w.users.PROBATION.email);
    expect((await useRecoveryCode({ ...next, code: first!.toLowerCase() })).status).toBe("ok");
    expect(await useRecoveryCode({ ...next, code: first! })).toEqual({ status: "invalid" });
    expect(await useRecoveryCode({ ...next, code: "AAAA-BBBB-CCCC-DDDD" })).toEqual({ status: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: w.users.PROBATION.id } })).recoveryCodeHashes).toHaveLength(
      9,
    );
    expect((await useRecoveryCode({ ...next, code: second! })).status).toBe("ok");
    const used = await db.auditEvent.findMany({
      where: { action: "SECURITY", metadata: { path: ["event"], equals: "recoveryCodeUsed" } },
    });
    expect(used.map((e) => (e.metadata as { remaining: number }).remaining)).toEqual([9, 8]);
  });
});
