import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/authz";
import type { AuditEntityType } from "./entities";
import { db, type Tx } from "@/lib/db";
import { requestMeta } from "@/lib/request-meta";
import { chainSoon } from "./chainer";

export type AuditEntry = {
  action: AuditAction;
  /** What the event is about (a closed list: ./entities.ts). */
  entityType?: AuditEntityType;
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
 * change and its audit row commit (or fail) together. The database protects the row and queues
 * it; the chainer links it into the hash chain once it has committed (docs/decisions/003).
 */
export async function recordAudit(client: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const meta = await requestMeta();
  // One plain INSERT (no RETURNING, no query compilation): it runs on every read of personal
  // data, and Prisma's create cost twice the time of the statement (npm run bench). It takes no
  // lock: the trigger audit_event_queue queues the row for the chainer, as for any insert.
  await client.$executeRaw`
    INSERT INTO "AuditEvent" ("siteId", "actorId", "actorRole", action, "entityType", "entityId", "personId", reason, metadata, "ipAddress", "requestId")
    VALUES (${actor?.siteId ?? entry.siteId ?? null}::uuid, ${actor?.id ?? null}::uuid, ${actor?.role ?? null}::"Role", ${entry.action}::"AuditAction",
      ${entry.entityType ?? null}, ${entry.entityId ?? null}, ${entry.personId ?? null}::uuid, ${entry.reason ?? null},
      ${entry.metadata === undefined ? null : JSON.stringify(entry.metadata)}::jsonb, ${meta.ipAddress ?? null}, ${meta.requestId ?? null})`;
  chainSoon();
}

/** For events without a change of their own (reads, sign-ins): its own short transaction. */
export async function recordAuditNow(actor: Actor | null, entry: AuditEntry): Promise<void> {
  await recordAudit(db as unknown as Tx, actor, entry);
}
