import "server-only";
import { openPerson } from "@/lib/caseload-gate";
import { authorize, colleagueWhere, internalNoteWhere, notificationWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { checkRound, completePlannedVisit } from "@/lib/visits/mutations";
import type { TLogNotification, TUpdateNotification } from "./schemas";

/** Participants must be active colleagues of the actor's own site. */
async function checkParticipants(tx: Tx, actor: Actor, participantIds: string[]) {
  if (participantIds.length === 0) return;
  const found = await tx.user.count({ where: { AND: [colleagueWhere(actor), { id: { in: participantIds } }] } });
  if (found !== participantIds.length) throw new RuleError("unknownParticipant", "participantIds");
}

/**
 * Records a custom notification with its participants and the actor's agency's internal note,
 * and its audit event, in one transaction.
 */
export async function logNotification({
  actor,
  input,
}: {
  actor: Actor;
  input: TLogNotification;
}): Promise<{ id: string }> {
  authorize(actor, "notification", "create");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("notification");

  return db.$transaction(async (tx) => {
    const { person, audit } = await openPerson({ actor, personId: input.personId, tx });

    await checkParticipants(tx, actor, input.participantIds);
    await checkRound(tx, actor, input.roundId);

    const notification = await tx.customNotification.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        roundId: input.roundId ?? null,
        occurredAt: input.occurredAt,
        placeType: input.placeType,
        placeDescription: input.placeDescription ?? null,
        agencies: input.agencies,
        outcome: input.outcome,
        response: input.outcome === "DELIVERED" ? (input.response ?? null) : null,
        askedForHelpOnSite: input.askedForHelpOnSite,
        nextStep: input.nextStep ?? null,
        createdById: actor.id,
        createdByAgency: agency,
        participants: { create: input.participantIds.map((userId) => ({ userId })) },
        notes: input.internalNote
          ? { create: { siteId: actor.siteId, agency, body: input.internalNote, createdById: actor.id } }
          : undefined,
      },
      select: { id: true },
    });
    await audit({
      action: "CREATE",
      entityType: "CustomNotification",
      entityId: notification.id,
      metadata: {
        outcome: input.outcome,
        participants: input.participantIds.length,
        internalNote: Boolean(input.internalNote),
        roundId: input.roundId ?? null,
        plannedVisitId: input.plannedVisitId ?? null,
      },
    });
    // Logged from a plan: the plan is linked and done in this same transaction, or nothing is saved.
    if (input.plannedVisitId)
      await completePlannedVisit(tx, actor, {
        plannedVisitId: input.plannedVisitId,
        personId: person.id,
        notificationId: notification.id,
        audit,
      });
    return notification;
  });
}

/**
 * Edits a notification later, with optimistic locking on the notification: the participants are
 * replaced, and the actor's own agency's internal note is saved (or removed when emptied). Other
 * agencies' notes are never read or written here. Audited in the same transaction.
 */
export async function updateNotification({
  actor,
  input,
}: {
  actor: Actor;
  input: TUpdateNotification;
}): Promise<{ id: string; personId: string }> {
  const where = notificationWhere(actor, "update");
  const noteScope = internalNoteWhere(actor, "update");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("notification");

  return db.$transaction(async (tx) => {
    const current = await tx.customNotification.findFirst({
      where: { AND: [where, { id: input.notificationId }] },
      select: { id: true, personId: true },
    });
    if (!current) throw new NotFoundError("notification");
    const { audit } = await openPerson({ actor, personId: current.personId, tx });
    await checkParticipants(tx, actor, input.participantIds);
    await checkRound(tx, actor, input.roundId);

    await updateVersioned(tx.customNotification, {
      where,
      id: current.id,
      version: input.version,
      data: {
        occurredAt: input.occurredAt,
        placeType: input.placeType,
        placeDescription: input.placeDescription ?? null,
        agencies: input.agencies,
        outcome: input.outcome,
        response: input.outcome === "DELIVERED" ? (input.response ?? null) : null,
        askedForHelpOnSite: input.askedForHelpOnSite,
        nextStep: input.nextStep ?? null,
        roundId: input.roundId ?? null,
      },
    });
    await tx.notificationParticipant.deleteMany({ where: { notificationId: current.id } });
    if (input.participantIds.length > 0) {
      await tx.notificationParticipant.createMany({
        data: input.participantIds.map((userId) => ({ notificationId: current.id, userId })),
      });
    }

    const ownNote = await tx.internalNote.findFirst({
      where: { AND: [noteScope, { notificationId: current.id }] },
      select: { id: true, body: true },
    });
    let note: "unchanged" | "saved" | "removed" = "unchanged";
    if (input.internalNote && input.internalNote !== ownNote?.body) {
      note = "saved";
      if (ownNote)
        await tx.internalNote.update({
          where: { id: ownNote.id },
          data: { body: input.internalNote, version: { increment: 1 } },
        });
      else
        await tx.internalNote.create({
          data: {
            siteId: actor.siteId,
            agency,
            notificationId: current.id,
            body: input.internalNote,
            createdById: actor.id,
          },
        });
    } else if (!input.internalNote && ownNote) {
      note = "removed";
      await tx.internalNote.delete({ where: { id: ownNote.id } });
    }

    await audit({
      action: "UPDATE",
      entityType: "CustomNotification",
      entityId: current.id,
      metadata: {
        outcome: input.outcome,
        participants: input.participantIds.length,
        internalNote: note,
        version: input.version + 1,
      },
    });
    return current;
  });
}
