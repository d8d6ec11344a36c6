import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency, Role } from "@/lib/generated/prisma/enums";
import { recordDisclosures } from "@/lib/disclosure";
import { todayDateOnly } from "@/lib/validation/activity-fields";
import { fullName } from "@/lib/people/resolve";
import { openPerson } from "@/lib/caseload-gate";
import { recordAuditNow } from "@/lib/audit";
import { authorize, can, followUpWhere, notificationWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";
import type { TFollowUpList } from "./schemas";

const ROW_SELECT = {
  id: true,
  personId: true,
  agency: true,
  dueOn: true,
  doneAt: true,
  contactType: true,
  summary: true,
  version: true,
  person: { select: { firstName: true, lastName: true, status: true } },
  assignedTo: { select: { id: true, name: true } },
} satisfies Prisma.FollowUpSelect;

type Row = Prisma.FollowUpGetPayload<{ select: typeof ROW_SELECT }>;
export type FollowUpRow = Omit<Row, "person"> & {
  personName: string;
  personStatus: Row["person"]["status"];
  isOverdue: boolean;
};

function toRow({ person, ...rest }: Row, today: Date): FollowUpRow {
  return {
    ...rest,
    personName: fullName(person),
    personStatus: person.status,
    isOverdue: !rest.doneAt && rest.dueOn.getTime() < today.getTime(),
  };
}

function agencyOf(actor: Actor): Agency {
  if (!actor.agency) throw new NotFoundError("followUp");
  return actor.agency;
}

/**
 * The follow-up lists. An officer's own work: overdue (due before today and not done), upcoming,
 * and done; and, for the agency, everyone's overdue follow-ups per officer. Lists show the actor's
 * own agency's follow-ups only: another agency's are seen (with consent) on the person's file.
 */
export async function getFollowUpLists({
  actor,
  query,
  now = new Date(),
}: {
  actor: Actor;
  query: TFollowUpList;
  now?: Date;
}) {
  const scope = followUpWhere(actor, "list");
  const agency = agencyOf(actor);
  const today = todayDateOnly(now);
  const mine: Prisma.FollowUpWhereInput = { AND: [scope, { agency, assignedToId: actor.id }] };
  const overdue: Prisma.FollowUpWhereInput = { doneAt: null, dueOn: { lt: today } };
  const views: Record<
    TFollowUpList["view"],
    { where: Prisma.FollowUpWhereInput; orderBy: Prisma.FollowUpOrderByWithRelationInput[] }
  > = {
    overdue: { where: { AND: [mine, overdue] }, orderBy: [{ dueOn: "asc" }, { id: "asc" }] },
    upcoming: {
      where: { AND: [mine, { doneAt: null, dueOn: { gte: today } }] },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    },
    done: { where: { AND: [mine, { doneAt: { not: null } }] }, orderBy: [{ doneAt: "desc" }, { id: "desc" }] },
    team: {
      where: { AND: [scope, { agency }, overdue, query.officer ? { assignedToId: query.officer } : {}] },
      orderBy: [{ assignedTo: { name: "asc" } }, { dueOn: "asc" }, { id: "asc" }],
    },
  };
  const view = views[query.view];
  const teamOverdue: Prisma.FollowUpWhereInput = { AND: [scope, { agency }, overdue] };
  const [rows, total, myOverdue, myUpcoming, perOfficer] = await Promise.all([
    db.followUp.findMany({ where: view.where, select: ROW_SELECT, orderBy: view.orderBy, ...pageArgs(query.page) }),
    db.followUp.count({ where: view.where }),
    db.followUp.count({ where: views.overdue.where }),
    db.followUp.count({ where: views.upcoming.where }),
    db.followUp.groupBy({ by: ["assignedToId"], where: teamOverdue, _count: { _all: true }, _min: { dueOn: true } }),
  ]);
  const officers = await db.user.findMany({
    where: { siteId: actor.siteId, id: { in: perOfficer.map((o) => o.assignedToId) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(officers.map((o) => [o.id, o.name]));
  const items = rows.map((r) => toRow(r, today));
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "FollowUp",
    metadata: {
      view: query.view,
      page: query.page,
      officer: query.officer ?? null,
      shownFollowUpIds: items.map((i) => i.id),
      shownPersonIds: [...new Set(items.map((i) => i.personId))],
    },
  });
  return {
    page: toPage(items, total, query.page) as Page<FollowUpRow>,
    counts: {
      overdue: myOverdue,
      upcoming: myUpcoming,
      teamOverdue: perOfficer.reduce((sum, o) => sum + o._count._all, 0),
    },
    perOfficer: perOfficer
      .map((o) => ({
        officerId: o.assignedToId,
        name: nameOf.get(o.assignedToId) ?? "–",
        overdue: o._count._all,
        oldestDueOn: o._min.dueOn,
      }))
      .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, "sv")),
  };
}

/** Colleagues a follow-up may be assigned to: active officers of the actor's own agency. */
function officerWhere(actor: Actor): Prisma.UserWhereInput {
  return { siteId: actor.siteId, isActive: true, role: actor.role as Role };
}

/** One follow-up. Social services see probation's only with the person's consent (logged). Audited. */
export async function getFollowUp({ actor, followUpId }: { actor: Actor; followUpId: string }) {
  if (!isUuid(followUpId)) throw new NotFoundError("followUp");
  const row = await db.followUp.findFirst({
    where: { AND: [followUpWhere(actor, "read"), { id: followUpId }] },
    select: {
      ...ROW_SELECT,
      createdAt: true,
      createdBy: { select: { name: true } },
      notification: { select: { id: true, occurredAt: true } },
    },
  });
  if (!row) throw new NotFoundError("followUp");
  const { audit } = await openPerson({ actor, personId: row.personId });
  await audit({ action: "READ", entityType: "FollowUp" as const, entityId: row.id });
  if (row.agency !== actor.agency)
    await recordDisclosures(actor, [
      {
        personId: row.personId,
        fromAgency: row.agency,
        kind: "FOLLOW_UP",
        entityType: "FollowUp" as const,
        entityId: row.id,
      },
    ]);
  // Only the recording agency changes its own follow-ups.
  const isOwn = row.agency === actor.agency && can(actor, "followUp", "update");
  const officers =
    isOwn && !row.doneAt
      ? await db.user.findMany({
          where: officerWhere(actor),
          select: { id: true, name: true },
          orderBy: { name: "asc" },
          take: 200,
        })
      : [];
  const { createdBy, notification, createdAt, ...rest } = row;
  return {
    followUp: { ...toRow(rest, todayDateOnly()), createdAt, createdByName: createdBy.name, notification },
    isOwn,
    officers,
  };
}

/** What the "log a follow-up" form needs: the person, their notifications and the officers. */
export async function getFollowUpFormOptions({ actor, personId }: { actor: Actor; personId: string }) {
  authorize(actor, "followUp", "create");
  if (!isUuid(personId)) throw new NotFoundError("person");
  const { person, audit } = await openPerson({
    actor,
    personId,
    select: { firstName: true, lastName: true, status: true },
  });
  const [notifications, officers] = await Promise.all([
    db.customNotification.findMany({
      where: { AND: [notificationWhere(actor, "read"), { personId }] },
      select: { id: true, occurredAt: true },
      orderBy: { occurredAt: "desc" },
      take: 50,
    }),
    db.user.findMany({
      where: officerWhere(actor),
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 200,
    }),
  ]);
  await audit({ action: "READ", entityType: "Person", entityId: person.id, metadata: { purpose: "newFollowUp" } });
  return { person: { id: person.id, name: fullName(person), status: person.status }, notifications, officers };
}

export { officerWhere };

/**
 * Counts for a start page: the actor's own overdue and upcoming follow-ups. Counts only, no
 * personal data, so no audit event of their own.
 */
export async function countMyFollowUps({
  actor,
  now = new Date(),
}: {
  actor: Actor;
  now?: Date;
}): Promise<{ overdue: number; upcoming: number }> {
  const scope = followUpWhere(actor, "list");
  const agency = agencyOf(actor);
  const today = todayDateOnly(now);
  const mine: Prisma.FollowUpWhereInput = { AND: [scope, { agency, assignedToId: actor.id, doneAt: null }] };
  const [overdue, upcoming] = await Promise.all([
    db.followUp.count({ where: { AND: [mine, { dueOn: { lt: today } }] } }),
    db.followUp.count({ where: { AND: [mine, { dueOn: { gte: today } }] } }),
  ]);
  return { overdue, upcoming };
}
