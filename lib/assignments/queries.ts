import "server-only";
import { openPerson } from "@/lib/caseload-gate";
import { assignmentWhere, can, coordinatorCandidateWhere, type Actor } from "@/lib/authz";
import { recordAuditNow } from "@/lib/audit";
import { db } from "@/lib/db";
import { HANDOVER_LIMIT } from "./schemas";
import type { Agency } from "@/lib/generated/prisma/enums";

/** A person's assignments are few; the bound only stops a mistaken mass assignment. */
const HISTORY_LIMIT = 200;

export const COORDINATOR_AGENCIES: readonly Agency[] = ["POLICE", "SOCIAL", "PROBATION"];

export type CoordinatorRow = {
  id: string;
  agency: Agency;
  user: { id: string; name: string };
  assignedAt: Date;
  endedAt: Date | null;
  assignedBy: string;
};

export type CoordinatorsOverview = {
  person: { id: string; name: string };
  /** Per agency: current coordinators first, then former ones, newest first. */
  byAgency: { agency: Agency; current: CoordinatorRow[]; former: CoordinatorRow[] }[];
  /** The agency whose assignments the actor may change; null: none. */
  ownAgency: Agency | null;
  /** Colleagues of the actor's agency and site who are not coordinators of the person now. */
  colleagues: { id: string; name: string }[];
  isCoordinator: boolean;
};

/**
 * Who coordinates the person for each agency now and before, and what the actor may change: their
 * own agency's assignments only. Part of the person's file: the caseload gate applies; audited.
 */
export async function getCoordinators({
  actor,
  personId,
}: {
  actor: Actor;
  personId: string;
}): Promise<CoordinatorsOverview> {
  const { person, audit } = await openPerson({
    actor,
    personId,
    select: { id: true, firstName: true, lastName: true },
  });
  const rows = await db.assignment.findMany({
    where: { AND: [assignmentWhere(actor, "list"), { personId: person.id }] },
    orderBy: [{ assignedAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: {
      id: true,
      agency: true,
      assignedAt: true,
      endedAt: true,
      user: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  const items: CoordinatorRow[] = rows.map(({ createdBy, ...r }) => ({ ...r, assignedBy: createdBy.name }));
  const ownAgency = actor.agency && can(actor, "person", "update") ? actor.agency : null;
  const currentIds = new Set(items.filter((r) => r.endedAt === null && r.agency === ownAgency).map((r) => r.user.id));
  const colleagues = ownAgency
    ? await db.user.findMany({
        where: coordinatorCandidateWhere(actor),
        select: { id: true, name: true },
        orderBy: { name: "asc" },
        take: 500,
      })
    : [];
  await audit({ action: "READ", entityType: "PersonCoordinators", entityId: person.id });
  return {
    person: { id: person.id, name: `${person.firstName} ${person.lastName}` },
    byAgency: COORDINATOR_AGENCIES.map((agency) => ({
      agency,
      current: items.filter((r) => r.agency === agency && r.endedAt === null),
      former: items
        .filter((r) => r.agency === agency && r.endedAt !== null)
        .sort((a, b) => b.endedAt!.getTime() - a.endedAt!.getTime()),
    })),
    ownAgency,
    colleagues: colleagues.filter((c) => !currentIds.has(c.id)),
    isCoordinator: currentIds.has(actor.id),
  };
}

/**
 * What the caseload page's hand-over forms offer: the people of the actor's own caseload (for
 * their agency), the active colleagues of the agency and site to hand to, and the agency's
 * coordinators with a caseload (active or deactivated, with its size) whose whole caseload can be
 * reassigned. Null for a role that changes no assignments. The names shown are audited as a
 * caseload read.
 */
export async function getHandoverOptions({ actor }: { actor: Actor }) {
  if (!actor.agency || !can(actor, "person", "update")) return null;
  const where = assignmentWhere(actor, "update");
  const [own, colleagues, coordinators] = await Promise.all([
    db.assignment.findMany({
      where: { AND: [where, { userId: actor.id, endedAt: null }] },
      select: { person: { select: { id: true, firstName: true, lastName: true } } },
      orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }, { id: "asc" }],
      take: HANDOVER_LIMIT,
    }),
    db.user.findMany({
      where: { AND: [coordinatorCandidateWhere(actor), { id: { not: actor.id } }] },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
    }),
    db.user.findMany({
      where: {
        AND: [
          { ...coordinatorCandidateWhere(actor), isActive: undefined },
          { assignments: { some: { ...where, endedAt: null } } },
        ],
      },
      select: {
        id: true,
        name: true,
        isActive: true,
        _count: { select: { assignments: { where: { AND: [where, { endedAt: null }] } } } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 500,
    }),
  ]);
  const people = own.map((a) => ({ id: a.person.id, name: `${a.person.firstName} ${a.person.lastName}` }));
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "Caseload",
    metadata: { purpose: "handover", shownPersonIds: people.map((p) => p.id) },
  });
  return {
    people,
    colleagues,
    coordinators: coordinators.map(({ _count, ...u }) => ({ ...u, caseload: _count.assignments })),
  };
}
