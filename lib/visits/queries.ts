import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PersonStatus, PlaceType, WarningFlagKind } from "@/lib/generated/prisma/enums";
import { recordAuditNow } from "@/lib/audit";
import { openPerson } from "@/lib/caseload-gate";
import {
  authorize,
  callInInviteeWhere,
  callInWhere,
  can,
  colleagueWhere,
  plannedVisitWhere,
  type Actor,
} from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { fullName } from "@/lib/people/resolve";
import { roundChoices } from "@/lib/rounds/queries";
import { isUuid } from "@/lib/validation/ids";
import { personWarningFlags, warningFlagsOf } from "@/lib/warning-flags/queries";
import { visitState, weekOf, type VisitState } from "./week";

/** Planned visits listed in one section of the week's page. */
export const VISIT_LIST_LIMIT = 100;

const ROW_SELECT = {
  id: true,
  personId: true,
  windowStartsOn: true,
  windowEndsOn: true,
  placeType: true,
  placeDescription: true,
  doneAt: true,
  cancelledAt: true,
  notificationId: true,
  person: { select: { firstName: true, lastName: true, status: true } },
  round: { select: { id: true, name: true } },
  team: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
} satisfies Prisma.PlannedVisitSelect;

type Row = Prisma.PlannedVisitGetPayload<{ select: typeof ROW_SELECT }>;

export type PlannedVisitRow = {
  id: string;
  personId: string;
  personName: string;
  personStatus: PersonStatus;
  windowStartsOn: Date;
  windowEndsOn: Date;
  placeType: PlaceType;
  placeDescription: string | null;
  round: { id: string; name: string } | null;
  team: { id: string; name: string }[];
  state: VisitState;
  notificationId: string | null;
  /** The kinds of the person's warning flags in force: shown on every list of visits. */
  flagKinds: WarningFlagKind[];
};

async function toRows(actor: Actor, rows: Row[], now: Date): Promise<PlannedVisitRow[]> {
  const { today } = weekOf(now);
  // Lists show the kinds only; the reason (the setting agency's) is on the plan's own page.
  const flags = await warningFlagsOf(actor, [...new Set(rows.map((r) => r.personId))], { now, withReason: false });
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: fullName(r.person),
    personStatus: r.person.status,
    windowStartsOn: r.windowStartsOn,
    windowEndsOn: r.windowEndsOn,
    placeType: r.placeType,
    placeDescription: r.placeDescription,
    round: r.round,
    team: r.team.map((m) => m.user),
    state: visitState(r, today),
    notificationId: r.notificationId,
    flagKinds: [...new Set((flags.get(r.personId) ?? []).map((f) => f.kind))],
  }));
}

/** A plan the user is on: in its team, or made it. */
function mineWhere(actor: Actor): Prisma.PlannedVisitWhereInput {
  return { OR: [{ team: { some: { userId: actor.id } } }, { createdById: actor.id }] };
}

/**
 * The user's planned visits for a to-do list: not yet done, and either due this week (the window
 * meets this week, Monday to Sunday in Swedish time) or overdue (the window passed without a
 * visit). `now` sets the clock. Counts and rows only, without audit: the caller that shows the
 * names records what it showed (getVisitWeek does).
 */
function dueForUserWhere(actor: Actor, now: Date): Prisma.PlannedVisitWhereInput {
  const { monday, sunday } = weekOf(now);
  return {
    AND: [
      plannedVisitWhere(actor, "list"),
      mineWhere(actor),
      { doneAt: null, cancelledAt: null },
      { OR: [{ windowEndsOn: { lt: monday } }, { windowStartsOn: { lte: sunday }, windowEndsOn: { gte: monday } }] },
    ],
  };
}

export async function listPlannedVisitsForUser(actor: Actor, now = new Date()): Promise<PlannedVisitRow[]> {
  const rows = await db.plannedVisit.findMany({
    where: dueForUserWhere(actor, now),
    select: ROW_SELECT,
    orderBy: [{ windowEndsOn: "asc" }, { id: "asc" }],
    take: VISIT_LIST_LIMIT,
  });
  return toRows(actor, rows, now);
}

/** How many of listPlannedVisitsForUser's visits there are: for a count in the header. */
export async function countPlannedVisitsForUser(actor: Actor, now = new Date()): Promise<number> {
  if (!can(actor, "plannedVisit", "list")) return 0;
  return db.plannedVisit.count({ where: dueForUserWhere(actor, now) });
}

/**
 * The same visits split as the to-do list counts (lib/todo): overdue, the window passed before
 * today without a visit ("Inte genomförd"); due, the window holds a day from today to Sunday.
 * Numbers only, so no audit event.
 */
export async function countPlannedVisitsForUserByState(
  actor: Actor,
  now = new Date(),
): Promise<{ overdue: number; due: number }> {
  if (!can(actor, "plannedVisit", "list")) return { overdue: 0, due: 0 };
  const { today } = weekOf(now);
  const mine = dueForUserWhere(actor, now);
  const [overdue, due] = await Promise.all([
    db.plannedVisit.count({ where: { AND: [mine, { windowEndsOn: { lt: today } }] } }),
    db.plannedVisit.count({ where: { AND: [mine, { windowEndsOn: { gte: today } }] } }),
  ]);
  return { overdue, due };
}

export type UpcomingCallIn = { id: string; occurredAt: Date; venue: string; invited: number };

/**
 * "Planerade denna vecka": the user's own visits due this week or overdue, every planned visit of
 * the site this week, the site's visits whose window passed without one (not done), and the
 * call-ins of the week still to come, with their invitations. Audited with the people shown.
 */
export async function getVisitWeek({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  const scope = plannedVisitWhere(actor, "list");
  const week = weekOf(now);
  const inWeek: Prisma.PlannedVisitWhereInput = {
    windowStartsOn: { lte: week.sunday },
    windowEndsOn: { gte: week.monday },
  };
  const [mine, site, notDone, callIns] = await Promise.all([
    listPlannedVisitsForUser(actor, now),
    db.plannedVisit
      .findMany({
        where: { AND: [scope, inWeek] },
        select: ROW_SELECT,
        orderBy: [{ windowStartsOn: "asc" }, { id: "asc" }],
        take: VISIT_LIST_LIMIT,
      })
      .then((rows) => toRows(actor, rows, now)),
    db.plannedVisit
      .findMany({
        where: { AND: [scope, { doneAt: null, cancelledAt: null, windowEndsOn: { lt: week.today } }] },
        select: ROW_SELECT,
        orderBy: [{ windowEndsOn: "desc" }, { id: "asc" }],
        take: VISIT_LIST_LIMIT,
      })
      .then((rows) => toRows(actor, rows, now)),
    upcomingCallIns(actor, now, week.end),
  ]);
  const shown = [...mine, ...site, ...notDone];
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "PlannedVisit",
    metadata: {
      view: "week",
      shownPlannedVisitIds: [...new Set(shown.map((v) => v.id))],
      shownPersonIds: [...new Set(shown.map((v) => v.personId))],
      shownCallInIds: callIns.map((c) => c.id),
    },
  });
  return { week, mine, site, notDone, callIns, canPlan: can(actor, "plannedVisit", "create") };
}

/** Call-ins from now to the end of the week: planned, with how many are invited. */
async function upcomingCallIns(actor: Actor, now: Date, until: Date): Promise<UpcomingCallIn[]> {
  if (!can(actor, "callIn", "list")) return [];
  const rows = await db.callIn.findMany({
    where: { AND: [callInWhere(actor, "list"), { occurredAt: { gte: now, lt: until } }] },
    select: { id: true, occurredAt: true, venue: true },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: 20,
  });
  const counts = await db.callInInvitee.groupBy({
    by: ["callInId"],
    where: { AND: [callInInviteeWhere(actor, "list"), { callInId: { in: rows.map((r) => r.id) }, status: "INVITED" }] },
    _count: { _all: true },
  });
  const invited = new Map(counts.map((c) => [c.callInId, c._count._all]));
  return rows.map((r) => ({ ...r, invited: invited.get(r.id) ?? 0 }));
}

/** One planned visit, with its person's warning flags (the reason for the setting agency). Audited. */
export async function getPlannedVisit({
  actor,
  plannedVisitId,
  now = new Date(),
}: {
  actor: Actor;
  plannedVisitId: string;
  now?: Date;
}) {
  if (!isUuid(plannedVisitId)) throw new NotFoundError("plannedVisit");
  const row = await db.plannedVisit.findFirst({
    where: { AND: [plannedVisitWhere(actor, "read"), { id: plannedVisitId }] },
    select: {
      ...ROW_SELECT,
      version: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      notification: { select: { id: true, occurredAt: true, outcome: true } },
    },
  });
  if (!row) throw new NotFoundError("plannedVisit");
  const { audit } = await openPerson({ actor, personId: row.personId, now });
  const flags = await personWarningFlags(actor, row.personId, { now });
  await audit({
    action: "READ",
    entityType: "PlannedVisit",
    entityId: row.id,
    metadata: { shownWarningFlagIds: flags.map((f) => f.id) },
  });
  const [visit] = await toRows(actor, [row], now);
  const open = visit!.state !== "done" && visit!.state !== "cancelled";
  return {
    visit: { ...visit!, version: row.version, createdAt: row.createdAt, createdByName: row.createdBy.name },
    notification: row.notification,
    flags,
    canLog: open && can(actor, "notification", "create") && can(actor, "plannedVisit", "update"),
    canCancel: open && can(actor, "plannedVisit", "update"),
  };
}

/** What the plan form needs: the person and their flags, the colleagues, the rounds. Audited. */
export async function getPlanVisitFormOptions({
  actor,
  personId,
  now = new Date(),
}: {
  actor: Actor;
  personId: string;
  now?: Date;
}) {
  authorize(actor, "plannedVisit", "create");
  if (!isUuid(personId)) throw new NotFoundError("person");
  const { person, audit } = await openPerson({
    actor,
    personId,
    now,
    select: { firstName: true, lastName: true, status: true },
  });
  const [flags, colleagues, rounds] = await Promise.all([
    personWarningFlags(actor, person.id, { now }),
    db.user.findMany({
      where: colleagueWhere(actor),
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
    roundChoices(actor, now),
  ]);
  await audit({
    action: "READ",
    entityType: "Person",
    entityId: person.id,
    metadata: { purpose: "newPlannedVisit", shownWarningFlagIds: flags.map((f) => f.id) },
  });
  return { person: { id: person.id, name: fullName(person), status: person.status }, flags, colleagues, rounds };
}

/**
 * A plan as the notification form starts from it (logging the visit): its team, place and round.
 * Null for a plan already logged or not of this person. Read inside the notification form's own
 * audited read (getNotificationFormOptions).
 */
export async function planForLogging(actor: Actor, plannedVisitId: string, personId: string) {
  if (!isUuid(plannedVisitId) || !can(actor, "plannedVisit", "update")) return null;
  const plan = await db.plannedVisit.findFirst({
    where: {
      AND: [plannedVisitWhere(actor, "update"), { id: plannedVisitId, personId, doneAt: null, cancelledAt: null }],
    },
    select: {
      id: true,
      placeType: true,
      placeDescription: true,
      roundId: true,
      windowStartsOn: true,
      windowEndsOn: true,
      team: { select: { userId: true } },
    },
  });
  if (!plan) return null;
  const { team, ...rest } = plan;
  return { ...rest, teamIds: team.map((m) => m.userId) };
}
