import "server-only";
import type { AuditEntry } from "@/lib/audit";
import { recordAuditNow } from "@/lib/audit";
import { personWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { AccessReasonRequiredError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { ACCESS_GRANT_MINUTES, formatAccessReason, type AccessReasonCode } from "./reasons";

/*
 * The caseload gate (docs/decisions/005): a person's file is open without a question to the users
 * who coordinate the person (an active Assignment of their own). Anyone else of the three agencies
 * must say why first, as in Swedish health records' access control; the reason goes into the
 * audit log with the grant and with every read made under it, for ACCESS_GRANT_MINUTES.
 */

export { AccessReasonRequiredError };

export type PersonAccess = { basis: "caseload" } | { basis: "reason"; reason: string; grantedAt: Date };

export type AccessReasonInput = { code: AccessReasonCode; text?: string };

/** The audit entry type of a granted reason: the memory of the gate is the audit log itself. */
const GRANT_ENTITY = "PersonAccess";

/**
 * Checks that the actor may open the person's file now. With `reason`, records it (the grant);
 * without, accepts the actor's own caseload or a reason given in the last ACCESS_GRANT_MINUTES, and
 * otherwise throws AccessReasonRequiredError. A person the actor may not see at all is NotFound.
 */
export async function requirePersonAccess({
  actor,
  personId,
  reason,
  now = new Date(),
  tx,
}: {
  actor: Actor;
  personId: string;
  reason?: AccessReasonInput;
  now?: Date;
  /** Inside a mutation's transaction: check with its connection (never with a reason). */
  tx?: Tx;
}): Promise<PersonAccess> {
  if (!isUuid(personId)) throw new NotFoundError("person");
  const client = tx ?? db;
  const person = await client.person.findFirst({
    where: { AND: [personWhere(actor, "read"), { id: personId }] },
    select: { id: true, assignments: { where: { userId: actor.id, endedAt: null }, select: { id: true }, take: 1 } },
  });
  if (!person) throw new NotFoundError("person");
  if (person.assignments.length > 0) return { basis: "caseload" };

  if (reason) {
    const text = formatAccessReason(reason.code, reason.text);
    await recordAuditNow(actor, {
      action: "READ",
      entityType: GRANT_ENTITY,
      entityId: person.id,
      personId: person.id,
      reason: text,
      metadata: { reasonCode: reason.code, grantMinutes: ACCESS_GRANT_MINUTES },
    });
    return { basis: "reason", reason: text, grantedAt: now };
  }

  // The grant is looked up in the append-only log rather than kept in a session or a table of its
  // own: there is then nothing that can say "granted" without the log saying so too.
  const granted = await client.auditEvent.findFirst({
    where: {
      actorId: actor.id,
      personId: person.id,
      action: "READ",
      entityType: GRANT_ENTITY,
      occurredAt: { gte: new Date(now.getTime() - ACCESS_GRANT_MINUTES * 60_000) },
    },
    orderBy: { id: "desc" },
    select: { reason: true, occurredAt: true },
  });
  if (granted?.reason) return { basis: "reason", reason: granted.reason, grantedAt: granted.occurredAt };
  throw new AccessReasonRequiredError(person.id);
}

/** What a read made under `access` adds to its audit event: the reason, and on what basis. */
export function accessAuditFields(
  access: PersonAccess,
): Pick<AuditEntry, "reason"> & { metadata: { access: PersonAccess["basis"] } } {
  return access.basis === "reason"
    ? { reason: access.reason, metadata: { access: "reason" } }
    : { metadata: { access: "caseload" } };
}

/**
 * An audit entry about something read or changed under `access`: the reason (when one was needed)
 * and the basis, so every event about a person outside the caseload can be reviewed by reason.
 */
export function withAccessAudit(access: PersonAccess, entry: AuditEntry): AuditEntry {
  const fields = accessAuditFields(access);
  return {
    ...entry,
    ...(fields.reason ? { reason: fields.reason } : {}),
    metadata: { ...entry.metadata, ...fields.metadata },
  };
}

/** For the reason form: whom it is about, or null when the actor may already open the file. */
export async function getAccessPrompt({
  actor,
  personId,
}: {
  actor: Actor;
  personId: string;
}): Promise<{ id: string; name: string } | null> {
  try {
    await requirePersonAccess({ actor, personId });
    return null;
  } catch (error) {
    if (!(error instanceof AccessReasonRequiredError)) throw error;
  }
  const person = await db.person.findFirst({
    where: { AND: [personWhere(actor, "read"), { id: personId }] },
    select: { id: true, firstName: true, lastName: true },
  });
  if (!person) throw new NotFoundError("person");
  // Only the name is shown, as in the people list; the prompt is logged so a review can see who was
  // asked and did not go on.
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "PersonAccessPrompt",
    entityId: person.id,
    personId: person.id,
  });
  return { id: person.id, name: `${person.firstName} ${person.lastName}` };
}
