import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { openPerson } from "@/lib/caseload-gate";
import { authorize, followUpWhere, notificationWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { parseDateOnly, stockholmToday } from "@/lib/validation/dates";
import { updateVersioned } from "@/lib/versioning";
import { officerWhere } from "./queries";
import type { TCompleteFollowUp, TDeleteFollowUp, TLogFollowUp, TRescheduleFollowUp } from "./schemas";

/**
 * Follow-ups are the recording agency's own: whatever another agency may read (with consent), only
 * the agency that recorded one changes or removes it.
 */
function ownWhere(actor: Actor, action: "update" | "delete"): Prisma.FollowUpWhereInput {
  const scope = followUpWhere(actor, action);
  if (!actor.agency) throw new NotFoundError("followUp");
  return { AND: [scope, { agency: actor.agency }] };
}

async function checkOfficer(tx: Tx, actor: Actor, userId: string | undefined, field: string): Promise<string> {
  if (!userId || userId === actor.id) return actor.id;
  const found = await tx.user.count({ where: { AND: [officerWhere(actor), { id: userId }] } });
  if (found !== 1) throw new RuleError("unknownOfficer", field);
  return userId;
}

/** Logs a follow-up from a person's file: planned, or already done. */
export async function logFollowUp({ actor, input }: { actor: Actor; input: TLogFollowUp }): Promise<{ id: string }> {
  authorize(actor, "followUp", "create");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("followUp");
  return db.$transaction(async (tx) => {
    const { person, audit } = await openPerson({ actor, personId: input.personId, tx, select: { id: true } });
    const assignedToId = await checkOfficer(tx, actor, input.assignedToId, "assignedToId");
    if (input.notificationId) {
      const found = await tx.customNotification.count({
        where: { AND: [notificationWhere(actor, "read"), { id: input.notificationId, personId: person.id }] },
      });
      if (found !== 1) throw new RuleError("unknownLink", "notificationId");
    }
    // A contact logged afterwards was due the day it happened, unless the user says otherwise.
    const dueOn = input.dueOn ?? parseDateOnly(stockholmToday(input.doneAt!))!;
    const followUp = await tx.followUp.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        agency,
        assignedToId,
        notificationId: input.notificationId ?? null,
        dueOn,
        doneAt: input.doneAt ?? null,
        contactType: input.doneAt ? (input.contactType ?? null) : null,
        summary: input.summary ?? null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await audit({
      action: "CREATE",
      entityType: "FollowUp",
      entityId: followUp.id,
      metadata: {
        done: Boolean(input.doneAt),
        contactType: input.contactType ?? null,
        assignedToId,
        notificationId: input.notificationId ?? null,
      },
    });
    return followUp;
  });
}

/** The follow-up to change, behind the caseload gate of its person (like every page of the file). */
async function openFollowUp(tx: Tx, actor: Actor, where: Prisma.FollowUpWhereInput, id: string) {
  const current = await tx.followUp.findFirst({
    where: { AND: [where, { id }] },
    select: { id: true, personId: true, doneAt: true, version: true },
  });
  if (!current) throw new NotFoundError("followUp");
  const { audit } = await openPerson({ actor, personId: current.personId, tx });
  return { ...current, audit };
}

/** Marks a planned follow-up done: when, how, and what came of it. */
export async function completeFollowUp({
  actor,
  input,
}: {
  actor: Actor;
  input: TCompleteFollowUp;
}): Promise<{ id: string }> {
  const where = ownWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await openFollowUp(tx, actor, where, input.followUpId);
    if (current.doneAt) throw current.version === input.version ? new RuleError("alreadyDone") : new ConflictError();
    await updateVersioned(tx.followUp, {
      where,
      id: current.id,
      version: input.version,
      data: { doneAt: input.doneAt, contactType: input.contactType, summary: input.summary ?? null },
    });
    await current.audit({
      action: "UPDATE",
      entityType: "FollowUp",
      entityId: current.id,
      metadata: { done: true, contactType: input.contactType },
    });
    return { id: current.id };
  });
}

/** Moves a planned follow-up to another day or officer. */
export async function rescheduleFollowUp({
  actor,
  input,
}: {
  actor: Actor;
  input: TRescheduleFollowUp;
}): Promise<{ id: string }> {
  const where = ownWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await openFollowUp(tx, actor, where, input.followUpId);
    if (current.doneAt) throw current.version === input.version ? new RuleError("alreadyDone") : new ConflictError();
    const assignedToId = await checkOfficer(tx, actor, input.assignedToId, "assignedToId");
    await updateVersioned(tx.followUp, {
      where,
      id: current.id,
      version: input.version,
      data: { dueOn: input.dueOn, assignedToId },
    });
    await current.audit({
      action: "UPDATE",
      entityType: "FollowUp",
      entityId: current.id,
      metadata: { rescheduled: true, assignedToId },
    });
    return { id: current.id };
  });
}

/** Removes a planned follow-up. Done ones are part of the record and stay. */
export async function deleteFollowUp({
  actor,
  input,
}: {
  actor: Actor;
  input: TDeleteFollowUp;
}): Promise<{ personId: string }> {
  const where = ownWhere(actor, "delete");
  return db.$transaction(async (tx) => {
    const current = await openFollowUp(tx, actor, where, input.followUpId);
    if (current.doneAt) throw current.version === input.version ? new RuleError("alreadyDone") : new ConflictError();
    const { count } = await tx.followUp.deleteMany({
      where: { AND: [where, { id: current.id, version: input.version, doneAt: null }] },
    });
    if (count !== 1) throw new ConflictError();
    await current.audit({ action: "DELETE", entityType: "FollowUp", entityId: current.id });
    return { personId: current.personId };
  });
}
