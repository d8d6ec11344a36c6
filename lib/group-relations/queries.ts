import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency, GroupRelationKind } from "@/lib/generated/prisma/enums";
import { can, groupRelationWhere, groupWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { circleLayout } from "./layout";

/** A site has a few dozen groups; the bounds only stop a runaway page. */
const GROUP_LIMIT = 300;
const RELATION_LIMIT = 1000;

/** A relation between the two groups, whichever of them was recorded first. */
export function betweenGroups(a: string, b: string): Prisma.GroupRelationWhereInput {
  return {
    OR: [
      { groupAId: a, groupBId: b },
      { groupAId: b, groupBId: a },
    ],
  };
}

const RELATION_SELECT = {
  id: true,
  kind: true,
  validFrom: true,
  validTo: true,
  sourceAgency: true,
  version: true,
  groupA: { select: { id: true, name: true, isPrioritized: true } },
  groupB: { select: { id: true, name: true, isPrioritized: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.GroupRelationSelect;

export type GroupRelationRow = {
  id: string;
  kind: GroupRelationKind;
  validFrom: Date;
  validTo: Date | null;
  sourceAgency: Agency;
  version: number;
  /** The other group, seen from the group whose page it is. */
  other: { id: string; name: string; isPrioritized: boolean };
  recordedBy: string;
};

/**
 * A group's conflicts and alliances, in force and ended, and what the actor may do with them (the
 * other groups of the site to choose from). About groups, not people: no person is shown, so no
 * read is audited, as with the list of groups.
 */
export async function getGroupRelations({ actor, groupId }: { actor: Actor; groupId: string }) {
  if (!isUuid(groupId)) throw new NotFoundError("group");
  const group = await db.group.findFirst({
    where: { AND: [groupWhere(actor, "read"), { id: groupId }] },
    select: { id: true },
  });
  if (!group) throw new NotFoundError("group");
  const rows = await db.groupRelation.findMany({
    where: { AND: [groupRelationWhere(actor, "list"), { OR: [{ groupAId: group.id }, { groupBId: group.id }] }] },
    orderBy: [{ validFrom: "desc" }, { id: "asc" }],
    take: RELATION_LIMIT,
    select: RELATION_SELECT,
  });
  const relations: GroupRelationRow[] = rows.map(({ groupA, groupB, createdBy, ...r }) => ({
    ...r,
    other: groupA.id === group.id ? groupB : groupA,
    recordedBy: createdBy.name,
  }));
  const canCreate = can(actor, "groupRelation", "create") && Boolean(actor.agency);
  const otherGroups = canCreate
    ? await db.group.findMany({
        where: { AND: [groupWhere(actor, "list"), { id: { not: group.id } }] },
        select: { id: true, name: true },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: GROUP_LIMIT,
      })
    : [];
  return {
    current: relations.filter((r) => r.validTo === null),
    ended: relations
      .filter((r) => r.validTo !== null)
      .sort((a, b) => b.validTo!.getTime() - a.validTo!.getTime() || a.id.localeCompare(b.id)),
    otherGroups,
    can: { create: canCreate, end: can(actor, "groupRelation", "update") },
  };
}

/**
 * The map of the site's groups and the conflicts and alliances in force between them: every group
 * placed on a circle (lib/group-relations/layout.ts), and each relation as an edge, with the table
 * the page shows beside the picture. No people, so nothing personal and no audit event.
 */
export async function getGroupMap({ actor }: { actor: Actor }) {
  const [groups, rows] = await Promise.all([
    db.group.findMany({
      where: groupWhere(actor, "list"),
      select: { id: true, name: true, isPrioritized: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: GROUP_LIMIT,
    }),
    db.groupRelation.findMany({
      where: { AND: [groupRelationWhere(actor, "list"), { validTo: null }] },
      orderBy: [{ validFrom: "asc" }, { id: "asc" }],
      take: RELATION_LIMIT,
      select: RELATION_SELECT,
    }),
  ]);
  const nodes = circleLayout(groups);
  const placed = new Set(nodes.map((n) => n.id));
  // Sorted for the table: by the first group's name, then the second's (each pair named A–Z).
  const relations = rows
    .filter((r) => placed.has(r.groupA.id) && placed.has(r.groupB.id))
    .map(({ groupA, groupB, createdBy, ...r }) => {
      const [a, b] = groupA.name.localeCompare(groupB.name, "sv") <= 0 ? [groupA, groupB] : [groupB, groupA];
      return { ...r, a, b, recordedBy: createdBy.name };
    })
    .sort(
      (x, y) =>
        x.a.name.localeCompare(y.a.name, "sv") || x.b.name.localeCompare(y.b.name, "sv") || x.id.localeCompare(y.id),
    );
  return { nodes, relations };
}
export type GroupMap = Awaited<ReturnType<typeof getGroupMap>>;
