import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { openPerson } from "@/lib/caseload-gate";
import { recordAudit } from "@/lib/audit";
import { authorize, groupWhere, membershipWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { currentMembership } from "@/lib/people/where";
import type { TAddMembership, TCreateGroup, TSetGroupPriority, TUpdateGroup, TUpdateMembership } from "./schemas";

/** Group names are unique per site: a second "Hamnligan" is the same group. */
async function uniqueName<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new RuleError("groupNameTaken", "name");
    throw error;
  }
}

export async function createGroup({ actor, input }: { actor: Actor; input: TCreateGroup }): Promise<{ id: string }> {
  authorize(actor, "group", "create");
  return uniqueName(() =>
    db.$transaction(async (tx) => {
      const group = await tx.group.create({
        data: {
          siteId: actor.siteId,
          name: input.name,
          district: input.district ?? null,
          description: input.description ?? null,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, actor, { action: "CREATE", entityType: "Group", entityId: group.id });
      return group;
    }),
  );
}

export async function updateGroup({ actor, input }: { actor: Actor; input: TUpdateGroup }): Promise<{ id: string }> {
  const where = groupWhere(actor, "update");
  return uniqueName(() =>
    db.$transaction(async (tx) => {
      await updateVersioned(tx.group, {
        where,
        id: input.groupId,
        version: input.version,
        data: { name: input.name, district: input.district ?? null, description: input.description ?? null },
      });
      await recordAudit(tx, actor, {
        action: "UPDATE",
        entityType: "Group",
        entityId: input.groupId,
        metadata: { version: input.version + 1 },
      });
      return { id: input.groupId };
    }),
  );
}

/**
 * Marks a group as the current enforcement focus, or ends that, recording who decided it and
 * when. The focus is the police's decision (those who may record enforcement actions).
 */
export async function setGroupPriority({
  actor,
  input,
}: {
  actor: Actor;
  input: TSetGroupPriority;
}): Promise<{ id: string }> {
  authorize(actor, "enforcement", "create");
  const where = groupWhere(actor, "update");
  return db.$transaction(async (tx) => {
    await updateVersioned(tx.group, {
      where,
      id: input.groupId,
      version: input.version,
      data: { isPrioritized: input.prioritized, prioritizedAt: new Date(), prioritizedById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "Group",
      entityId: input.groupId,
      metadata: { isPrioritized: input.prioritized, version: input.version + 1 },
    });
    return { id: input.groupId };
  });
}

/**
 * Records that a person belongs (or belonged) to a group: a period, a role, which agency the
 * intelligence comes from, how sure it is, and when it must be reviewed. A person has at most one
 * open membership per group.
 */
export async function addMembership({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TAddMembership;
  now?: Date;
}): Promise<{ id: string }> {
  authorize(actor, "person", "update");
  return db.$transaction(async (tx) => {
    const { person, audit } = await openPerson({ actor, personId: input.personId, action: "update", tx, now });
    const group = await tx.group.findFirst({
      where: { AND: [groupWhere(actor, "read"), { id: input.groupId }] },
      select: { id: true },
    });
    if (!group) throw new RuleError("unknownGroup", "groupId");
    if (!input.validTo) {
      const open = await tx.membership.count({
        where: { AND: [membershipWhere(actor), { personId: person.id, groupId: group.id }, currentMembership(now)] },
      });
      if (open > 0) throw new RuleError("alreadyMember", "groupId");
    }
    const membership = await tx.membership.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        groupId: group.id,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        role: input.role,
        sourceAgency: input.sourceAgency,
        confidence: input.confidence,
        reviewDueOn: input.reviewDueOn,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await audit({
      action: "CREATE",
      entityType: "Membership",
      entityId: membership.id,
      metadata: {
        groupId: group.id,
        role: input.role,
        confidence: input.confidence,
        sourceAgency: input.sourceAgency,
        ended: Boolean(input.validTo),
      },
    });
    return membership;
  });
}

/** Edits a membership (end it, regrade it, mark it reviewed) with optimistic locking. */
export async function updateMembership({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TUpdateMembership;
  now?: Date;
}): Promise<{ personId: string }> {
  const where = membershipWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await tx.membership.findFirst({
      where: { AND: [where, { id: input.membershipId }] },
      select: { id: true, personId: true, groupId: true },
    });
    if (!current) throw new NotFoundError("membership");
    const { audit } = await openPerson({ actor, personId: current.personId, tx, now });
    await updateVersioned(tx.membership, {
      where,
      id: current.id,
      version: input.version,
      data: {
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        role: input.role,
        sourceAgency: input.sourceAgency,
        confidence: input.confidence,
        reviewDueOn: input.reviewDueOn,
        ...(input.markReviewed ? { reviewedAt: now } : {}),
      },
    });
    await audit({
      action: "UPDATE",
      entityType: "Membership",
      entityId: current.id,
      metadata: {
        groupId: current.groupId,
        role: input.role,
        confidence: input.confidence,
        ended: Boolean(input.validTo),
        reviewed: input.markReviewed,
        version: input.version + 1,
      },
    });
    return { personId: current.personId };
  });
}
