import "server-only";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { enqueueDigestNow } from "@/lib/jobs/publish";
import { updateVersioned } from "@/lib/versioning";
import type { TSendDigestNow, TSetDigest } from "./schemas";

/*
 * The user's own digest setting: their own account row, so no grant of the permission map is
 * involved (as with their password); the where holds their id and site, nothing else can match.
 */

export async function setDigest({ actor, input }: { actor: Actor; input: TSetDigest }): Promise<void> {
  const where = { id: actor.id, siteId: actor.siteId, isActive: true };
  await db.$transaction(async (tx) => {
    await updateVersioned(tx.user, {
      where,
      id: actor.id,
      version: input.version,
      data: { digestEnabled: input.enabled },
    });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "User",
      entityId: actor.id,
      metadata: { digestEnabled: input.enabled },
    });
  });
}

/** Queues today's digest for the user now; the worker sends it (once a day, like the morning's). */
export async function sendDigestNow({ actor }: { actor: Actor; input: TSendDigestNow }): Promise<void> {
  await enqueueDigestNow(actor.id);
  await recordAuditNow(actor, { action: "EXPORT", entityType: "TodoList", metadata: { digest: "requested" } });
}
