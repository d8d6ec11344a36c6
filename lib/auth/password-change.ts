import "server-only";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { RuleError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { checkPassword } from "./password-policy";
import type { TChangePassword } from "./schemas";
import { revokeSessions } from "./sessions";
import { loginThrottle } from "./throttle";
import type { ClientMeta } from "./sign-in";

/**
 * The signed-in user changes their own password: the current one first (throttled like a sign-in,
 * so a borrowed session cannot guess it), then the policy. Every other session of the user ends;
 * the one making the change goes on.
 */
export async function changePassword(
  { actor, sessionId, input }: { actor: Actor; sessionId: string; input: TChangePassword },
  meta: ClientMeta = {},
): Promise<void> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, passwordHash: true },
  });
  // A federated account has no password to change: it signs in only through its agency's IdP.
  if (user.passwordHash === null) throw new RuleError("noPassword");
  const keys = { email: user.email, ip: meta.ip };
  const throttle = loginThrottle();
  if (await throttle.lockedFor(keys)) throw new RuleError("locked");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await throttle.recordFailure(keys);
    await recordAuditNow(actor, {
      action: "SIGN_IN_FAILED",
      entityType: "User",
      entityId: actor.id,
      metadata: { step: "changePassword", reason: "wrongPassword" },
    });
    throw new RuleError("wrongCurrentPassword", "currentPassword");
  }
  const problem = checkPassword(input.newPassword, { email: user.email });
  if (problem) throw new RuleError(problem, "newPassword");
  if (await verifyPassword(user.passwordHash, input.newPassword))
    throw new RuleError("passwordUnchanged", "newPassword");

  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    await revokeSessions(tx, actor.id, { except: sessionId });
    await recordAudit(tx, actor, {
      action: "SECURITY",
      entityType: "User",
      entityId: actor.id,
      metadata: { event: "passwordChanged" },
    });
  });
}

/** Whether the account has a password at all (a federated one has none), for the account page. */
export async function hasPassword(actor: Actor): Promise<boolean> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  return user.passwordHash !== null;
}
