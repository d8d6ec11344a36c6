import "server-only";
import { openPerson, type OpenPerson } from "@/lib/caseload-gate";
import { authorize, colleagueWhere, plannedVisitWhere, roundWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import type { TCancelPlannedVisit, TPlanVisit } from "./schemas";

/** Team members must be active colleagues of the actor's site (as a notification's participants). */
async function checkTeam(tx: Tx, actor: Actor, teamIds: string[]) {
  if (teamIds.length === 0) return;
  const found = await tx.user.count({ where: { AND: [colleagueWhere(actor), { id: { in: teamIds } }] } });
  if (found !== teamIds.length) throw new RuleError("unknownParticipant", "teamIds");
}

/** A round chosen in a form must be one of the actor's site. */
export async function checkRound(tx: Tx, actor: Actor, roundId: string | undefined, field = "roundId") {
  if (!roundId) return;
  const found = await tx.notificationRound.count({ where: { AND: [roundWhere(actor, "read"), { id: roundId }] } });
  if (found !== 1) throw new RuleError("unknownRound", field);
}

/** Plans a custom notification: person (behind the caseload gate), window, place, team, round. Audited. */
export async function planVisit({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TPlanVisit;
  now?: Date;
}): Promise<{ id: string }> {
  authorize(actor, "plannedVisit", "create");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("plannedVisit");
  if (input.windowEndsOn < input.windowStartsOn) throw new RuleError("endBeforeStart", "windowEndsOn");
  return db.$transaction(async (tx) => {
    const { person, audit } = await openPerson({ actor, personId: input.personId, tx, now });
    await checkTeam(tx, actor, input.teamIds);
    await checkRound(tx, actor, input.roundId);
    const plan = await tx.plannedVisit.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        roundId: input.roundId ?? null,
        windowStartsOn: input.windowStartsOn,
        windowEndsOn: input.windowEndsOn,
        placeType: input.placeType,
        placeDescription: input.placeDescription ?? null,
        createdById: actor.id,
        createdByAgency: agency,
        team: { create: input.teamIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    await audit({
      action: "CREATE",
      entityType: "PlannedVisit",
      entityId: plan.id,
      metadata: { team: input.teamIds, roundId: input.roundId ?? null },
    });
    return plan;
  });
}

/**
 * Logging the visit of a plan: links the notification just made to the plan and marks it done, in
 * the notification's own transaction (lib/notifications/mutations.ts#logNotification). A plan of
 * another person, already logged, or not the actor's to change refuses the whole save.
 */
export async function completePlannedVisit(
  tx: Tx,
  actor: Actor,
  {
    plannedVisitId,
    personId,
    notificationId,
    audit,
    now = new Date(),
  }: {
    plannedVisitId: string;
    personId: string;
    notificationId: string;
    audit: OpenPerson<unknown>["audit"];
    now?: Date;
  },
): Promise<void> {
  const { count } = await tx.plannedVisit.updateMany({
    where: {
      AND: [plannedVisitWhere(actor, "update"), { id: plannedVisitId, personId, doneAt: null, cancelledAt: null }],
    },
    data: { notificationId, doneAt: now, version: { increment: 1 } },
  });
  if (count !== 1) throw new RuleError("planAlreadyLogged", "plannedVisitId");
  await audit({
    action: "UPDATE",
    entityType: "PlannedVisit",
    entityId: plannedVisitId,
    metadata: { done: true, notificationId },
  });
}

/**
 * Calls a planned visit off before it is made: it then counts as neither done nor missed, and
 * leaves the to-do lists. Any agency of the site may (as any may log it); a plan already logged or
 * called off is refused, a stale version is a conflict. Audited, behind the caseload gate.
 */
export async function cancelPlannedVisit({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TCancelPlannedVisit;
  now?: Date;
}): Promise<{ id: string }> {
  const where = plannedVisitWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const plan = await tx.plannedVisit.findFirst({
      where: { AND: [where, { id: input.plannedVisitId }] },
      select: { id: true, personId: true, doneAt: true, cancelledAt: true },
    });
    if (!plan) throw new NotFoundError("plannedVisit");
    const { audit } = await openPerson({ actor, personId: plan.personId, tx, now });
    if (plan.doneAt || plan.cancelledAt) throw new RuleError("planAlreadyLogged");
    await updateVersioned(tx.plannedVisit, {
      where: { AND: [where, { doneAt: null, cancelledAt: null }] },
      id: plan.id,
      version: input.version,
      data: { cancelledAt: now },
    });
    await audit({ action: "UPDATE", entityType: "PlannedVisit", entityId: plan.id, metadata: { cancelled: true } });
    return { id: plan.id };
  });
}
