import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { openPerson } from "@/lib/caseload-gate";
import { assignmentWhere, coordinatorCandidateWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import type { Agency } from "@/lib/generated/prisma/enums";
import type { AccessReasonInput } from "@/lib/caseload-gate";
import {
  HANDOVER_LIMIT,
  type TAddAssignment,
  type TEndAssignment,
  type THandOverCaseload,
  type THandOverPeople,
} from "./schemas";

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

/*
 * Handing a caseload over (issue 15). Who may: whoever may change the agency's assignments today,
 * that is every user of the agency at the site (person: update, and assignmentWhere's "own agency
 * only" for changes); the permission map has no separate lead or manager role for an agency, and
 * MANAGER sees figures only, never people. So a coordinator hands over people of their own
 * caseload, and any coordinator of the same agency (the one who covers, or the lead) can hand a
 * leaving colleague's whole caseload to another colleague, as each could end and add those
 * assignments one by one on the people's coordinator pages. Only to an active colleague of the
 * same agency and site; from a colleague of the same agency and site (active or already
 * deactivated: a leaver's account may be closed first). One transaction for all of it, through
 * openPerson per person (the caseload gate, the audit events with the person and the reason, the
 * retention clock), and the caseload summaries follow through their trigger.
 */

/** Users of the actor's agency and site, whether active or not (a leaver may be deactivated already). */
function agencyColleagueWhere(actor: Actor) {
  const { isActive: _active, ...sameAgency } = coordinatorCandidateWhere(actor);
  return sameAgency;
}

async function handOver({
  actor,
  fromUserId,
  toUserId,
  toField,
  personIds,
  reason,
  now,
}: {
  actor: Actor;
  fromUserId: string;
  toUserId: string;
  /** The form's field that chose the colleague, for its error. */
  toField: string;
  /** null: the whole caseload. */
  personIds: string[] | null;
  reason?: AccessReasonInput;
  now: Date;
}): Promise<{ count: number }> {
  const where = assignmentWhere(actor, "update");
  const agency = agencyOf(actor);
  try {
    return await db.$transaction(
      async (tx) => {
        const to = await tx.user.findFirst({
          where: { AND: [coordinatorCandidateWhere(actor), { id: toUserId }] },
          select: { id: true },
        });
        if (!to) throw new RuleError("unknownCoordinator", toField);
        if (fromUserId !== actor.id) {
          const from = await tx.user.count({ where: { AND: [agencyColleagueWhere(actor), { id: fromUserId }] } });
          if (from !== 1) throw new RuleError("unknownCoordinator", "fromUserId");
        }
        if (to.id === fromUserId) throw new RuleError("sameCoordinator", toField);
        const assignments = await tx.assignment.findMany({
          where: {
            AND: [where, { userId: fromUserId, endedAt: null }, personIds ? { personId: { in: personIds } } : {}],
          },
          select: { id: true, personId: true },
          orderBy: { id: "asc" },
          take: HANDOVER_LIMIT + 1,
        });
        if (assignments.length > HANDOVER_LIMIT) throw new RuleError("tooMany", personIds ? "personIds" : "fromUserId");
        if (personIds && assignments.length !== personIds.length) throw new RuleError("unknownPerson", "personIds");
        if (assignments.length === 0) throw new RuleError("noCaseload", "fromUserId");
        const alreadyTo = new Set(
          (
            await tx.assignment.findMany({
              where: {
                AND: [where, { userId: to.id, endedAt: null, personId: { in: assignments.map((a) => a.personId) } }],
              },
              select: { personId: true },
            })
          ).map((a) => a.personId),
        );
        for (const old of assignments) {
          // The gate per person: the actor's own people pass as their caseload; a colleague's need
          // the reason the form carries, recorded in this transaction with the change it is for.
          const { audit } = await openPerson({ actor, personId: old.personId, action: "update", reason, tx, now });
          const ended = await tx.assignment.updateMany({
            where: { AND: [where, { id: old.id, endedAt: null }] },
            data: { endedAt: now },
          });
          if (ended.count !== 1) throw new RuleError("alreadyEnded");
          await audit({
            action: "UPDATE",
            entityType: "Assignment",
            entityId: old.id,
            metadata: { fields: ["endedAt"], agency, userId: fromUserId, handover: { toUserId: to.id } },
          });
          // Already a coordinator of the person: the hand-over only ends the other one.
          if (alreadyTo.has(old.personId)) continue;
          const created = await tx.assignment.create({
            data: { siteId: actor.siteId, personId: old.personId, userId: to.id, agency, createdById: actor.id },
            select: { id: true },
          });
          await audit({
            action: "CREATE",
            entityType: "Assignment",
            entityId: created.id,
            metadata: { agency, userId: to.id, self: to.id === actor.id, handover: { fromUserId } },
          });
        }
        return { count: assignments.length };
      },
      // A whole caseload is a few hundred statements: more than the default five seconds under load.
      { timeout: 60_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError();
    throw error;
  }
}

/** "Lämna över": the chosen people of the actor's own caseload to a colleague. */
export async function handOverPeople({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: THandOverPeople;
  now?: Date;
}): Promise<{ count: number }> {
  return handOver({
    actor,
    fromUserId: actor.id,
    toUserId: input.toUserId,
    toField: "toUserId",
    personIds: input.personIds,
    now,
  });
}

/** A colleague's whole caseload (a leaving coordinator's) to another colleague, with the gate's reason. */
export async function handOverCaseload({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: THandOverCaseload;
  now?: Date;
}): Promise<{ count: number }> {
  return handOver({
    actor,
    fromUserId: input.fromUserId,
    toUserId: input.successorId,
    toField: "successorId",
    personIds: null,
    reason: { code: input.reasonCode, text: input.reasonText },
    now,
  });
}
