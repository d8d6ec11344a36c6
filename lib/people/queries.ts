import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { accessAuditFields, requirePersonAccess } from "@/lib/access"; // [confid] caseload gate
import { recordAuditNow } from "@/lib/audit";
import { internalNoteWhere, notificationWhere, personWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";
import { maskIdentityNumber } from "@/lib/validation/personnummer";
import type { TFindPeople } from "./schemas";

const LIST_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  identityNumber: true,
  status: true,
  memberships: { where: { validTo: null }, select: { group: { select: { id: true, name: true } } } },
  _count: { select: { notifications: true } },
} satisfies Prisma.PersonSelect;

type ListRow = Prisma.PersonGetPayload<{ select: typeof LIST_SELECT }>;

export type PersonListItem = {
  id: string;
  name: string;
  maskedIdentityNumber: string | null;
  status: ListRow["status"];
  groups: { id: string; name: string }[];
  notificationCount: number;
};

function toListItem(p: ListRow): PersonListItem {
  return {
    id: p.id,
    name: `${p.firstName} ${p.lastName}`,
    // The full number never leaves the server in a list.
    maskedIdentityNumber: p.identityNumber ? maskIdentityNumber(p.identityNumber) : null,
    status: p.status,
    groups: p.memberships.map((m) => m.group),
    notificationCount: p._count.notifications,
  };
}

function searchWhere(q: string): Prisma.PersonWhereInput {
  if (!q) return {};
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 4);
  return {
    AND: terms.map((term) => ({
      OR: [
        { firstName: { startsWith: term, mode: "insensitive" } },
        { lastName: { startsWith: term, mode: "insensitive" } },
        { aliases: { has: term } },
      ],
    })),
  };
}

/** The people list: the actor's site, searched by name, paginated; the read is audited. */
export async function findPeople({ actor, query }: { actor: Actor; query: TFindPeople }): Promise<Page<PersonListItem>> {
  const where: Prisma.PersonWhereInput = { AND: [personWhere(actor, "list"), searchWhere(query.q)] };
  const [rows, total] = await Promise.all([
    db.person.findMany({ where, select: LIST_SELECT, orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }], ...pageArgs(query.page) }),
    db.person.count({ where }),
  ]);
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "Person",
    metadata: { page: query.page, searched: query.q.length > 0, shownPersonIds: rows.map((r) => r.id) },
  });
  return toPage(rows.map(toListItem), total, query.page);
}

/** The actor's own caseload: people they are the active coordinator of. */
export async function findCaseload({ actor, page }: { actor: Actor; page: number }): Promise<Page<PersonListItem>> {
  const where: Prisma.PersonWhereInput = {
    AND: [personWhere(actor, "list"), { assignments: { some: { userId: actor.id, endedAt: null } } }],
  };
  const [rows, total] = await Promise.all([
    db.person.findMany({ where, select: LIST_SELECT, orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }], ...pageArgs(page) }),
    db.person.count({ where }),
  ]);
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "Caseload",
    metadata: { page, shownPersonIds: rows.map((r) => r.id) },
  });
  return toPage(rows.map(toListItem), total, page);
}

function fileSelect(actor: Actor) {
  return {
    id: true,
    firstName: true,
    lastName: true,
    identityNumber: true,
    identityNumberKind: true,
    aliases: true,
    status: true,
    statusSince: true,
    hasProtectedIdentity: true,
    version: true,
    memberships: {
      orderBy: { validFrom: "desc" },
      select: { id: true, role: true, confidence: true, validFrom: true, validTo: true, group: { select: { id: true, name: true } } },
    },
    assignments: {
      where: { endedAt: null },
      select: { agency: true, user: { select: { id: true, name: true } } },
    },
    notifications: {
      where: notificationWhere(actor),
      orderBy: { occurredAt: "desc" },
      take: 100,
      select: {
        id: true,
        occurredAt: true,
        placeType: true,
        agencies: true,
        outcome: true,
        response: true,
        askedForHelpOnSite: true,
        nextStep: true,
        createdByAgency: true,
        createdBy: { select: { name: true } },
        participants: { select: { user: { select: { name: true } } } },
        notes: { where: internalNoteWhere(actor), select: { agency: true, body: true } },
      },
    },
  } satisfies Prisma.PersonSelect;
}

export type PersonFile = Omit<Prisma.PersonGetPayload<{ select: ReturnType<typeof fileSelect> }>, "identityNumber"> & {
  maskedIdentityNumber: string | null;
};

/** A person's file for the actor; not found if it does not exist or is not theirs to see. Audited. */
export async function getPersonFile({ actor, personId }: { actor: Actor; personId: string }): Promise<PersonFile> {
  if (!isUuid(personId)) throw new NotFoundError("person");
  // [confid] caseload gate: outside the actor's caseload a reason must have been given (lib/access);
  // it goes into the READ event below. Throws AccessReasonRequiredError, which the page turns into the reason form.
  const access = await requirePersonAccess({ actor, personId });
  const person = await db.person.findFirst({ where: { AND: [personWhere(actor, "read"), { id: personId }] }, select: fileSelect(actor) });
  if (!person) throw new NotFoundError("person");
  await recordAuditNow(actor, { action: "READ", entityType: "Person", entityId: person.id, personId: person.id, ...accessAuditFields(access) }); // [confid] reason
  const { identityNumber, ...rest } = person;
  return { ...rest, maskedIdentityNumber: identityNumber ? maskIdentityNumber(identityNumber) : null };
}
