import "server-only";
import { z } from "zod";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import type { Actor } from "@/lib/authz";
import { accessReviewStatus } from "@/lib/access-review/rules";
import { db, type Tx } from "@/lib/db";
import { actorOf } from "./actor";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { findRecoveryCode, generateRecoveryCodes, hashRecoveryCode } from "./recovery-codes";
import { startSession } from "./sessions";
import { loginThrottle, type ThrottleKeys } from "./throttle";
import { checkTotp } from "./totp";
import { openTotpSecret, sealTotpSecret } from "./totp-store";

/*
 * Signing in, step by step, without any web framework: the server actions (actions.ts) and the
 * integration tests call these. Step 1 checks the password; step 2 the second factor (a TOTP
 * code, a recovery code, or enrolment of a new authenticator). Only step 2 opens a session.
 * Every failure is throttled (throttle.ts) and audited; the answers never say which part was
 * wrong, nor whether the account exists.
 */

export type ClientMeta = { ip?: string };

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export type PasswordResult =
  | { status: "ok"; userId: string; hasSecondFactor: boolean }
  | { status: "invalid" }
  /** The right password, but the site signs in through its agencies' IdPs only. */
  | { status: "passwordDisabled" }
  /** The right password, but the account's access review is overdue past the grace period. */
  | { status: "suspended" }
  | { status: "locked"; retryAfterSeconds: number };

export type SecondFactorResult =
  | { status: "ok"; userId: string; sessionId: string }
  | { status: "invalid" }
  | { status: "locked"; retryAfterSeconds: number }
  /** The ticket no longer holds (account deactivated, second factor reset): start over. */
  | { status: "restart" };

const USER_FOR_SIGN_IN = {
  id: true,
  siteId: true,
  role: true,
  name: true,
  email: true,
  isActive: true,
  passwordHash: true,
  sessionsValidAfter: true,
  totpSecret: true,
  totpEnabledAt: true,
  totpLastUsedStep: true,
  recoveryCodeHashes: true,
  createdAt: true,
  accessReviewedAt: true,
  site: { select: { passwordSignIn: true, accessReviewMonths: true, accessReviewGraceDays: true } },
} as const;

type SignInUser = { id: string; siteId: string; role: Actor["role"]; name: string; email: string };

async function auditFailure(user: SignInUser | null, metadata: Record<string, string | number>): Promise<void> {
  // The attempted address identifies an account holder (staff), never a person in the register.
  await recordAuditNow(user ? actorOf(user) : null, {
    action: "SIGN_IN_FAILED",
    entityType: "User",
    entityId: user?.id,
    metadata,
  });
}

/** Step 1: e-mail and password. Success opens nothing; it lets the user on to the second factor. */
export async function authenticate(rawCredentials: unknown, meta: ClientMeta = {}): Promise<PasswordResult> {
  const parsed = ZCredentials.safeParse(rawCredentials);
  if (!parsed.success) return { status: "invalid" };
  const { email, password } = parsed.data;
  const keys: ThrottleKeys = { email, ip: meta.ip };
  const throttle = loginThrottle();

  const user = await db.user.findUnique({ where: { email }, select: USER_FOR_SIGN_IN });
  const locked = await throttle.lockedFor(keys);
  if (locked) {
    // While locked, the password is not even checked: a correct guess would teach nothing.
    await auditFailure(user, { email, step: "password", reason: "locked" });
    return { status: "locked", retryAfterSeconds: locked };
  }
  const ok = user?.isActive ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !user.isActive || !ok) {
    await throttle.recordFailure(keys);
    await auditFailure(user, {
      email,
      step: "password",
      reason: !user ? "unknownAccount" : !user.isActive ? "inactive" : "wrongPassword",
    });
    return { status: "invalid" };
  }
  // Said only after the right password: the answer then tells nothing to someone guessing.
  if (!user.site.passwordSignIn) {
    await auditFailure(user, { step: "password", reason: "passwordDisabled" });
    return { status: "passwordDisabled" };
  }
  if (accessReviewStatus(user, user.site, new Date()).status === "suspended") {
    await auditFailure(user, { step: "password", reason: "suspended" });
    return { status: "suspended" };
  }
  return { status: "ok", userId: user.id, hasSecondFactor: Boolean(user.totpSecret && user.totpEnabledAt) };
}

/** The user behind a sign-in ticket, if the ticket still holds (issued after the last revocation). */
async function ticketUser(userId: string, ticketIssuedAt: number) {
  const user = await db.user.findUnique({ where: { id: userId }, select: USER_FOR_SIGN_IN });
  if (!user || !user.isActive || ticketIssuedAt < user.sessionsValidAfter.getTime()) return null;
  return user;
}

/** Both factors passed: the session, the sign-in's audit event, and a clean failure count. */
async function openSession(tx: Tx, user: SignInUser, method: "totp" | "recoveryCode" | "enrolment"): Promise<string> {
  const sessionId = await startSession(tx, user.id);
  await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit(tx, actorOf(user), {
    action: "SIGN_IN",
    entityType: "User",
    entityId: user.id,
    metadata: { method },
  });
  return sessionId;
}

type StepInput = { userId: string; ticketIssuedAt: number; code: string };

/**
 * Runs a second-factor step: the ticket's user, the throttle, then `attempt`. A wrong answer
 * counts as a failure; a replayed TOTP code is refused but not counted (it was a right code, so it
 * says nothing about guessing, and parallel sign-ins of one account must not lock it).
 */
async function secondFactorStep(
  { userId, ticketIssuedAt }: Omit<StepInput, "code">,
  meta: ClientMeta,
  step: string,
  attempt: (
    user: NonNullable<Awaited<ReturnType<typeof ticketUser>>>,
  ) => Promise<{ sessionId: string } | "wrong" | "replayed" | "restart">,
): Promise<SecondFactorResult> {
  const user = await ticketUser(userId, ticketIssuedAt);
  if (!user) return { status: "restart" };
  const keys: ThrottleKeys = { email: user.email, ip: meta.ip };
  const throttle = loginThrottle();
  const locked = await throttle.lockedFor(keys);
  if (locked) {
    await auditFailure(user, { step, reason: "locked" });
    return { status: "locked", retryAfterSeconds: locked };
  }
  const outcome = await attempt(user);
  if (outcome === "restart") return { status: "restart" };
  if (outcome === "wrong" || outcome === "replayed") {
    if (outcome === "wrong") await throttle.recordFailure(keys);
    await auditFailure(user, { step, reason: outcome === "wrong" ? "wrongCode" : "replayedCode" });
    return { status: "invalid" };
  }
  await throttle.recordSuccess(keys);
  return { status: "ok", userId: user.id, sessionId: outcome.sessionId };
}

/** Step 2: a code from the user's authenticator app. */
export function verifyTotp(input: StepInput, meta: ClientMeta = {}): Promise<SecondFactorResult> {
  return secondFactorStep(input, meta, "totp", async (user) => {
    if (!user.totpSecret || !user.totpEnabledAt) return "restart";
    const secret = openTotpSecret(user.totpSecret);
    if (!secret) return "wrong";
    const check = await checkTotp(secret, input.code.replace(/\s/g, ""), { lastUsedStep: user.totpLastUsedStep });
    if (check.status !== "ok") return check.status;
    return db.$transaction(async (tx) => {
      // Claims the step only if no other request has used it or a later one meanwhile.
      const claimed = await tx.user.updateMany({
        where: { id: user.id, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: check.step } }] },
        data: { totpLastUsedStep: check.step },
      });
      if (claimed.count === 0) return "replayed" as const;
      return { sessionId: await openSession(tx, user, "totp") };
    });
  });
}

/** Step 2 without the authenticator: one of the user's recovery codes, used up on success. */
export function useRecoveryCode(input: StepInput, meta: ClientMeta = {}): Promise<SecondFactorResult> {
  return secondFactorStep(input, meta, "recoveryCode", async (user) => {
    const index = findRecoveryCode(input.code, user.recoveryCodeHashes);
    if (index === -1) return "wrong";
    const used = user.recoveryCodeHashes[index]!;
    return db.$transaction(async (tx) => {
      // array_remove in the database: two codes used at once must not put each other back.
      const removed =
        await tx.$executeRaw`UPDATE "User" SET "recoveryCodeHashes" = array_remove("recoveryCodeHashes", ${used}) WHERE id = ${user.id}::uuid AND ${used} = ANY("recoveryCodeHashes")`;
      if (removed === 0) return "wrong" as const;
      await recordAudit(tx, actorOf(user), {
        action: "SECURITY",
        entityType: "User",
        entityId: user.id,
        metadata: { event: "recoveryCodeUsed", remaining: user.recoveryCodeHashes.length - 1 },
      });
      return { sessionId: await openSession(tx, user, "recoveryCode") };
    });
  });
}

export type EnrolmentResult =
  | (SecondFactorResult & { status: Exclude<SecondFactorResult["status"], "ok"> })
  | { status: "ok"; userId: string; sessionId: string; recoveryCodes: string[] };

/**
 * Step 2 at the first sign-in (or after a reset): the new secret shown to the user is stored once
 * a code from it proves the authenticator works. The recovery codes are returned once, to show.
 */
export async function completeEnrolment(
  input: StepInput & { secret: string },
  meta: ClientMeta = {},
): Promise<EnrolmentResult> {
  let recoveryCodes: string[] = [];
  const result = await secondFactorStep(input, meta, "enrolment", async (user) => {
    if (user.totpEnabledAt) return "restart"; // enrolled meanwhile, e.g. in another tab
    const check = await checkTotp(input.secret, input.code.replace(/\s/g, ""));
    if (check.status !== "ok") return check.status;
    recoveryCodes = generateRecoveryCodes();
    return db.$transaction(async (tx) => {
      const enrolled = await tx.user.updateMany({
        where: { id: user.id, totpEnabledAt: null },
        data: {
          totpSecret: sealTotpSecret(input.secret),
          totpEnabledAt: new Date(),
          totpLastUsedStep: check.step,
          recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
        },
      });
      if (enrolled.count === 0) return "restart" as const;
      await recordAudit(tx, actorOf(user), {
        action: "SECURITY",
        entityType: "User",
        entityId: user.id,
        metadata: { event: "secondFactorEnrolled" },
      });
      return { sessionId: await openSession(tx, user, "enrolment") };
    });
  });
  return result.status === "ok" ? { ...result, recoveryCodes } : result;
}
