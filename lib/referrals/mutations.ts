import "server-only";
import { openPerson, type PersonEvent } from "@/lib/caseload-gate";
import {
  authorize,
  callInInviteeWhere,
  notificationWhere,
  personWhere,
  protectedLocationWhere,
  referralWhere,
  supportMeasureWhere,
  type Actor,
} from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { canMove, isClosed } from "./flow";
import type { TAddSupportMeasure, TChangeReferralStatus, TCreateReferral, TEditSupportMeasure } from "./schemas";

/** Serialises changes that depend on a person's other records (one open referral per person). */
async function lockPerson(tx: Tx, personId: string) {
  await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${personId}::uuid FOR UPDATE`;
}

async function isHandler(tx: Tx, actor: Actor, personId: string): Promise<boolean> {
  const handler = protectedLocationWhere(actor);
  if (!handler) return false;
  return (await tx.person.count({ where: { AND: [personWhere(actor, "read"), { id: personId }, handler] } })) === 1;
}

/** Refers a person to the defector programme: the referral, its first history step, the audit event. */
export async function createReferral({
  actor,
  input,
}: {
  actor: Actor;
  input: TCreateReferral;
}): Promise<{ id: string }> {
  authorize(actor, "referral", "create");
  return db.$transaction(async (tx) => {
    const { person, audit } = await openPerson({ actor, personId: input.personId, tx, select: { id: true } });
    await lockPerson(tx, person.id);
    // One way through the programme at a time: a second open referral would split its history.
    const open = await tx.referral.count({
      where: { AND: [referralWhere(actor, "read"), { personId: person.id, closedAt: null }] },
    });
    if (open > 0) throw new RuleError("openReferralExists");

    if (input.notificationId) {
      const found = await tx.customNotification.count({
        where: { AND: [notificationWhere(actor, "read"), { id: input.notificationId, personId: person.id }] },
      });
      if (found !== 1) throw new RuleError("unknownLink", "notificationId");
    }
    if (input.callInId) {
      const found = await tx.callInInvitee.count({
        where: { AND: [callInInviteeWhere(actor, "read"), { callInId: input.callInId, personId: person.id }] },
      });
      if (found !== 1) throw new RuleError("unknownLink", "callInId");
    }

    const referral = await tx.referral.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        status: "REFERRED",
        statusChangedAt: input.referredAt,
        source: input.source,
        notificationId: input.notificationId ?? null,
        callInId: input.callInId ?? null,
        referredAt: input.referredAt,
        createdById: actor.id,
        history: {
          create: {
            fromStatus: null,
            toStatus: "REFERRED",
            changedAt: input.referredAt,
            changedById: actor.id,
            comment: input.comment ?? null,
          },
        },
      },
      select: { id: true },
    });
    await audit({
      action: "CREATE",
      entityType: "Referral",
      entityId: referral.id,
      metadata: {
        source: input.source,
        notificationId: input.notificationId ?? null,
        callInId: input.callInId ?? null,
      },
    });
    return referral;
  });
}

/**
 * Moves a referral one legal step (flow.ts), dated, with a line in its history. The user chose
 * the step from the status they saw: if it has moved since, that is a conflict, not a guess.
 */
export async function changeReferralStatus({
  actor,
  input,
}: {
  actor: Actor;
  input: TChangeReferralStatus;
}): Promise<void> {
  const scope = referralWhere(actor, "update");
  await db.$transaction(async (tx) => {
    const current = await tx.referral.findFirst({
      where: { AND: [scope, { id: input.referralId }] },
      select: { id: true, personId: true, status: true, statusChangedAt: true, version: true },
    });
    if (!current) throw new NotFoundError("referral");
    const { audit } = await openPerson({ actor, personId: current.personId, tx });
    if (current.version !== input.version) throw new ConflictError();
    if (!canMove(current.status, input.toStatus)) throw new RuleError("illegalTransition", "toStatus");
    if (input.changedAt.getTime() < current.statusChangedAt.getTime())
      throw new RuleError("beforePreviousStep", "changedAt");

    await updateVersioned(tx.referral, {
      where: scope,
      id: current.id,
      version: input.version,
      data: {
        status: input.toStatus,
        statusChangedAt: input.changedAt,
        closedAt: isClosed(input.toStatus) ? input.changedAt : null,
      },
    });
    await tx.referralStatusChange.create({
      data: {
        referralId: current.id,
        fromStatus: current.status,
        toStatus: input.toStatus,
        changedAt: input.changedAt,
        changedById: actor.id,
        comment: input.comment ?? null,
      },
    });
    await audit({
      action: "UPDATE",
      entityType: "Referral",
      entityId: current.id,
      metadata: { fromStatus: current.status, toStatus: input.toStatus },
    });
  });
}

type MeasureInput = Omit<TAddSupportMeasure, "referralId">;

/**
 * The protected parts of a measure (the destination town, and marking the person relocated) are
 * for the social services staff handling the person: anyone else is refused, not silently ignored.
 */
function checkProtectedFields(input: MeasureInput, handler: boolean) {
  if (handler) return;
  if (input.destinationTown) throw new RuleError("notHandler", "destinationTown");
  if (input.markRelocated) throw new RuleError("notHandler", "markRelocated");
  if (input.protectTown) throw new RuleError("notHandler", "protectTown");
}

/**
 * After a relocation: the person shows as relocated, and the new town is kept on the person. When
 * the secretary answers that it is protected (the form's default), the person's identity is
 * protected from then on: town and address only for social services staff handling them.
 */
async function markPersonRelocated(
  tx: Tx,
  audit: (event: PersonEvent) => Promise<void>,
  personId: string,
  measureId: string,
  input: MeasureInput,
) {
  const person = await tx.person.findFirstOrThrow({
    where: { id: personId },
    select: { status: true, hasProtectedIdentity: true },
  });
  if (person.status === "DECEASED") throw new RuleError("personDeceased", "markRelocated");
  const since = input.status === "COMPLETED" && input.endsOn ? input.endsOn : input.startsOn;
  const protect = input.protectTown === "yes";
  await tx.person.update({
    where: { id: personId },
    data: {
      status: "RELOCATED",
      statusSince: since,
      protectedTown: input.destinationTown ?? null,
      ...(protect ? { hasProtectedIdentity: true } : {}),
      version: { increment: 1 },
    },
  });
  await audit({
    action: "UPDATE",
    entityType: "Person",
    entityId: personId,
    metadata: {
      fields: [
        "status",
        "statusSince",
        "protectedTown",
        ...(protect && !person.hasProtectedIdentity ? ["hasProtectedIdentity"] : []),
      ],
      fromStatus: person.status,
      toStatus: "RELOCATED",
      protectedIdentity: protect || person.hasProtectedIdentity,
      cause: "SupportMeasure",
      causeId: measureId,
    },
  });
}

/** Adds a support measure to an open referral. */
export async function addSupportMeasure({
  actor,
  input,
}: {
  actor: Actor;
  input: TAddSupportMeasure;
}): Promise<{ id: string }> {
  authorize(actor, "supportMeasure", "create");
  return db.$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({
      where: { AND: [referralWhere(actor, "update"), { id: input.referralId }] },
      select: { id: true, personId: true, closedAt: true },
    });
    if (!referral) throw new NotFoundError("referral");
    const { audit } = await openPerson({ actor, personId: referral.personId, tx });
    if (referral.closedAt) throw new RuleError("referralClosed");
    checkProtectedFields(input, await isHandler(tx, actor, referral.personId));

    const measure = await tx.supportMeasure.create({
      data: {
        siteId: actor.siteId,
        referralId: referral.id,
        personId: referral.personId,
        type: input.type,
        status: input.status,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        outcome: input.outcome ?? null,
        destinationTown: input.type === "RELOCATION" ? (input.destinationTown ?? null) : null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    if (input.markRelocated) await markPersonRelocated(tx, audit, referral.personId, measure.id, input);
    await audit({
      action: "CREATE",
      entityType: "SupportMeasure",
      entityId: measure.id,
      metadata: {
        referralId: referral.id,
        type: input.type,
        status: input.status,
        destination: Boolean(input.destinationTown),
      },
    });
    return measure;
  });
}

/** Edits a support measure the user saw at `version` (its status, dates and outcome as work goes on). */
export async function editSupportMeasure({
  actor,
  input,
}: {
  actor: Actor;
  input: TEditSupportMeasure;
}): Promise<{ referralId: string }> {
  const scope = supportMeasureWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const existing = await tx.supportMeasure.findFirst({
      where: { AND: [scope, { id: input.measureId }] },
      select: { id: true, referralId: true, personId: true, type: true, destinationTown: true },
    });
    if (!existing) throw new NotFoundError("supportMeasure");
    const { audit } = await openPerson({ actor, personId: existing.personId, tx });
    const handler = await isHandler(tx, actor, existing.personId);
    checkProtectedFields(input, handler);
    // Someone who cannot see the destination must not erase it by changing the type either.
    if (!handler && existing.destinationTown && input.type !== "RELOCATION") throw new RuleError("notHandler", "type");

    await updateVersioned(tx.supportMeasure, {
      where: scope,
      id: existing.id,
      version: input.version,
      data: {
        type: input.type,
        status: input.status,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        outcome: input.outcome ?? null,
        ...(handler ? { destinationTown: input.type === "RELOCATION" ? (input.destinationTown ?? null) : null } : {}),
      },
    });
    if (input.markRelocated) await markPersonRelocated(tx, audit, existing.personId, existing.id, input);
    await audit({
      action: "UPDATE",
      entityType: "SupportMeasure",
      entityId: existing.id,
      metadata: { referralId: existing.referralId, type: input.type, status: input.status },
    });
    return { referralId: existing.referralId };
  });
}
