import "server-only";
import { recordAudit } from "@/lib/audit";
import { authorize, groupRelationWhere, groupWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { betweenGroups } from "./queries";
import type { TEndGroupRelation, TRecordGroupRelation } from "./schemas";

/**
 * Records a conflict or an alliance between two groups of the site, from a date, as intelligence
 * of the actor's agency (the source every agency sees beside it). A pair of groups has at most one
 * relation in force: a change of heart (an alliance that became a conflict) ends the one and
 * records the other, so the history stays readable.
 */
export async function recordGroupRelation({
  actor,
  input,
}: {
  actor: Actor;
  input: TRecordGroupRelation;
}): Promise<{ id: string }> {
  authorize(actor, "groupRelation", "create");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("groupRelation");
  return db.$transaction(async (tx) => {
    const groups = await tx.group.findMany({
      where: { AND: [groupWhere(actor, "read"), { id: { in: [input.groupId, input.otherGroupId] } }] },
      select: { id: true },
    });
    if (!groups.some((g) => g.id === input.groupId)) throw new NotFoundError("group");
    if (!groups.some((g) => g.id === input.otherGroupId)) throw new RuleError("unknownGroup", "otherGroupId");
    // Two coordinators recording the same pair at once: the second waits for the first and then
    // finds its relation in force. Both rows, in one order, so two saves never deadlock.
    const [first, second] = [input.groupId, input.otherGroupId].sort();
    await tx.$queryRaw`SELECT id FROM "Group" WHERE id IN (${first}::uuid, ${second}::uuid) ORDER BY id FOR UPDATE`;
    const open = await tx.groupRelation.count({
      where: {
        AND: [groupRelationWhere(actor, "read"), betweenGroups(input.groupId, input.otherGroupId), { validTo: null }],
      },
    });
    if (open > 0) throw new RuleError("relationExists", "otherGroupId");
    const relation = await tx.groupRelation.create({
      data: {
        siteId: actor.siteId,
        groupAId: input.groupId,
        groupBId: input.otherGroupId,
        kind: input.kind,
        validFrom: input.validFrom,
        sourceAgency: agency,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "GroupRelation",
      entityId: relation.id,
      metadata: { groupAId: input.groupId, groupBId: input.otherGroupId, kind: input.kind, sourceAgency: agency },
    });
    return relation;
  });
}

/** Ends a relation in force on a date, with optimistic locking; the row stays as history. */
export async function endGroupRelation({
  actor,
  input,
}: {
  actor: Actor;
  input: TEndGroupRelation;
}): Promise<{ id: string; groupId: string }> {
  const where = groupRelationWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await tx.groupRelation.findFirst({
      where: {
        AND: [where, { id: input.relationId }, { OR: [{ groupAId: input.groupId }, { groupBId: input.groupId }] }],
      },
      select: { id: true, validFrom: true, validTo: true, version: true, kind: true },
    });
    if (!current) throw new NotFoundError("groupRelation");
    if (current.validTo) throw current.version === input.version ? new RuleError("relationEnded") : new ConflictError();
    if (input.validTo < current.validFrom) throw new RuleError("endBeforeStart", "validTo");
    await updateVersioned(tx.groupRelation, {
      where,
      id: current.id,
      version: input.version,
      data: { validTo: input.validTo },
    });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "GroupRelation",
      entityId: current.id,
      metadata: { fields: ["validTo"], kind: current.kind, version: input.version + 1 },
    });
    return { id: current.id, groupId: input.groupId };
  });
}
