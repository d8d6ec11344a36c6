import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { requestMeta } from "@/lib/request-meta";

export type AuditEntry = {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  /** The person the event is about, so "who has read this person's file" is one query. */
  personId?: string;
  /** Why the actor opened a record outside their caseload, when asked. */
  reason?: string;
  /** Ids and codes only: never names, personnummer or free text about a person. */
  metadata?: Prisma.InputJsonObject;
  /** The site of an event without an actor (the scheduled retention run); otherwise the actor's. */
  siteId?: string;
};

/**
 * Appends one event to the audit log. Pass the transaction of the change it records, so the
 * change and its audit row commit (or fail) together. The database chains and protects the row.
 */
export async function recordAudit(client: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const meta = await requestMeta();
  await client.auditEvent.create({
    data: {
      siteId: actor?.siteId ?? entry.siteId ?? null,
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      personId: entry.personId ?? null,
      reason: entry.reason ?? null,
      metadata: entry.metadata ?? undefined,
      ipAddress: meta.ipAddress ?? null,
      requestId: meta.requestId ?? null,
    },
  });
}

/** For events without a change of their own (reads, sign-ins): its own short transaction. */
export async function recordAuditNow(actor: Actor | null, entry: AuditEntry): Promise<void> {
  await recordAudit(db as unknown as Tx, actor, entry);
}
