import "server-only";
import { recordAudit } from "@/lib/audit";
import { revokeSessions } from "@/lib/auth/sessions";
import { authorize, userWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TCreateFederatedUser, TSetPasswordSignIn, TUserAction } from "./schemas";

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

/**
 * Provisions an account that signs in through its agency's IdP at the administrator's own site:
 * no password (the IdP's level-3 sign-in is the only way in), its role granted here. Refused when
 * the site has no IdP for that agency (the account could never sign in), or the address or the
 * agency's subject is taken.
 */
export async function createFederatedUser({
  actor,
  input,
}: {
  actor: Actor;
  input: TCreateFederatedUser;
}): Promise<{ id: string }> {
  authorize(actor, "user", "create");
  const provider = await db.identityProvider.findUnique({
    where: { siteId_agency: { siteId: actor.siteId, agency: input.agency } },
    select: { id: true },
  });
  if (!provider) throw new RuleError("noIdentityProvider", "agency");
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          siteId: actor.siteId,
          name: input.name,
          email: input.email,
          role: input.role,
          agency: input.agency,
          federatedSubject: input.federatedSubject,
          passwordHash: null,
          // The first review is due a full interval after the account is granted.
          accessReviewedAt: new Date(),
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "CREATE",
        entityType: "User",
        entityId: user.id,
        metadata: { role: input.role, agency: input.agency, identityProviderId: provider.id },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      throw target.includes("email")
        ? new RuleError("emailTaken", "email")
        : new RuleError("subjectTaken", "federatedSubject");
    }
    throw error;
  }
}

/**
 * Switches password + TOTP sign-in on or off for the administrator's site (issue 14: a site whose
 * agencies all sign in through an IdP turns passwords off). Switching off is refused unless the
 * administrator can still get in through their own agency's IdP: otherwise the last way in for
 * the one who can switch it back would be gone. Sessions already open go on; the next sign-in
 * with a password is refused ("passwordDisabled").
 */
export async function setPasswordSignIn({ actor, input }: { actor: Actor; input: TSetPasswordSignIn }): Promise<void> {
  authorize(actor, "user", "update");
  if (!input.enabled) {
    const self = await db.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { agency: true, federatedSubject: true },
    });
    const ownIdp =
      self.agency && self.federatedSubject
        ? await db.identityProvider.count({ where: { siteId: actor.siteId, agency: self.agency, isEnabled: true } })
        : 0;
    if (ownIdp === 0) throw new RuleError("passwordStillNeeded");
  }
  await db.$transaction(async (tx) => {
    await updateVersioned(tx.site, {
      where: { id: actor.siteId },
      id: actor.siteId,
      version: input.version,
      data: { passwordSignIn: input.enabled },
    });
    await recordAudit(tx, actor, {
      action: "SECURITY",
      entityType: "SystemSetting",
      metadata: { event: input.enabled ? "passwordSignInOn" : "passwordSignInOff", siteId: actor.siteId },
    });
  });
}
