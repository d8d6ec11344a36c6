import "server-only";
import type { NotificationOutcome, PersonStatus } from "@/lib/generated/prisma/enums";
import { recordAuditNow } from "@/lib/audit";
import { authorize, can, groupWhere, notificationWhere, roundPersonWhere, roundWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { fullName } from "@/lib/people/resolve";
import { todayDateOnly } from "@/lib/validation/activity-fields";
import { isUuid } from "@/lib/validation/ids";

/** Rounds listed on one page: a site runs a handful a year. */
export const ROUND_LIST_LIMIT = 100;

export type RoundRow = {
  id: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
  people: number;
  notified: number;
  isCurrent: boolean;
};

/** The site's rounds, latest period first, with how many of their people were reached so far. */
export async function listRounds({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<RoundRow[]> {
  const rounds = await db.notificationRound.findMany({
    where: roundWhere(actor, "list"),
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      _count: { select: { people: { where: roundPersonWhere(actor, "list") } } },
    },
    orderBy: [{ startsOn: "desc" }, { endsOn: "desc" }, { createdAt: "desc" }],
    take: ROUND_LIST_LIMIT,
  });
  // A person of the round counts as notified once a delivered notification of the round reached them.
  const reached = await db.customNotification.groupBy({
    by: ["roundId", "personId"],
    where: {
      AND: [notificationWhere(actor, "list"), { roundId: { in: rounds.map((r) => r.id) }, outcome: "DELIVERED" }],
    },
  });
  const members = await db.roundPerson.findMany({
    where: { AND: [roundPersonWhere(actor, "list"), { roundId: { in: rounds.map((r) => r.id) } }] },
    select: { roundId: true, personId: true },
  });
  const inRound = new Set(members.map((m) => `${m.roundId}:${m.personId}`));
  const notified = new Map<string, number>();
  for (const r of reached) {
    if (!r.roundId || !inRound.has(`${r.roundId}:${r.personId}`)) continue;
    notified.set(r.roundId, (notified.get(r.roundId) ?? 0) + 1);
  }
  const today = todayDateOnly(now);
  // Counts only: no person is named, so no audit event of its own.
  return rounds.map((r) => ({
    id: r.id,
    name: r.name,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    people: r._count.people,
    notified: notified.get(r.id) ?? 0,
    isCurrent: r.startsOn <= today && r.endsOn >= today,
  }));
}

export type RoundPersonRow = {
  personId: string;
  name: string;
  status: PersonStatus;
  /** The latest notification of the round about the person, if any. */
  latest: { id: string; occurredAt: Date; outcome: NotificationOutcome } | null;
  isNotified: boolean;
  plannedVisits: number;
};

/**
 * A round's page: its period, its people and, per person, whether a notification of the round
 * reached them (delivered) or was tried; and the progress. Names the people: audited.
 */
export async function getRound({ actor, roundId, now = new Date() }: { actor: Actor; roundId: string; now?: Date }) {
  if (!isUuid(roundId)) throw new NotFoundError("round");
  const round = await db.notificationRound.findFirst({
    where: { AND: [roundWhere(actor, "read"), { id: roundId }] },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!round) throw new NotFoundError("round");
  const people = await db.roundPerson.findMany({
    where: { AND: [roundPersonWhere(actor, "read"), { roundId }] },
    select: {
      person: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          status: true,
          notifications: {
            where: { AND: [notificationWhere(actor, "read"), { roundId }] },
            select: { id: true, occurredAt: true, outcome: true },
            orderBy: { occurredAt: "desc" },
            take: 20,
          },
          plannedVisits: { where: { roundId, siteId: actor.siteId }, select: { id: true } },
        },
      },
    },
    orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
    take: 1000,
  });
  const rows: RoundPersonRow[] = people.map(({ person: p }) => ({
    personId: p.id,
    name: fullName(p),
    status: p.status,
    latest: p.notifications[0] ?? null,
    isNotified: p.notifications.some((n) => n.outcome === "DELIVERED"),
    plannedVisits: p.plannedVisits.length,
  }));
  const notified = rows.filter((r) => r.isNotified).length;
  const attempted = rows.filter((r) => !r.isNotified && r.latest).length;
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "NotificationRound",
    entityId: round.id,
    metadata: { shownPersonIds: rows.map((r) => r.personId) },
  });
  const today = todayDateOnly(now);
  return {
    round: {
      ...round,
      createdByName: round.createdBy.name,
      isCurrent: round.startsOn <= today && round.endsOn >= today,
    },
    people: rows,
    progress: { people: rows.length, notified, attempted, notYet: rows.length - notified - attempted },
    can: { addPeople: can(actor, "round", "update"), planVisit: can(actor, "plannedVisit", "create") },
  };
}

/** What the new-round form offers: the site's groups and the actor's own caseload. */
export async function getRoundFormOptions({ actor }: { actor: Actor }) {
  authorize(actor, "round", "create");
  const [groups, caseload] = await Promise.all([
    db.group.findMany({
      where: groupWhere(actor, "read"),
      select: { id: true, name: true, isPrioritized: true },
      orderBy: [{ isPrioritized: "desc" }, { name: "asc" }],
      take: 200,
    }),
    db.person.findMany({
      where: {
        siteId: actor.siteId,
        anonymisedAt: null,
        assignments: { some: { userId: actor.id, endedAt: null } },
      },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      take: 300,
    }),
  ]);
  return { groups, caseload: caseload.map((p) => ({ id: p.id, name: fullName(p) })) };
}

export type RoundChoice = { id: string; name: string; startsOn: Date; endsOn: Date };

/**
 * The rounds a notification (or a planned visit) can belong to, latest first, and the one whose
 * period holds `on` (the default: the current round), if any.
 */
export async function roundChoices(
  actor: Actor,
  on = new Date(),
): Promise<{ rounds: RoundChoice[]; current: string | null }> {
  if (!can(actor, "round", "read")) return { rounds: [], current: null };
  const rounds = await db.notificationRound.findMany({
    where: roundWhere(actor, "read"),
    select: { id: true, name: true, startsOn: true, endsOn: true },
    orderBy: [{ startsOn: "desc" }, { endsOn: "desc" }, { createdAt: "desc" }],
    take: 50,
  });
  const day = todayDateOnly(on);
  const current = rounds.find((r) => r.startsOn <= day && r.endsOn >= day)?.id ?? null;
  return { rounds, current };
}
