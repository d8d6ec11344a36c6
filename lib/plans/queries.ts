import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency, PlanMeasureStatus } from "@/lib/generated/prisma/enums";
import { recordAuditNow } from "@/lib/audit";
import { authorize, can, planMeasureWhere, planResponsibleWhere, planWhere, type Actor } from "@/lib/authz";
import { openPerson } from "@/lib/caseload-gate";
import { db, type Tx } from "@/lib/db";
import { recordDisclosures, type DisclosureItem } from "@/lib/disclosure";
import { NotFoundError } from "@/lib/errors";
import { fullName } from "@/lib/people/resolve";
import { todayDateOnly } from "@/lib/validation/activity-fields";
import { isUuid } from "@/lib/validation/ids";
import { DUE_SOON_DAYS, OPEN_MEASURE_STATUSES } from "./schemas";

/*
 * The individual plan (issue 15; docs/confidentiality.md, "The individual plan"). The header (goals,
 * review date) is the three agencies' joint record. Each measure is its owner agency's own
 * information: planMeasureWhere lets another agency's measure through only under the person's
 * consent covering PLAN_MEASURE from the owner to the viewer, confirmed by the owner; every such
 * measure returned is recorded as a disclosure (lib/disclosure) before it is shown. Only the owner
 * agency changes a measure (mutations.ts). MANAGER and ADMIN hold no grant: not found.
 */

const AGENCIES: readonly Agency[] = ["POLICE", "SOCIAL", "PROBATION"];

const MEASURE_SELECT = {
  id: true,
  planId: true,
  personId: true,
  agency: true,
  title: true,
  description: true,
  dueOn: true,
  status: true,
  statusChangedAt: true,
  version: true,
  responsible: { select: { id: true, name: true } },
} satisfies Prisma.PlanMeasureSelect;

type MeasureRow = Prisma.PlanMeasureGetPayload<{ select: typeof MEASURE_SELECT }>;
export type PlanMeasureItem = MeasureRow & { isOpen: boolean; isOverdue: boolean; isOwn: boolean };

const isOpenStatus = (status: PlanMeasureStatus) => (OPEN_MEASURE_STATUSES as readonly string[]).includes(status);

function toItem(actor: Actor, row: MeasureRow, today: Date): PlanMeasureItem {
  const isOpen = isOpenStatus(row.status);
  return { ...row, isOpen, isOverdue: isOpen && row.dueOn < today, isOwn: row.agency === actor.agency };
}

/** Another agency's measures among `rows`, as disclosures (own ones are left out by recordDisclosures). */
function disclosuresOf(rows: { id: string; personId: string; agency: Agency }[]): DisclosureItem[] {
  return rows.map((m) => ({
    personId: m.personId,
    fromAgency: m.agency,
    kind: "PLAN_MEASURE" as const,
    entityType: "PlanMeasure" as const,
    entityId: m.id,
  }));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Open measures due within DUE_SOON_DAYS of `now`'s Stockholm date, or overdue. */
function dueWhere(now: Date): Prisma.PlanMeasureWhereInput {
  return { status: { in: [...OPEN_MEASURE_STATUSES] }, dueOn: { lte: addDays(todayDateOnly(now), DUE_SOON_DAYS) } };
}

const PLAN_SELECT = {
  id: true,
  goals: true,
  reviewOn: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { name: true } },
  updatedBy: { select: { name: true } },
} satisfies Prisma.IndividualPlanSelect;

export type PlanView = {
  person: { id: string; name: string };
  plan: (Prisma.IndividualPlanGetPayload<{ select: typeof PLAN_SELECT }> & { isReviewOverdue: boolean }) | null;
  /** The measures the actor may see, per owner agency: the actor's own agency first. */
  groups: { agency: Agency; measures: PlanMeasureItem[] }[];
  can: { editPlan: boolean; addMeasure: boolean };
};

/**
 * A person's individual plan as the actor may see it: the header, and the measures of the actor's
 * own agency and of each agency whose measures the person's consent opens to the actor's. Behind
 * the caseload gate; the read is audited and each other agency's measure shown is a disclosure.
 */
export async function getPlan({
  actor,
  personId,
  now = new Date(),
}: {
  actor: Actor;
  personId: string;
  now?: Date;
}): Promise<PlanView> {
  const planScope = planWhere(actor, "read");
  const measureScope = planMeasureWhere(actor, "read");
  const { person, audit } = await openPerson({
    actor,
    personId,
    now,
    select: { firstName: true, lastName: true },
  });
  const plan = await db.individualPlan.findFirst({
    where: { AND: [planScope, { personId: person.id }] },
    select: PLAN_SELECT,
  });
  const rows = plan
    ? await db.planMeasure.findMany({
        where: { AND: [measureScope, { planId: plan.id }] },
        select: MEASURE_SELECT,
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        take: 300,
      })
    : [];
  await db.$transaction(async (tx) => {
    await audit(
      {
        action: "READ",
        entityType: "IndividualPlan",
        entityId: plan?.id,
        metadata: { shownMeasureIds: rows.map((m) => m.id) },
      },
      { tx },
    );
    await recordDisclosures(actor, disclosuresOf(rows), { tx, now });
  });
  const today = todayDateOnly(now);
  const items = rows.map((r) => toItem(actor, r, today));
  const order = [actor.agency, ...AGENCIES.filter((a) => a !== actor.agency)];
  return {
    person: { id: person.id, name: fullName(person) },
    plan: plan ? { ...plan, isReviewOverdue: plan.reviewOn !== null && plan.reviewOn < today } : null,
    groups: order
      .map((agency) => ({ agency: agency!, measures: items.filter((m) => m.agency === agency) }))
      .filter((g) => g.agency === actor.agency || g.measures.length > 0),
    can: {
      editPlan: can(actor, "plan", plan ? "update" : "create"),
      addMeasure: plan !== null && can(actor, "planMeasure", "create"),
    },
  };
}

/** The plan header's form: the person, and the plan's current values when there is one. */
export async function getPlanForEdit({ actor, personId }: { actor: Actor; personId: string }) {
  const scope = planWhere(actor, "read");
  authorize(actor, "plan", "update");
  const { person, audit } = await openPerson({ actor, personId, select: { firstName: true, lastName: true } });
  const plan = await db.individualPlan.findFirst({
    where: { AND: [scope, { personId: person.id }] },
    select: { id: true, goals: true, reviewOn: true, version: true },
  });
  await audit({ action: "READ", entityType: "IndividualPlan", entityId: plan?.id, metadata: { purpose: "edit" } });
  return { person: { id: person.id, name: fullName(person) }, plan };
}

/** Active users of the actor's own agency at the site: who may be responsible for its measures. */
export async function listResponsibles(actor: Actor, tx: Tx = db as unknown as Tx) {
  return tx.user.findMany({
    where: planResponsibleWhere(actor),
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 200,
  });
}

/** The "add a measure" form: the person, the plan, and the actor's colleagues to make responsible. */
export async function getMeasureFormOptions({ actor, personId }: { actor: Actor; personId: string }) {
  authorize(actor, "planMeasure", "create");
  const { person, audit } = await openPerson({ actor, personId, select: { firstName: true, lastName: true } });
  const plan = await db.individualPlan.findFirst({
    where: { AND: [planWhere(actor, "read"), { personId: person.id }] },
    select: { id: true },
  });
  if (!plan) throw new NotFoundError("plan");
  await audit({ action: "READ", entityType: "IndividualPlan", entityId: plan.id, metadata: { purpose: "newMeasure" } });
  return {
    person: { id: person.id, name: fullName(person) },
    planId: plan.id,
    responsibles: await listResponsibles(actor),
  };
}

/**
 * One measure with its dated history. Another agency's measure (under consent) is a disclosure,
 * and shows the history's statuses and dates but not the owner's comments. Editing forms: owner only.
 */
export async function getPlanMeasure({
  actor,
  measureId,
  now = new Date(),
}: {
  actor: Actor;
  measureId: string;
  now?: Date;
}) {
  if (!isUuid(measureId)) throw new NotFoundError("planMeasure");
  const row = await db.planMeasure.findFirst({
    where: { AND: [planMeasureWhere(actor, "read"), { id: measureId }] },
    select: {
      ...MEASURE_SELECT,
      createdAt: true,
      createdBy: { select: { name: true } },
      person: { select: { firstName: true, lastName: true } },
      history: {
        orderBy: [{ changedAt: "desc" }, { id: "desc" }],
        take: 100,
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          changedAt: true,
          comment: true,
          changedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!row) throw new NotFoundError("planMeasure");
  const { audit } = await openPerson({ actor, personId: row.personId, now });
  await db.$transaction(async (tx) => {
    await audit({ action: "READ", entityType: "PlanMeasure", entityId: row.id }, { tx });
    await recordDisclosures(actor, disclosuresOf([row]), { tx, now });
  });
  const isOwn = row.agency === actor.agency && can(actor, "planMeasure", "update");
  const { person, history, createdBy, createdAt, ...rest } = row;
  return {
    measure: {
      ...toItem(actor, rest, todayDateOnly(now)),
      personName: fullName(person),
      createdAt,
      createdByName: createdBy.name,
      // The comments are the owner's working notes: another agency sees what happened and when.
      history: history.map((h) => ({ ...h, comment: isOwn ? h.comment : null })),
    },
    isOwn,
    responsibles: isOwn ? await listResponsibles(actor) : [],
  };
}

export type DueMeasure = {
  id: string;
  personId: string;
  personName: string;
  agency: Agency;
  title: string;
  dueOn: Date;
  status: PlanMeasureStatus;
  responsibleName: string;
  isOverdue: boolean;
};

const DUE_SELECT = {
  id: true,
  personId: true,
  agency: true,
  title: true,
  dueOn: true,
  status: true,
  responsible: { select: { name: true } },
  person: { select: { firstName: true, lastName: true } },
} satisfies Prisma.PlanMeasureSelect;

function toDue(row: Prisma.PlanMeasureGetPayload<{ select: typeof DUE_SELECT }>, today: Date): DueMeasure {
  const { person, responsible, ...rest } = row;
  return { ...rest, personName: fullName(person), responsibleName: responsible.name, isOverdue: rest.dueOn < today };
}

/** The actor's own measures to do: responsible, open, due within DUE_SOON_DAYS or overdue. */
function mineDueWhere(actor: Actor, now: Date): Prisma.PlanMeasureWhereInput {
  const scope = planMeasureWhere(actor, "list");
  return { AND: [scope, { agency: actor.agency!, responsibleId: actor.id }, dueWhere(now)] };
}

/**
 * For the to-do list: the measures the actor is responsible for that are not done or dropped and
 * are due within a week of `now` (Stockholm's date) or overdue, earliest first. Always the actor's
 * own agency's (a responsible is of the owner agency). Names people: the list is audited.
 */
export async function listDueMeasuresForUser(actor: Actor, now: Date = new Date(), take = 100): Promise<DueMeasure[]> {
  const rows = await db.planMeasure.findMany({
    where: mineDueWhere(actor, now),
    select: DUE_SELECT,
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take,
  });
  const today = todayDateOnly(now);
  const items = rows.map((r) => toDue(r, today));
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "PlanMeasure",
    metadata: {
      view: "due",
      shownMeasureIds: items.map((i) => i.id),
      shownPersonIds: [...new Set(items.map((i) => i.personId))],
    },
  });
  return items;
}

/** The count for the header's to-do badge: a number only, no personal data, so no audit event. */
export async function countDueMeasuresForUser(
  actor: Actor,
  now: Date = new Date(),
): Promise<{ due: number; overdue: number }> {
  const where = mineDueWhere(actor, now);
  const [due, overdue] = await Promise.all([
    db.planMeasure.count({ where }),
    db.planMeasure.count({ where: { AND: [where, { dueOn: { lt: todayDateOnly(now) } }] } }),
  ]);
  return { due, overdue };
}

/**
 * For a coordination meeting's agenda: the person's open measures the actor may see (their own
 * agency's, and others' under consent), due within a week of `now` or overdue. Behind the caseload
 * gate like every read about a person; audited, and each other agency's measure is a disclosure.
 */
export async function listDueMeasuresForPerson(
  actor: Actor,
  personId: string,
  now: Date = new Date(),
): Promise<DueMeasure[]> {
  const scope = planMeasureWhere(actor, "list");
  const { person, audit } = await openPerson({ actor, personId, now });
  const rows = await db.planMeasure.findMany({
    where: { AND: [scope, { personId: person.id }, dueWhere(now)] },
    select: DUE_SELECT,
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: 100,
  });
  await db.$transaction(async (tx) => {
    await audit(
      {
        action: "READ",
        entityType: "PlanMeasure",
        metadata: { view: "dueForPerson", shownMeasureIds: rows.map((m) => m.id) },
      },
      { tx },
    );
    await recordDisclosures(actor, disclosuresOf(rows), { tx, now });
  });
  const today = todayDateOnly(now);
  return rows.map((r) => toDue(r, today));
}
