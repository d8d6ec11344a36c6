import "server-only";
import { recordAudit, recordAuditNow, type AuditEntry } from "@/lib/audit";
import { personWhere, type Action, type Actor } from "@/lib/authz";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { db, type Tx } from "@/lib/db";
import { AccessReasonRequiredError, NotFoundError, RuleError } from "@/lib/errors";
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

/** What the audit event about the person says; openPerson adds the person, the basis and the reason. */
export type PersonEvent = Omit<AuditEntry, "personId" | "reason">;

/** Audit actions that change something about the person: they move the retention clock. */
const CHANGES: ReadonlySet<AuditAction> = new Set(["CREATE", "UPDATE", "DELETE"]);

/*
 * A record whose file has moved to another site (issue 16, docs/decisions/016) is closed: it says
 * where the file went, and the person's work goes on at the receiving site. What may still change
 * on it: the person's own rights and safety (a consent's withdrawal, a protected identity, a
 * correction of the record itself), the transfer, and the coordinators ending. No new activity is
 * recorded on it: a note or a follow-up written there would be lost to the site that now works with
 * the person. Checked here, in the one writer of every change's audit event about one person, so a
 * new kind of record is refused on a closed file without a check of its own.
 */
const CHANGES_ON_A_CLOSED_RECORD: ReadonlySet<AuditEntry["entityType"]> = new Set([
  "Person",
  "Consent",
  "ConsentConfirmation",
  "Disclosure",
  "FileTransfer",
  "Assignment",
  "PersonAccess",
  "PersonAccessPrompt",
]);

export type OpenPerson<P> = {
  /** The person's row as the caller selected it (always with its id), read once. */
  person: P;
  access: PersonAccess;
  /**
   * Appends an audit event about the person, carrying the access basis and, outside the caseload,
   * the reason the user gave. A change (CREATE, UPDATE, DELETE) also moves the person's retention
   * clock (`lastActivityAt`), once however many events the caller writes; reads are not activity
   * (docs/decisions/005). Inside `tx` when openPerson was given one: the change, its audit event
   * and the clock commit together; `opts.tx` writes into another transaction of the caller's.
   */
  audit(event: PersonEvent, opts?: { tx?: Tx }): Promise<void>;
};

type Select = Omit<Prisma.PersonSelect, "_count">;
type Row<S extends Select> = Prisma.PersonGetPayload<{ select: S & { id: true } }>;

/**
 * The one path to anything about one person (docs/decisions/005): runs the caseload gate once and
 * returns the person's row, read once with the caller's `select`, and the audit writer for what
 * the caller does with it. A person the actor may not see (`action` on the person: read for a
 * read, update for a change to the person's own row) is NotFoundError; outside the caseload,
 * without a reason given in the last ACCESS_GRANT_MINUTES, AccessReasonRequiredError. With
 * `reason` (the reason form, never inside a mutation's transaction) the grant is recorded first.
 * Mutations pass their transaction as `tx`, so the gate is checked with the same connection.
 */
export async function openPerson<S extends Select = { id: true }>({
  actor,
  personId,
  select,
  action = "read",
  reason,
  tx,
  now = new Date(),
}: {
  actor: Actor;
  personId: string;
  select?: S;
  action?: Action;
  reason?: AccessReasonInput;
  tx?: Tx;
  now?: Date;
}): Promise<OpenPerson<Row<S>>> {
  if (!isUuid(personId)) throw new NotFoundError("person");
  const client = tx ?? (db as unknown as Tx);
  const row = await client.person.findFirst({
    where: { AND: [personWhere(actor, action), { id: personId }] },
    select: {
      ...select,
      id: true,
      transferredAt: true,
      _count: { select: { assignments: { where: { userId: actor.id, endedAt: null } } } },
    },
  });
  if (!row) throw new NotFoundError("person");
  const {
    _count: count,
    transferredAt,
    ...rest
  } = row as typeof row & { _count: { assignments: number }; transferredAt: Date | null };
  // The caller's own selection of transferredAt is given back to it.
  const person = select && "transferredAt" in select ? { ...rest, transferredAt } : rest;
  const access = await accessTo(client, actor, person.id, count.assignments > 0, reason, now);
  let clockMoved = false;
  return {
    person: person as unknown as Row<S>,
    access,
    async audit(event, opts) {
      const writer = opts?.tx ?? client;
      if (CHANGES.has(event.action) && transferredAt && !CHANGES_ON_A_CLOSED_RECORD.has(event.entityType))
        throw new RuleError("fileTransferredAway");
      if (CHANGES.has(event.action) && !clockMoved) {
        clockMoved = true;
        await moveRetentionClock(writer, [person.id], now);
      }
      await recordAudit(writer, actor, withAccessAudit(access, { ...event, personId: person.id }));
    },
  };
}

/**
 * Marks the people as having recorded activity now (`lastActivityAt`, the retention clock:
 * docs/decisions/005). openPerson's audit writer calls it for a
 * change about one person; records about many people at once (a call-in's invitees, an
 * incident's people) call it for all of them in the change's transaction. The one other writer
 * is the retention review's "keep" (lib/retention/mutations.ts), which sets it under the version
 * the administrator saw.
 */
export async function moveRetentionClock(tx: Tx, personIds: readonly string[], now = new Date()): Promise<void> {
  if (personIds.length === 0) return;
  await tx.person.updateMany({ where: { id: { in: [...personIds] } }, data: { lastActivityAt: now } });
}

/** The basis on which the actor opens the person now; see openPerson. */
async function accessTo(
  client: Tx,
  actor: Actor,
  personId: string,
  onCaseload: boolean,
  reason: AccessReasonInput | undefined,
  now: Date,
): Promise<PersonAccess> {
  if (onCaseload) return { basis: "caseload" };
  if (reason) {
    const text = formatAccessReason(reason.code, reason.text);
    await recordAudit(client, actor, {
      action: "READ",
      entityType: GRANT_ENTITY,
      entityId: personId,
      personId,
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
      personId,
      action: "READ",
      entityType: GRANT_ENTITY,
      occurredAt: { gte: new Date(now.getTime() - ACCESS_GRANT_MINUTES * 60_000) },
    },
    orderBy: { id: "desc" },
    select: { reason: true, occurredAt: true },
  });
  if (granted?.reason) return { basis: "reason", reason: granted.reason, grantedAt: granted.occurredAt };
  throw new AccessReasonRequiredError(personId);
}

/** The gate alone, for a check that needs neither the row nor an audit writer (a page's guard, a count). */
export async function requirePersonAccess(args: {
  actor: Actor;
  personId: string;
  reason?: AccessReasonInput;
  now?: Date;
  tx?: Tx;
}): Promise<PersonAccess> {
  return (await openPerson(args)).access;
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
