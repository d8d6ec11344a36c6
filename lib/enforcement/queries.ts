import "server-only";
import { openPerson } from "@/lib/caseload-gate";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName, personNameWhere } from "@/lib/people/resolve";
import { recordAuditNow } from "@/lib/audit";
import { authorize, enforcementWhere, groupWhere, membershipWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";
import type { TFindEnforcement } from "./schemas";

const ROW_SELECT = {
  id: true,
  type: true,
  occurredAt: true,
  description: true,
  personId: true,
  person: { select: { firstName: true, lastName: true, status: true } },
  group: { select: { id: true, name: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.EnforcementActionSelect;

type Row = Prisma.EnforcementActionGetPayload<{ select: typeof ROW_SELECT }>;
export type EnforcementRow = Omit<Row, "person"> & {
  person: { id: string; name: string; status: NonNullable<Row["person"]>["status"] } | null;
};

function toRow({ person, personId, ...rest }: Row): EnforcementRow {
  return {
    ...rest,
    personId,
    person: person && personId ? { id: personId, name: fullName(person), status: person.status } : null,
  };
}

/** The police's enforcement actions, newest first, filtered by type, group and the person's name. */
export async function findEnforcementActions({
  actor,
  query,
}: {
  actor: Actor;
  query: TFindEnforcement;
}): Promise<Page<EnforcementRow>> {
  const where: Prisma.EnforcementActionWhereInput = {
    AND: [
      enforcementWhere(actor, "list"),
      query.type ? { type: query.type } : {},
      query.group ? { groupId: query.group } : {},
      query.q ? { person: personNameWhere(query.q) } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.enforcementAction.findMany({
      where,
      select: ROW_SELECT,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      ...pageArgs(query.page),
    }),
    db.enforcementAction.count({ where }),
  ]);
  const items = rows.map(toRow);
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "EnforcementAction",
    metadata: {
      page: query.page,
      searched: query.q.length > 0,
      type: query.type ?? null,
      groupId: query.group ?? null,
      shownEnforcementIds: items.map((i) => i.id),
      shownPersonIds: [...new Set(items.flatMap((i) => (i.personId ? [i.personId] : [])))],
    },
  });
  return toPage(items, total, query.page);
}

/** The groups to filter the list by (names only). */
export async function listGroupsForFilter({ actor }: { actor: Actor }) {
  enforcementWhere(actor, "list");
  return db.group.findMany({
    where: groupWhere(actor, "list"),
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}

/**
 * What the "record an enforcement action" form needs: the person (with their status and current
 * groups) and/or the group (with its current members), and the groups to choose from.
 */
export async function getEnforcementFormOptions({
  actor,
  personId,
  groupId,
}: {
  actor: Actor;
  personId?: string;
  groupId?: string;
}) {
  authorize(actor, "enforcement", "create");
  enforcementWhere(actor, "create");
  if ((personId && !isUuid(personId)) || (groupId && !isUuid(groupId))) throw new NotFoundError();
  const today = new Date();
  // Recording an action against a person is work in their file: the caseload gate applies.
  const gate = personId
    ? await openPerson({
        actor,
        personId,
        select: {
          firstName: true,
          lastName: true,
          status: true,
          memberships: {
            where: { AND: [membershipWhere(actor), { OR: [{ validTo: null }, { validTo: { gte: today } }] }] },
            select: { groupId: true },
          },
        },
      })
    : null;
  const person = gate?.person ?? null;
  const [group, groups] = await Promise.all([
    groupId
      ? db.group.findFirst({
          where: { AND: [groupWhere(actor, "read"), { id: groupId }] },
          select: { id: true, name: true },
        })
      : null,
    db.group.findMany({
      where: groupWhere(actor, "list"),
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  if (groupId && !group) throw new NotFoundError("group");
  const members = group
    ? await db.membership.findMany({
        where: {
          AND: [membershipWhere(actor), { groupId: group.id, OR: [{ validTo: null }, { validTo: { gte: today } }] }],
        },
        select: { person: { select: { id: true, firstName: true, lastName: true, status: true } } },
        orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
        take: 500,
      })
    : [];
  if (gate) {
    await gate.audit({
      action: "READ",
      entityType: "Person",
      entityId: gate.person.id,
      metadata: { purpose: "newEnforcement" },
    });
  }
  if (group)
    await recordAuditNow(actor, {
      action: "READ",
      entityType: "GroupMembers",
      entityId: group.id,
      metadata: { shownPersonIds: members.map((m) => m.person.id) },
    });
  return {
    person: person
      ? {
          id: person.id,
          name: fullName(person),
          status: person.status,
          groupIds: person.memberships.map((m) => m.groupId),
        }
      : null,
    group,
    groups,
    members: [
      ...new Map(
        members.map((m) => [m.person.id, { id: m.person.id, name: fullName(m.person), status: m.person.status }]),
      ).values(),
    ],
  };
}
