import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { openPerson } from "@/lib/caseload-gate";
import { recordAuditNow } from "@/lib/audit";
import {
  can,
  enforcementWhere,
  groupWhere,
  membershipWhere,
  notificationWhere,
  personWhere,
  type Actor,
} from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";
import { currentMembership, todayDate } from "@/lib/people/where";
import type { TListGroups } from "./schemas";

/** How many of a group's latest notifications and enforcement actions its page shows. */
export const GROUP_ACTIVITY_LIMIT = 50;

/** The groups of the actor's site, prioritised first, with their current member counts. */
export async function listGroups({ actor, query, now = new Date() }: { actor: Actor; query: TListGroups; now?: Date }) {
  const where: Prisma.GroupWhereInput = {
    AND: [
      groupWhere(actor, "list"),
      query.q ? { name: { contains: query.q, mode: "insensitive" } } : {},
      query.prioritized === "yes" ? { isPrioritized: true } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.group.findMany({
      where,
      orderBy: [{ isPrioritized: "desc" }, { name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        district: true,
        isPrioritized: true,
        _count: {
          select: { memberships: { where: { AND: [membershipWhere(actor, "list"), currentMembership(now)] } } },
        },
      },
      ...pageArgs(query.page),
    }),
    db.group.count({ where }),
  ]);
  const items = rows.map(({ _count, ...g }) => ({ ...g, memberCount: _count.memberships }));
  return toPage(items, total, query.page);
}

/**
 * A group's page: its members (current and former, with the graded intelligence behind each
 * claim), the notifications of its members, and – for the police only – the enforcement actions
 * against the group and its current members. Audited with the people shown.
 */
export async function getGroup({ actor, groupId, now = new Date() }: { actor: Actor; groupId: string; now?: Date }) {
  if (!isUuid(groupId)) throw new NotFoundError("group");
  const group = await db.group.findFirst({
    where: { AND: [groupWhere(actor, "read"), { id: groupId }] },
    select: {
      id: true,
      name: true,
      district: true,
      description: true,
      isPrioritized: true,
      prioritizedAt: true,
      prioritizedBy: { select: { name: true } },
      version: true,
      createdAt: true,
    },
  });
  if (!group) throw new NotFoundError("group");

  const members = await db.membership.findMany({
    where: { AND: [membershipWhere(actor, "read"), { groupId: group.id }] },
    orderBy: [{ validTo: { sort: "desc", nulls: "first" } }, { person: { lastName: "asc" } }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      role: true,
      confidence: true,
      sourceAgency: true,
      validFrom: true,
      validTo: true,
      reviewDueOn: true,
      person: { select: { id: true, firstName: true, lastName: true, status: true } },
    },
  });
  const current = currentMembership(now);
  const memberOf: Prisma.PersonWhereInput = { memberships: { some: { groupId: group.id, siteId: actor.siteId } } };

  let enforcement: Awaited<ReturnType<typeof groupEnforcement>> | null = null;
  try {
    enforcement = await groupEnforcement(enforcementWhere(actor), group.id, actor.siteId, current);
  } catch (error) {
    // Social services and probation learn only the "deprived of liberty" status, never the actions.
    if (!(error instanceof NotFoundError)) throw error;
  }
  const notifications = await db.customNotification.findMany({
    where: { AND: [notificationWhere(actor), { person: { AND: [personWhere(actor, "read"), memberOf] } }] },
    orderBy: { occurredAt: "desc" },
    take: GROUP_ACTIVITY_LIMIT,
    select: {
      id: true,
      occurredAt: true,
      outcome: true,
      response: true,
      createdByAgency: true,
      createdBy: { select: { name: true } },
      person: { select: { id: true, firstName: true, lastName: true } },
    },
  });

  const today = todayDate(now);
  const isCurrent = (m: { validTo: Date | null }) => m.validTo === null || m.validTo >= today;
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "Group",
    entityId: group.id,
    metadata: {
      shownPersonIds: [...new Set([...members.map((m) => m.person.id), ...notifications.map((n) => n.person.id)])],
    },
  });
  return {
    ...group,
    currentMembers: members.filter(isCurrent),
    formerMembers: members.filter((m) => !isCurrent(m)),
    notifications,
    enforcement,
    can: { edit: can(actor, "group", "update"), prioritize: can(actor, "enforcement", "create") },
  };
}

async function groupEnforcement(
  where: Prisma.EnforcementActionWhereInput,
  groupId: string,
  siteId: string,
  current: Prisma.MembershipWhereInput,
) {
  return db.enforcementAction.findMany({
    where: {
      AND: [where, { OR: [{ groupId }, { person: { memberships: { some: { groupId, siteId, ...current } } } }] }],
    },
    orderBy: { occurredAt: "desc" },
    take: GROUP_ACTIVITY_LIMIT,
    select: {
      id: true,
      type: true,
      occurredAt: true,
      description: true,
      groupId: true,
      createdBy: { select: { name: true } },
      person: { select: { id: true, firstName: true, lastName: true } },
    },
  });
}

export async function getGroupForEdit({ actor, groupId }: { actor: Actor; groupId: string }) {
  if (!isUuid(groupId)) throw new NotFoundError("group");
  const group = await db.group.findFirst({
    where: { AND: [groupWhere(actor, "update"), { id: groupId }] },
    select: { id: true, name: true, district: true, description: true, version: true },
  });
  if (!group) throw new NotFoundError("group");
  return group;
}

/** What the membership form needs: the person, and the groups to choose from. */
export async function getMembershipFormOptions({ actor, personId }: { actor: Actor; personId: string }) {
  if (!isUuid(personId)) throw new NotFoundError("person");
  const { person, audit } = await openPerson({
    actor,
    personId,
    action: "update",
    select: { firstName: true, lastName: true },
  });
  const groups = await db.group.findMany({
    where: groupWhere(actor, "list"),
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
  await audit({ action: "READ", entityType: "Person", entityId: person.id, metadata: { purpose: "newMembership" } });
  return { person, groups };
}

export async function getMembershipForEdit({ actor, membershipId }: { actor: Actor; membershipId: string }) {
  if (!isUuid(membershipId)) throw new NotFoundError("membership");
  const membership = await db.membership.findFirst({
    where: { AND: [membershipWhere(actor, "update"), { id: membershipId }] },
    select: {
      id: true,
      validFrom: true,
      validTo: true,
      role: true,
      sourceAgency: true,
      confidence: true,
      reviewDueOn: true,
      reviewedAt: true,
      version: true,
      person: { select: { id: true, firstName: true, lastName: true } },
      group: { select: { id: true, name: true } },
    },
  });
  if (!membership) throw new NotFoundError("membership");
  const { audit } = await openPerson({ actor, personId: membership.person.id });
  await audit({
    action: "READ",
    entityType: "Membership",
    entityId: membership.id,
    metadata: { purpose: "edit", groupId: membership.group.id },
  });
  return membership;
}
