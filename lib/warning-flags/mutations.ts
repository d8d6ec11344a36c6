import "server-only";
import { openPerson } from "@/lib/caseload-gate";
import { authorize, warningFlagWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { todayDateOnly } from "@/lib/validation/activity-fields";
import { updateVersioned } from "@/lib/versioning";
import type { TEndWarningFlag, TSetWarningFlag } from "./schemas";

/**
 * Sets a warning flag on a person for the actor's agency, behind the caseload gate, audited in the
 * same transaction. The audit event names the kind, never the reason (the log is read by others).
 */
export async function setWarningFlag({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TSetWarningFlag;
  now?: Date;
}): Promise<{ id: string; personId: string }> {
  authorize(actor, "warningFlag", "create");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("warningFlag");
  const setOn = input.setOn ?? todayDateOnly(now);
  if (input.endsOn && input.endsOn < setOn) throw new RuleError("endBeforeStart", "endsOn");
  return db.$transaction(async (tx) => {
    const { person, audit } = await openPerson({ actor, personId: input.personId, tx, now });
    const flag = await tx.warningFlag.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        kind: input.kind,
        reason: input.reason,
        agency,
        setOn,
        endsOn: input.endsOn ?? null,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await audit({
      action: "CREATE",
      entityType: "WarningFlag",
      entityId: flag.id,
      metadata: { kind: input.kind, agency, endsOn: input.endsOn ? input.endsOn.toISOString().slice(0, 10) : null },
    });
    return { id: flag.id, personId: person.id };
  });
}

/**
 * Ends a flag of the actor's own agency (another agency's answers "not found"), as seen at
 * `version`: its last day becomes today. Audited.
 */
export async function endWarningFlag({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TEndWarningFlag;
  now?: Date;
}): Promise<{ id: string; personId: string }> {
  const where = warningFlagWhere(actor, "update");
  const today = todayDateOnly(now);
  return db.$transaction(async (tx) => {
    const current = await tx.warningFlag.findFirst({
      where: { AND: [where, { id: input.flagId }] },
      select: { id: true, personId: true, endedAt: true, endsOn: true, setOn: true, kind: true },
    });
    if (!current) throw new NotFoundError("warningFlag");
    const { audit } = await openPerson({ actor, personId: current.personId, tx, now });
    if (current.endedAt || (current.endsOn && current.endsOn < today)) throw new RuleError("flagAlreadyEnded");
    await updateVersioned(tx.warningFlag, {
      where,
      id: current.id,
      version: input.version,
      // A flag set for a later day and ended before it: it ends the day it was to start.
      data: { endsOn: current.setOn > today ? current.setOn : today, endedAt: now, endedById: actor.id },
    });
    await audit({
      action: "UPDATE",
      entityType: "WarningFlag",
      entityId: current.id,
      metadata: { ended: true, kind: current.kind, version: input.version + 1 },
    });
    return { id: current.id, personId: current.personId };
  });
}
