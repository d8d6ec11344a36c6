import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { openPerson } from "@/lib/caseload-gate";
import { authorize, planMeasureWhere, planResponsibleWhere, planWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import type { TAddPlanMeasure, TChangePlanMeasureStatus, TCreatePlan, TEditPlanMeasure, TUpdatePlan } from "./schemas";

/*
 * Writing the individual plan. The header is the three agencies' joint record: any of them starts
 * and edits it. A measure is its owner agency's information: only the owner adds or changes one;
 * a consent that shows it to another agency never lets that agency change it (planMeasureWhere's
 * create/update scope is the actor's own agency). Every change is audited in its transaction,
 * behind the caseload gate of the person (openPerson).
 */

/** The responsible user: the actor by default, else an active colleague of the actor's agency. */
async function checkResponsible(tx: Tx, actor: Actor, userId: string | undefined): Promise<string> {
  if (!userId || userId === actor.id) return actor.id;
  const found = await tx.user.count({ where: { AND: [planResponsibleWhere(actor), { id: userId }] } });
  if (found !== 1) throw new RuleError("unknownResponsible", "responsibleId");
  return userId;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Starts a person's individual plan. One per person: a second is refused ("planExists"). */
export async function createPlan({
  actor,
  input,
}: {
  actor: Actor;
  input: TCreatePlan;
}): Promise<{ personId: string }> {
  authorize(actor, "plan", "create");
  try {
    return await db.$transaction(async (tx) => {
      const { person, audit } = await openPerson({ actor, personId: input.personId, tx });
      if ((await tx.individualPlan.count({ where: { personId: person.id } })) > 0) throw new RuleError("planExists");
      const plan = await tx.individualPlan.create({
        data: {
          siteId: actor.siteId,
          personId: person.id,
          goals: input.goals,
          reviewOn: input.reviewOn ?? null,
          createdById: actor.id,
          updatedById: actor.id,
        },
        select: { id: true },
      });
      await audit({
        action: "CREATE",
        entityType: "IndividualPlan",
        entityId: plan.id,
        metadata: { reviewOn: input.reviewOn?.toISOString().slice(0, 10) ?? null },
      });
      return { personId: person.id };
    });
  } catch (error) {
    // Two agencies starting the plan at the same moment: the second learns it exists.
    if (isUniqueViolation(error)) throw new RuleError("planExists");
    throw error;
  }
}

/** Changes the plan's goals and review date, as seen (version). */
export async function updatePlan({
  actor,
  input,
}: {
  actor: Actor;
  input: TUpdatePlan;
}): Promise<{ personId: string }> {
  const where = planWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await tx.individualPlan.findFirst({
      where: { AND: [where, { id: input.planId }] },
      select: { id: true, personId: true },
    });
    if (!current) throw new NotFoundError("plan");
    const { audit } = await openPerson({ actor, personId: current.personId, tx });
    await updateVersioned(tx.individualPlan, {
      where,
      id: current.id,
      version: input.version,
      data: { goals: input.goals, reviewOn: input.reviewOn ?? null, updatedById: actor.id },
    });
    await audit({
      action: "UPDATE",
      entityType: "IndividualPlan",
      entityId: current.id,
      metadata: { reviewOn: input.reviewOn?.toISOString().slice(0, 10) ?? null },
    });
    return { personId: current.personId };
  });
}

/** Adds a measure to the plan as the actor's own agency's, its first step "planned" in the history. */
export async function addPlanMeasure({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TAddPlanMeasure;
  now?: Date;
}): Promise<{ id: string; personId: string }> {
  authorize(actor, "planMeasure", "create");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("planMeasure");
  return db.$transaction(async (tx) => {
    const plan = await tx.individualPlan.findFirst({
      where: { AND: [planWhere(actor, "read"), { id: input.planId }] },
      select: { id: true, personId: true },
    });
    if (!plan) throw new NotFoundError("plan");
    const { audit } = await openPerson({ actor, personId: plan.personId, tx, now });
    const responsibleId = await checkResponsible(tx, actor, input.responsibleId);
    const measure = await tx.planMeasure.create({
      data: {
        siteId: actor.siteId,
        planId: plan.id,
        personId: plan.personId,
        agency,
        title: input.title,
        description: input.description ?? null,
        responsibleId,
        dueOn: input.dueOn,
        status: "PLANNED",
        statusChangedAt: now,
        createdById: actor.id,
        history: { create: { fromStatus: null, toStatus: "PLANNED", changedAt: now, changedById: actor.id } },
      },
      select: { id: true },
    });
    await audit({
      action: "CREATE",
      entityType: "PlanMeasure",
      entityId: measure.id,
      metadata: { agency, responsibleId, dueOn: input.dueOn.toISOString().slice(0, 10) },
    });
    return { id: measure.id, personId: plan.personId };
  });
}

/** The agency's own measure to change, behind the caseload gate of its person. */
async function openOwnMeasure(tx: Tx, actor: Actor, id: string, now: Date) {
  const where = planMeasureWhere(actor, "update");
  const current = await tx.planMeasure.findFirst({
    where: { AND: [where, { id }] },
    select: { id: true, personId: true, status: true, version: true },
  });
  if (!current) throw new NotFoundError("planMeasure");
  const { audit } = await openPerson({ actor, personId: current.personId, tx, now });
  return { ...current, where, audit };
}

/** Rewords, reassigns or reschedules one of the agency's own measures, as seen (version). */
export async function editPlanMeasure({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TEditPlanMeasure;
  now?: Date;
}): Promise<{ id: string; personId: string }> {
  return db.$transaction(async (tx) => {
    const current = await openOwnMeasure(tx, actor, input.measureId, now);
    const responsibleId = await checkResponsible(tx, actor, input.responsibleId);
    await updateVersioned(tx.planMeasure, {
      where: current.where,
      id: current.id,
      version: input.version,
      data: { title: input.title, description: input.description ?? null, responsibleId, dueOn: input.dueOn },
    });
    await current.audit({
      action: "UPDATE",
      entityType: "PlanMeasure",
      entityId: current.id,
      metadata: { responsibleId, dueOn: input.dueOn.toISOString().slice(0, 10) },
    });
    return { id: current.id, personId: current.personId };
  });
}

/** Moves one of the agency's own measures to another status, dated in its history. */
export async function changePlanMeasureStatus({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TChangePlanMeasureStatus;
  now?: Date;
}): Promise<{ id: string; personId: string }> {
  return db.$transaction(async (tx) => {
    const current = await openOwnMeasure(tx, actor, input.measureId, now);
    if (current.version !== input.version) throw new ConflictError();
    if (current.status === input.toStatus) throw new RuleError("sameMeasureStatus", "toStatus");
    await updateVersioned(tx.planMeasure, {
      where: current.where,
      id: current.id,
      version: input.version,
      data: { status: input.toStatus, statusChangedAt: now },
    });
    await tx.planMeasureStatusChange.create({
      data: {
        measureId: current.id,
        fromStatus: current.status,
        toStatus: input.toStatus,
        changedAt: now,
        changedById: actor.id,
        comment: input.comment ?? null,
      },
    });
    await current.audit({
      action: "UPDATE",
      entityType: "PlanMeasure",
      entityId: current.id,
      metadata: { fromStatus: current.status, toStatus: input.toStatus },
    });
    return { id: current.id, personId: current.personId };
  });
}
