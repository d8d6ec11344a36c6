import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { openPerson } from "@/lib/caseload-gate";
import { assignmentWhere, coordinatorCandidateWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import type { Agency } from "@/lib/generated/prisma/enums";
import type { TAddAssignment, TEndAssignment } from "./schemas";

/** The actor's agency; the where builder has already refused actors without one. */
function agencyOf(actor: Actor): Agency {
  if (!actor.agency) throw new NotFoundError("assignment");
  return actor.agency;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Makes the actor (taking the person on) or a colleague of the same agency and site a coordinator
 * of the person for that agency. One active assignment per person and user: the partial unique
 * index settles two simultaneous saves, and the loser gets the same answer as a late one.
 * Audited in the same transaction; the caseload summary follows through its trigger.
 */
export async function addAssignment({
  actor,
  input,
}: {
  actor: Actor;
  input: TAddAssignment;
}): Promise<{ id: string }> {
  const where = assignmentWhere(actor, "create");
  const agency = agencyOf(actor);
  try {
    return await db.$transaction(async (tx) => {
      // The caseload gate guards writes too: the form is on a gated page, a hand-made request is not.
      const { person, audit } = await openPerson({ actor, personId: input.personId, action: "update", tx });
      const coordinator = await tx.user.findFirst({
        where: { AND: [coordinatorCandidateWhere(actor), { id: input.userId }] },
        select: { id: true },
      });
      if (!coordinator) throw new RuleError("unknownCoordinator", "userId");
      const active = await tx.assignment.count({
        where: { AND: [where, { personId: person.id, userId: coordinator.id, endedAt: null }] },
      });
      if (active > 0) throw new RuleError("alreadyCoordinator", "userId");
      const assignment = await tx.assignment.create({
        data: { siteId: actor.siteId, personId: person.id, userId: coordinator.id, agency, createdById: actor.id },
        select: { id: true },
      });
      await audit({
        action: "CREATE",
        entityType: "Assignment",
        entityId: assignment.id,
        metadata: { agency, userId: coordinator.id, self: coordinator.id === actor.id },
      });
      return assignment;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleError("alreadyCoordinator", "userId");
    throw error;
  }
}

/**
 * Ends an assignment of the actor's own agency (a hand-over is ending one and adding another).
 * The row stays, with its end, as the person's history. Ending only what is still active makes
 * two simultaneous "end" clicks one change and one "already ended".
 */
export async function endAssignment({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TEndAssignment;
  now?: Date;
}): Promise<{ personId: string }> {
  const where = assignmentWhere(actor, "update");
  const assignment = await db.assignment.findFirst({
    where: { AND: [where, { id: input.assignmentId }] },
    select: { id: true, personId: true, userId: true, agency: true, endedAt: true },
  });
  if (!assignment) throw new NotFoundError("assignment");
  await db.$transaction(async (tx) => {
    const { audit } = await openPerson({ actor, personId: assignment.personId, tx });
    if (assignment.endedAt) throw new RuleError("alreadyEnded");
    const ended = await tx.assignment.updateMany({
      where: { AND: [where, { id: assignment.id, endedAt: null }] },
      data: { endedAt: now },
    });
    if (ended.count !== 1) throw new RuleError("alreadyEnded");
    await audit({
      action: "UPDATE",
      entityType: "Assignment",
      entityId: assignment.id,
      metadata: {
        fields: ["endedAt"],
        agency: assignment.agency,
        userId: assignment.userId,
        self: assignment.userId === actor.id,
      },
    });
  });
  return { personId: assignment.personId };
}
