import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditNow } from "@/lib/audit";
import {
  can,
  consentWhere,
  followUpWhere,
  membershipWhere,
  planMeasureWhere,
  plannedVisitWhere,
  taskWhere,
  type Actor,
} from "@/lib/authz";
import { db } from "@/lib/db";
import { fullName } from "@/lib/people/resolve";
import { todayDateOnly } from "@/lib/validation/activity-fields";
import { CONSENT_NOTICE_DAYS, DUE_DAYS, TODO_KINDS, totalOf, type TodoCounts, type TodoKind } from "./kinds";

export { DUE_DAYS, TODO_KINDS, totalOf, type TodoCounts, type TodoKind };

/*
 * "Att göra": what is due for one user, from every kind of work that has a date and an owner
 * (issue 15). Each source is one small query through its where-builder; the header's count and
 * the daily e-mail digest use the counts only (no personal data), the page lists the items (a
 * read, audited). "Due" is the next DUE_DAYS days from today (Swedish calendar day); overdue is
 * anything before today that is not done.
 */

export type TodoItem = {
  kind: TodoKind;
  id: string;
  personId: string | null;
  personName: string | null;
  /** What it is about beyond the person (a group's name): never free text about the person. */
  detail: string | null;
  dueOn: Date;
  isOverdue: boolean;
};

type Window = { today: Date; horizon: Date };

function windowOf(now: Date): Window {
  const today = todayDateOnly(now);
  return { today, horizon: new Date(today.getTime() + DUE_DAYS * 86_400_000) };
}

type Source = {
  /** Whether the actor's role has this kind of work at all. */
  applies: (actor: Actor) => boolean;
  count: (actor: Actor, w: Window) => Promise<{ overdue: number; due: number }>;
  /** overdue + due in one query: the header's number on every page. */
  total: (actor: Actor, w: Window) => Promise<number>;
  list: (actor: Actor, w: Window) => Promise<TodoItem[]>;
};

// ───────────── the user's own follow-ups, not done ─────────────

function myFollowUps(actor: Actor): Prisma.FollowUpWhereInput {
  return { AND: [followUpWhere(actor, "list"), { agency: actor.agency!, assignedToId: actor.id, doneAt: null }] };
}

const followUps: Source = {
  applies: (actor) => can(actor, "followUp", "list") && actor.agency !== null,
  total: (actor, { horizon }) =>
    db.followUp.count({ where: { AND: [myFollowUps(actor), { dueOn: { lt: horizon } }] } }),
  count: async (actor, { today, horizon }) => {
    const [overdue, due] = await Promise.all([
      db.followUp.count({ where: { AND: [myFollowUps(actor), { dueOn: { lt: today } }] } }),
      db.followUp.count({ where: { AND: [myFollowUps(actor), { dueOn: { gte: today, lt: horizon } }] } }),
    ]);
    return { overdue, due };
  },
  list: async (actor, { today, horizon }) => {
    const rows = await db.followUp.findMany({
      where: { AND: [myFollowUps(actor), { dueOn: { lt: horizon } }] },
      select: { id: true, personId: true, dueOn: true, person: { select: { firstName: true, lastName: true } } },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: 200,
    });
    return rows.map((r) => ({
      kind: "followUp",
      id: r.id,
      personId: r.personId,
      personName: fullName(r.person),
      detail: null,
      dueOn: r.dueOn,
      isOverdue: r.dueOn < today,
    }));
  },
};

// ───────────── the measures of individual plans the user is responsible for, still open ─────────────

function myMeasures(actor: Actor): Prisma.PlanMeasureWhereInput {
  return {
    AND: [
      planMeasureWhere(actor, "list"),
      { agency: actor.agency!, responsibleId: actor.id, status: { in: ["PLANNED", "IN_PROGRESS"] } },
    ],
  };
}

const planMeasures: Source = {
  applies: (actor) => can(actor, "planMeasure", "list") && actor.agency !== null,
  total: (actor, { horizon }) =>
    db.planMeasure.count({ where: { AND: [myMeasures(actor), { dueOn: { lt: horizon } }] } }),
  count: async (actor, { today, horizon }) => {
    const [overdue, due] = await Promise.all([
      db.planMeasure.count({ where: { AND: [myMeasures(actor), { dueOn: { lt: today } }] } }),
      db.planMeasure.count({ where: { AND: [myMeasures(actor), { dueOn: { gte: today, lt: horizon } }] } }),
    ]);
    return { overdue, due };
  },
  list: async (actor, { today, horizon }) => {
    const rows = await db.planMeasure.findMany({
      where: { AND: [myMeasures(actor), { dueOn: { lt: horizon } }] },
      select: { id: true, personId: true, dueOn: true, person: { select: { firstName: true, lastName: true } } },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: 200,
    });
    return rows.map((r) => ({
      kind: "planMeasure",
      id: r.id,
      personId: r.personId,
      personName: fullName(r.person),
      detail: null,
      dueOn: r.dueOn,
      isOverdue: r.dueOn < today,
    }));
  },
};

// ───────────── tasks from the joint decisions of coordination meetings ─────────────

function myTasks(actor: Actor): Prisma.TaskWhereInput {
  return { AND: [taskWhere(actor, "list"), { responsibleId: actor.id, status: "OPEN" }] };
}

const meetingTasks: Source = {
  applies: (actor) => can(actor, "task", "list") && actor.agency !== null,
  total: (actor, { horizon }) => db.task.count({ where: { AND: [myTasks(actor), { dueOn: { lt: horizon } }] } }),
  count: async (actor, { today, horizon }) => {
    const [overdue, due] = await Promise.all([
      db.task.count({ where: { AND: [myTasks(actor), { dueOn: { lt: today } }] } }),
      db.task.count({ where: { AND: [myTasks(actor), { dueOn: { gte: today, lt: horizon } }] } }),
    ]);
    return { overdue, due };
  },
  list: async (actor, { today, horizon }) => {
    const rows = await db.task.findMany({
      where: { AND: [myTasks(actor), { dueOn: { lt: horizon } }] },
      select: {
        id: true,
        personId: true,
        dueOn: true,
        decision: { select: { meetingId: true } },
        person: { select: { firstName: true, lastName: true } },
      },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: 200,
    });
    return rows.map((r) => ({
      kind: "meetingTask",
      id: r.id,
      personId: r.personId,
      personName: fullName(r.person),
      // Where it is done: the meeting page, beside its decision.
      detail: r.decision.meetingId,
      dueOn: r.dueOn,
      isOverdue: r.dueOn < today,
    }));
  },
};

// ───────────── planned custom notifications: the user's team's, not yet logged ─────────────

/** The user is on the visit's team (or planned it), and it has not been logged as a notification. */
function myVisits(actor: Actor): Prisma.PlannedVisitWhereInput {
  return {
    AND: [
      plannedVisitWhere(actor, "list"),
      { doneAt: null, cancelledAt: null, OR: [{ team: { some: { userId: actor.id } } }, { createdById: actor.id }] },
    ],
  };
}

/** A visit is due while its window meets the coming days, overdue once the window has passed. */
const plannedVisits: Source = {
  applies: (actor) => can(actor, "plannedVisit", "list") && actor.agency !== null,
  total: (actor, { horizon }) =>
    db.plannedVisit.count({ where: { AND: [myVisits(actor), { windowStartsOn: { lt: horizon } }] } }),
  count: async (actor, { today, horizon }) => {
    const [overdue, due] = await Promise.all([
      db.plannedVisit.count({ where: { AND: [myVisits(actor), { windowEndsOn: { lt: today } }] } }),
      db.plannedVisit.count({
        where: { AND: [myVisits(actor), { windowEndsOn: { gte: today }, windowStartsOn: { lt: horizon } }] },
      }),
    ]);
    return { overdue, due };
  },
  list: async (actor, { today, horizon }) => {
    const rows = await db.plannedVisit.findMany({
      where: { AND: [myVisits(actor), { windowStartsOn: { lt: horizon } }] },
      select: {
        id: true,
        personId: true,
        windowEndsOn: true,
        person: { select: { firstName: true, lastName: true } },
      },
      orderBy: [{ windowEndsOn: "asc" }, { id: "asc" }],
      take: 200,
    });
    return rows.map((r) => ({
      kind: "plannedVisit",
      id: r.id,
      personId: r.personId,
      personName: fullName(r.person),
      detail: null,
      dueOn: r.windowEndsOn,
      isOverdue: r.windowEndsOn < today,
    }));
  },
};

// ───────────── membership assessments to review: the actor's agency's, for the actor's caseload ─────────────

/**
 * A membership is the assessment of the agency that recorded it (sourceAgency), kept only while it
 * is reviewed: the review falls to that agency's coordinator of the person (their caseload).
 */
function myMembershipReviews(actor: Actor): Prisma.MembershipWhereInput {
  return {
    AND: [
      membershipWhere(actor, "list"),
      {
        validTo: null,
        sourceAgency: actor.agency!,
        person: { assignments: { some: { userId: actor.id, agency: actor.agency!, endedAt: null } } },
      },
    ],
  };
}

const membershipReviews: Source = {
  applies: (actor) => can(actor, "person", "list") && actor.agency !== null,
  total: (actor, { horizon }) =>
    db.membership.count({ where: { AND: [myMembershipReviews(actor), { reviewDueOn: { lt: horizon } }] } }),
  count: async (actor, { today, horizon }) => {
    const [overdue, due] = await Promise.all([
      db.membership.count({ where: { AND: [myMembershipReviews(actor), { reviewDueOn: { lt: today } }] } }),
      db.membership.count({
        where: { AND: [myMembershipReviews(actor), { reviewDueOn: { gte: today, lt: horizon } }] },
      }),
    ]);
    return { overdue, due };
  },
  list: async (actor, { today, horizon }) => {
    const rows = await db.membership.findMany({
      where: { AND: [myMembershipReviews(actor), { reviewDueOn: { lt: horizon } }] },
      select: {
        id: true,
        personId: true,
        reviewDueOn: true,
        person: { select: { firstName: true, lastName: true } },
        group: { select: { name: true } },
      },
      orderBy: [{ reviewDueOn: "asc" }, { id: "asc" }],
      take: 200,
    });
    return rows.map((r) => ({
      kind: "membershipReview",
      id: r.id,
      personId: r.personId,
      personName: fullName(r.person),
      detail: r.group.name,
      dueOn: r.reviewDueOn,
      isOverdue: r.reviewDueOn < today,
    }));
  },
};

// ───────────── consents given for a time, about to lapse, for the actor's caseload ─────────────

/**
 * Once a consent lapses, what it opened closes (lib/authz/scopes.ts#coveringConsentWhere): the
 * person's coordinators see it CONSENT_NOTICE_DAYS ahead, to ask for a new one in time. It is
 * never overdue: after its last day there is nothing left to renew, only a new consent to record.
 */
function myLapsingConsents(actor: Actor, { today }: Window): Prisma.ConsentWhereInput {
  return {
    AND: [
      consentWhere(actor, "list"),
      {
        withdrawnAt: null,
        validUntil: { gte: today, lt: new Date(today.getTime() + CONSENT_NOTICE_DAYS * 86_400_000) },
        person: { assignments: { some: { userId: actor.id, endedAt: null } } },
      },
    ],
  };
}

const lapsingConsents: Source = {
  applies: (actor) => can(actor, "consent", "list") && actor.agency !== null,
  count: async (actor, w) => ({ overdue: 0, due: await db.consent.count({ where: myLapsingConsents(actor, w) }) }),
  total: (actor, w) => db.consent.count({ where: myLapsingConsents(actor, w) }),
  list: async (actor, w) => {
    const rows = await db.consent.findMany({
      where: myLapsingConsents(actor, w),
      select: { id: true, personId: true, validUntil: true, person: { select: { firstName: true, lastName: true } } },
      orderBy: [{ validUntil: "asc" }, { id: "asc" }],
      take: 200,
    });
    return rows.map((r) => ({
      kind: "consentLapsing",
      id: r.id,
      personId: r.personId,
      personName: fullName(r.person),
      detail: null,
      dueOn: r.validUntil!,
      isOverdue: false,
    }));
  },
};

const SOURCES: Record<TodoKind, Source> = {
  followUp: followUps,
  planMeasure: planMeasures,
  meetingTask: meetingTasks,
  plannedVisit: plannedVisits,
  membershipReview: membershipReviews,
  consentLapsing: lapsingConsents,
};

/** The counts per kind: for the header and the digest. Numbers only, so no audit event. */
export async function countTodo({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<TodoCounts> {
  const w = windowOf(now);
  const entries = await Promise.all(
    TODO_KINDS.map(async (kind) => {
      const source = SOURCES[kind];
      return [kind, source.applies(actor) ? await source.count(actor, w) : { overdue: 0, due: 0 }] as const;
    }),
  );
  return Object.fromEntries(entries) as TodoCounts;
}

/** The header's number: everything on the list (overdue and due within the week). */
export async function countTodoTotal({ actor, now }: { actor: Actor; now?: Date }): Promise<number> {
  const w = windowOf(now ?? new Date());
  const totals = await Promise.all(TODO_KINDS.map((k) => (SOURCES[k].applies(actor) ? SOURCES[k].total(actor, w) : 0)));
  return totals.reduce((sum, n) => sum + n, 0);
}

/** The list, overdue first, then by due date. A read of personal data (names): audited. */
export async function listTodo({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  const w = windowOf(now);
  const lists = await Promise.all(TODO_KINDS.map((k) => (SOURCES[k].applies(actor) ? SOURCES[k].list(actor, w) : [])));
  const items = lists.flat().sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.id.localeCompare(b.id));
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "TodoList",
    metadata: {
      shown: Object.fromEntries(TODO_KINDS.map((k) => [k, items.filter((i) => i.kind === k).map((i) => i.id)])),
      shownPersonIds: [...new Set(items.flatMap((i) => (i.personId ? [i.personId] : [])))],
    },
  });
  return {
    overdue: items.filter((i) => i.isOverdue),
    due: items.filter((i) => !i.isOverdue),
    horizonDays: DUE_DAYS,
  };
}
