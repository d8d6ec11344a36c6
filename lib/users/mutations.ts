import "server-only";
import { recordAudit } from "@/lib/audit";
import { revokeSessions } from "@/lib/auth/sessions";
import { authorize, userWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import type { TUserAction } from "./schemas";

/*
 * ADMIN's changes to accounts. Each is optimistic-locked on the version the administrator saw (two
 * administrators acting at once: the second sees a conflict, not a silent overwrite), audited in
 * the same transaction, and ends the person's sessions where it takes rights away. Nobody changes
 * their own account here: an administrator cannot lock themselves out or bypass their own 2FA.
 */

function guardSelf(actor: Actor, input: TUserAction): void {
  authorize(actor, "user", "update");
  if (input.userId === actor.id) throw new RuleError("ownAccount");
}

/** Deactivating signs the person out at once (their next request finds no session). */
export async function setUserActive({
  actor,
  input,
  active,
}: {
  actor: Actor;
  input: TUserAction;
  active: boolean;
}): Promise<void> {
  guardSelf(actor, input);
  await db.$transaction(async (tx) => {
    await updateVersioned(tx.user, {
      where: userWhere(actor, "update"),
      id: input.userId,
      version: input.version,
      data: { isActive: active },
    });
    if (!active) await revokeSessions(tx, input.userId);
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "User",
      entityId: input.userId,
      metadata: { change: active ? "reactivated" : "deactivated" },
    });
  });
}

/**
 * For someone who lost their authenticator and recovery codes: the secret and the codes are
 * removed, their sessions end, and they enrol anew at their next sign-in (password still needed).
 */
export async function resetSecondFactor({ actor, input }: { actor: Actor; input: TUserAction }): Promise<void> {
  guardSelf(actor, input);
  await db.$transaction(async (tx) => {
    await updateVersioned(tx.user, {
      where: userWhere(actor, "update"),
      id: input.userId,
      version: input.version,
      data: { totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null, recoveryCodeHashes: [] },
    });
    await revokeSessions(tx, input.userId);
    await recordAudit(tx, actor, {
      action: "SECURITY",
      entityType: "User",
      entityId: input.userId,
      metadata: { event: "secondFactorReset" },
    });
  });
}
