import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/people/resolve";
import { openPerson } from "@/lib/caseload-gate";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import { enforcementWhere, groupWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { updateVersioned } from "@/lib/versioning";
import { markDeprivedOfLiberty } from "./mutations";
import type { TEditEnforcement } from "./schemas";

/*
 * Looking at and correcting one recorded enforcement action (the police's own records).
 *
 * What an edit does to Person.status: recording may mark the person deprived of liberty; an edit
 * may do the same (the same rules: a depriving type, a person, not deceased). An edit never moves
 * the status back. The status may have changed for other reasons since (a release, a later
 * detention), so the stored status is not this action's to undo; the edit page says so, and the
 * status is changed on the person's page.
 */

const DETAIL_SELECT = {
  id: true,
  type: true,
  occurredAt: true,
  description: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  personId: true,
  person: { select: { firstName: true, lastName: true, status: true } },
  group: { select: { id: true, name: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.EnforcementActionSelect;

type Row = Prisma.EnforcementActionGetPayload<{ select: typeof DETAIL_SELECT }>;
export type EnforcementDetail = Omit<Row, "person" | "createdBy"> & {
  person: { id: string; name: string; status: NonNullable<Row["person"]>["status"] } | null;
  recordedBy: string;
};

/**
 * One action, for the police. An action against a person is part of that person's file: the
 * caseload gate applies (AccessReasonRequiredError). The read is audited.
 */
async function readAction(actor: Actor, id: string, action: "read" | "update"): Promise<EnforcementDetail> {
  const where = enforcementWhere(actor, action);
  if (!isUuid(id)) throw new NotFoundError("enforcement");
  const row = await db.enforcementAction.findFirst({ where: { AND: [where, { id }] }, select: DETAIL_SELECT });
  if (!row) throw new NotFoundError("enforcement");
  // An action against a person is part of that person's file; one against a group alone is not.
  const event = { action: "READ", entityType: "EnforcementAction", entityId: row.id } as const;
  if (row.personId) await (await openPerson({ actor, personId: row.personId })).audit(event);
  else await recordAuditNow(actor, event);
  const { person, personId, createdBy, ...rest } = row;
  return {
    ...rest,
    personId,
    person: person && personId ? { id: personId, name: fullName(person), status: person.status } : null,
    recordedBy: createdBy.name,
  };
}

export async function getEnforcementAction({ actor, id }: { actor: Actor; id: string }): Promise<EnforcementDetail> {
  return readAction(actor, id, "read");
}

/** The edit form: the action as stored (with its version) and the groups to choose from. */
export async function getEnforcementForEdit({ actor, id }: { actor: Actor; id: string }) {
  const action = await readAction(actor, id, "update");
  const groups = await db.group.findMany({
    where: groupWhere(actor, "list"),
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
  return { action, groups };
}

const sameTime = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * Corrects an action with optimistic locking: saved only if nobody saved since the user opened
 * the form (ConflictError otherwise, and the form keeps the input). The type and deprivation rules
 * of recording apply; see the note at the top about Person.status. Audited with the changed fields
 * (names only), in the same transaction.
 */
export async function editEnforcementAction({
  actor,
  input,
}: {
  actor: Actor;
  input: TEditEnforcement;
}): Promise<{ id: string; statusChanged: boolean }> {
  const where = enforcementWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await tx.enforcementAction.findFirst({
      where: { AND: [where, { id: input.id }] },
      select: { id: true, personId: true, groupId: true, type: true, occurredAt: true, description: true },
    });
    if (!current) throw new NotFoundError("enforcement");
    const gate = current.personId
      ? await openPerson({ actor, personId: current.personId, tx, select: { id: true, status: true } })
      : null;
    // The stored record decides whether there is a person, not what the form claimed.
    if (!current.personId && !input.groupId) throw new RuleError("personOrGroupRequired", "groupId");
    if (!current.personId && input.setDeprivedOfLiberty)
      throw new RuleError("deprivationNeedsPerson", "setDeprivedOfLiberty");
    if (input.groupId && input.groupId !== current.groupId) {
      const group = await tx.group.count({ where: { AND: [groupWhere(actor, "read"), { id: input.groupId }] } });
      if (group !== 1) throw new RuleError("unknownGroup", "groupId");
    }
    const data = {
      groupId: input.groupId ?? null,
      type: input.type,
      occurredAt: input.occurredAt,
      description: input.description ?? null,
    };
    const fields = [
      data.groupId !== current.groupId && "groupId",
      data.type !== current.type && "type",
      !sameTime(data.occurredAt, current.occurredAt) && "occurredAt",
      data.description !== current.description && "description",
    ].filter((f): f is string => Boolean(f));
    await updateVersioned(tx.enforcementAction, { where, id: current.id, version: input.version, data });

    let statusChanged = false;
    if (gate && input.setDeprivedOfLiberty) {
      statusChanged = await markDeprivedOfLiberty(tx, actor, {
        person: gate.person,
        since: input.occurredAt,
        causeId: current.id,
        audit: gate.audit,
      });
    }
    const entry = {
      action: "UPDATE",
      entityType: "EnforcementAction",
      entityId: current.id,
      metadata: { fields, type: input.type, groupId: data.groupId, setDeprivedOfLiberty: input.setDeprivedOfLiberty },
    } as const;
    await (gate ? gate.audit(entry) : recordAudit(tx, actor, entry));
    return { id: current.id, statusChanged };
  });
}
