import "server-only";
import { recordAudit } from "@/lib/audit";
import { revokeSessions } from "@/lib/auth/sessions";
import { authorize, reviewedUserWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import type { TReviewAccount, TReviewSettings } from "./schemas";

/**
 * A manager's or administrator's decision on an account (issue 14). "Still needed" starts a new
 * interval from now (and lifts a suspension); "remove" deactivates the account and ends its
 * sessions at once. Either is an AccessReview row with its note and an audit event, in one
 * transaction, optimistic-locked on the account's version. Nobody reviews their own account.
 */
export async function reviewAccount({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TReviewAccount;
  now?: Date;
}): Promise<void> {
  authorize(actor, "accessReview", "create");
  if (input.userId === actor.id) throw new RuleError("ownAccount");
  await db.$transaction(async (tx) => {
    const keep = input.decision === "KEEP";
    await updateVersioned(tx.user, {
      where: { AND: [reviewedUserWhere(actor, "create"), { isActive: true }] },
      id: input.userId,
      version: input.version,
      data: keep ? { accessReviewedAt: now } : { isActive: false, accessReviewedAt: now },
    });
    if (!keep) await revokeSessions(tx, input.userId);
    const review = await tx.accessReview.create({
      data: {
        siteId: actor.siteId,
        userId: input.userId,
        reviewerId: actor.id,
        decision: input.decision,
        note: input.note,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "AccessReview",
      entityId: review.id,
      metadata: { userId: input.userId, decision: input.decision },
    });
    // The account's own trail shows the removal as the user pages show a deactivation.
    if (!keep)
      await recordAudit(tx, actor, {
        action: "UPDATE",
        entityType: "User",
        entityId: input.userId,
        metadata: { change: "deactivated", accessReviewId: review.id },
      });
  });
}

/**
 * ADMIN sets the site's review interval and grace period (optimistic-locked on the site's
 * version, as the site's password setting is). A shorter interval can make accounts due, or
 * suspend them, at once: the list shows them.
 */
export async function setReviewSettings({ actor, input }: { actor: Actor; input: TReviewSettings }): Promise<void> {
  authorize(actor, "accessReview", "update");
  await db.$transaction(async (tx) => {
    await updateVersioned(tx.site, {
      where: { id: actor.siteId },
      id: actor.siteId,
      version: input.version,
      data: { accessReviewMonths: input.months, accessReviewGraceDays: input.graceDays },
    });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "SystemSetting",
      metadata: {
        event: "accessReviewInterval",
        siteId: actor.siteId,
        months: input.months,
        graceDays: input.graceDays,
      },
    });
  });
}
