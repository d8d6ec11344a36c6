import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction, Role } from "@/lib/generated/prisma/enums";
import { recordAuditNow } from "@/lib/audit";
import { auditEventWhere, authorize, personAdministrationWhere, personWhere, userWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";
import { maskIdentityNumber } from "@/lib/validation/personnummer";
import { aboutPersonSql } from "./about-person";
import { occurredAtRange, type AuditFilter } from "./schemas";

/** Counting every match of a broad filter over years of log costs more than it tells: stop here. */
export const AUDIT_COUNT_CAP = 10_000;

/**
 * What counts as having read a person's file, for "who has read this person's file": their file,
 * and every list, search result, board or group page that showed them (aboutPersonSql).
 */
export const READ_ACTIONS: AuditAction[] = ["READ", "SEARCH", "REVEAL_IDENTITY_NUMBER", "EXPORT"];

const ROW_SELECT = {
  id: true,
  occurredAt: true,
  actorRole: true,
  action: true,
  entityType: true,
  entityId: true,
  personId: true,
  reason: true,
  metadata: true,
  ipAddress: true,
  actor: { select: { id: true, name: true } },
} satisfies Prisma.AuditEventSelect;

export type AuditRow = {
  id: string;
  occurredAt: Date;
  actor: { id: string; name: string; role: Role | null } | null;
  action: AuditAction;
  entityType: string | null;
  entityId: string | null;
  person: { id: string; label: string | null; anonymised: boolean } | null;
  reason: string | null;
  metadata: string | null;
  ipAddress: string | null;
};

type PersonLabels = Map<string, { label: string | null; anonymised: boolean }>;

function toRow(e: Prisma.AuditEventGetPayload<{ select: typeof ROW_SELECT }>, people: PersonLabels): AuditRow {
  const person = e.personId ? (people.get(e.personId) ?? { label: null, anonymised: false }) : null;
  return {
    id: e.id.toString(),
    occurredAt: e.occurredAt,
    actor: e.actor ? { ...e.actor, role: e.actorRole } : null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    person: e.personId && person ? { id: e.personId, ...person } : null,
    reason: e.reason,
    metadata: e.metadata === null ? null : JSON.stringify(e.metadata),
    ipAddress: e.ipAddress,
  };
}

export function auditFilterWhere(
  actor: Actor,
  filter: AuditFilter,
  action: "list" | "export" = "list",
): Prisma.AuditEventWhereInput {
  return {
    AND: [
      auditEventWhere(actor, action),
      filter.userId ? { actorId: filter.userId } : {},
      filter.personId ? { personId: filter.personId } : {},
      filter.action ? { action: filter.action } : {},
      { occurredAt: occurredAtRange(filter) },
    ],
  };
}

/** Names for the people a page of events is about: ADMIN's view (whole site, anonymised marked). */
async function personLabelsForAdmin(actor: Actor, ids: string[]): Promise<PersonLabels> {
  const people = await db.person.findMany({
    where: { AND: [personAdministrationWhere(actor, "auditLog", "list"), { id: { in: [...new Set(ids)] } }] },
    select: { id: true, firstName: true, lastName: true, anonymisedAt: true },
  });
  return new Map(
    people.map((p) => [
      p.id,
      p.anonymisedAt ? { label: null, anonymised: true } : { label: `${p.firstName} ${p.lastName}`, anonymised: false },
    ]),
  );
}

async function countCapped(where: Prisma.AuditEventWhereInput): Promise<{ total: number; capped: boolean }> {
  const total = await db.auditEvent.count({ where, take: AUDIT_COUNT_CAP + 1 });
  return { total: Math.min(total, AUDIT_COUNT_CAP), capped: total > AUDIT_COUNT_CAP };
}

/**
 * ADMIN's audit view: the site's events, newest first, filtered by user, person, action and
 * Stockholm dates, on the server, 25 to a page. Every filter has an index (actorId, personId,
 * action, siteId — each with occurredAt). Looking at the log is logged too.
 */
export async function listAuditEvents({
  actor,
  filter,
}: {
  actor: Actor;
  filter: AuditFilter;
}): Promise<Page<AuditRow> & { capped: boolean }> {
  const where = auditFilterWhere(actor, filter);
  const [events, count] = await Promise.all([
    db.auditEvent.findMany({
      where,
      select: ROW_SELECT,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      ...pageArgs(filter.page),
    }),
    countCapped(where),
  ]);
  const people = await personLabelsForAdmin(
    actor,
    events.flatMap((e) => (e.personId ? [e.personId] : [])),
  );
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "AuditEvent",
    metadata: { filter: filterMetadata(filter), shown: events.length },
  });
  return {
    ...toPage(
      events.map((e) => toRow(e, people)),
      count.total,
      filter.page,
    ),
    capped: count.capped,
  };
}

/** The filter as audit metadata: ids and codes only. */
export function filterMetadata(filter: AuditFilter): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as Prisma.InputJsonObject;
}

/** Who may be picked in the user filter: the site's accounts. */
export async function listAuditUsers({ actor }: { actor: Actor }): Promise<{ id: string; name: string; role: Role }[]> {
  authorize(actor, "auditLog", "list");
  return db.user.findMany({
    where: userWhere(actor, "list"),
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
  });
}

/** The steps of a register extract request, as its audit events name them (lib/register-extract/mutations.ts). */
export type ExtractEventKind = "registered" | "approved" | "rejected" | "produced" | "opened" | "exported";

export type PersonReaders = {
  person: { id: string; label: string | null; maskedIdentityNumber: string | null; anonymised: boolean };
  readers: {
    user: { id: string; name: string; role: Role } | null;
    reads: number;
    withReason: number;
    first: Date;
    last: Date;
  }[];
  /** The register extract's requests about the person, step by step from the log, newest first. */
  extractEvents: {
    id: string;
    occurredAt: Date;
    user: { id: string; name: string; role: Role | null } | null;
    event: ExtractEventKind;
    format: string | null;
    reference: string | null;
    requestId: string | null;
  }[];
};

const EXTRACT_EVENTS = new Set<string>(["registered", "approved", "rejected", "produced", "opened"]);
/** At most this many steps are shown; a person's requests are a handful. */
const EXTRACT_EVENTS_SHOWN = 200;

function extractEventOf(metadata: Prisma.JsonValue): {
  event: ExtractEventKind;
  format: string | null;
  requestId: string | null;
} {
  const m = metadata && typeof metadata === "object" && !Array.isArray(metadata) ? metadata : {};
  const event = typeof m.event === "string" && EXTRACT_EVENTS.has(m.event) ? (m.event as ExtractEventKind) : "exported";
  return {
    event,
    format: typeof m.format === "string" ? m.format : null,
    requestId: typeof m.requestId === "string" ? m.requestId : null,
  };
}

/**
 * "Who has read this person's file": every user with a read, reveal or export about the person,
 * how often, when first and last, and how many of those reads were outside their caseload (with a
 * reason). The review itself is logged, with the person in metadata only, so that looking at the
 * log does not make the reviewer one of the file's readers.
 */
export async function listPersonReaders({
  actor,
  personId,
}: {
  actor: Actor;
  personId: string;
}): Promise<PersonReaders> {
  authorize(actor, "auditLog", "list");
  if (!isUuid(personId)) throw new NotFoundError("person");
  const person = await db.person.findFirst({
    where: { AND: [personAdministrationWhere(actor, "auditLog", "list"), { id: personId }] },
    select: { id: true, firstName: true, lastName: true, identityNumber: true, anonymisedAt: true },
  });
  if (!person) throw new NotFoundError("person");
  // The scope of lib/authz as SQL: ADMIN's is the site; a narrower grant (own actions) never gets here.
  const scope = auditEventWhere(actor, "list");
  if (typeof scope.siteId !== "string" || scope.actorId !== undefined) throw new NotFoundError("person");
  const all = await db.$queryRaw<
    { actorId: string | null; reads: number; withReason: number; first: Date; last: Date }[]
  >`
    SELECT "actorId", count(*)::int AS "reads", count("reason")::int AS "withReason", min("occurredAt") AS "first", max("occurredAt") AS "last"
    FROM "AuditEvent"
    WHERE "siteId" = ${scope.siteId}::uuid AND "action"::text IN (${Prisma.join(READ_ACTIONS)}) AND ${aboutPersonSql(personId)}
    GROUP BY "actorId"`;
  const users = await db.user.findMany({
    where: { AND: [userWhere(actor, "read"), { id: { in: all.flatMap((g) => (g.actorId ? [g.actorId] : [])) } }] },
    select: { id: true, name: true, role: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  // Registration, decision, production and each opening (EXPORT events before requests existed
  // too). Read before the review's own event, which is not one of them.
  const extractEvents = await db.auditEvent.findMany({
    where: {
      AND: [
        auditEventWhere(actor, "list"),
        {
          personId: person.id,
          entityType: { in: ["RegisterExtractRequest", "RegisterExtract"] },
          action: { in: ["CREATE", "UPDATE", "EXPORT"] },
        },
      ],
    },
    select: {
      id: true,
      occurredAt: true,
      actorRole: true,
      reason: true,
      metadata: true,
      actor: { select: { id: true, name: true } },
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: EXTRACT_EVENTS_SHOWN,
  });
  await recordAuditNow(actor, { action: "READ", entityType: "AuditEvent", metadata: { readersOfPersonId: person.id } });
  return {
    person: {
      id: person.id,
      label: person.anonymisedAt ? null : `${person.firstName} ${person.lastName}`,
      maskedIdentityNumber: person.identityNumber ? maskIdentityNumber(person.identityNumber) : null,
      anonymised: person.anonymisedAt !== null,
    },
    readers: all
      .map((g) => ({
        user: g.actorId ? (byId.get(g.actorId) ?? null) : null,
        reads: g.reads,
        withReason: g.withReason,
        first: g.first,
        last: g.last,
      }))
      .sort((a, b) => b.last.getTime() - a.last.getTime()),
    extractEvents: extractEvents.map((e) => ({
      id: e.id.toString(),
      occurredAt: e.occurredAt,
      user: e.actor ? { ...e.actor, role: e.actorRole } : null,
      reference: e.reason,
      ...extractEventOf(e.metadata),
    })),
  };
}

/**
 * ADMIN's person picker: the person with this exact personnummer in the site, or not found. The
 * number is posted and compared, never logged; the search is logged with the person found.
 */
export async function findPersonForAudit({
  actor,
  identityNumber,
}: {
  actor: Actor;
  identityNumber: string;
}): Promise<{ id: string }> {
  const person = await db.person.findFirst({
    where: { AND: [personAdministrationWhere(actor, "auditLog", "list"), { identityNumber }] },
    select: { id: true },
  });
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "Person",
    personId: person?.id,
    metadata: { byIdentityNumber: true, found: Boolean(person) },
  });
  if (!person) throw new NotFoundError("person");
  return person;
}

/**
 * The actor's own actions (docs/confidentiality.md: agencies see their own audit events). People are named only
 * while the actor may still see them.
 */
export async function listMyActivity({ actor, page }: { actor: Actor; page: number }): Promise<Page<AuditRow>> {
  // The actor's own events, whatever the breadth of their grant (ADMIN's covers the whole site).
  const where: Prisma.AuditEventWhereInput = { AND: [auditEventWhere(actor, "list"), { actorId: actor.id }] };
  const [events, count] = await Promise.all([
    db.auditEvent.findMany({
      where,
      select: ROW_SELECT,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      ...pageArgs(page),
    }),
    countCapped(where),
  ]);
  const ids = [...new Set(events.flatMap((e) => (e.personId ? [e.personId] : [])))];
  const people = actor.agency
    ? await db.person.findMany({
        where: { AND: [personWhere(actor, "list"), { id: { in: ids } }] },
        select: { id: true, firstName: true, lastName: true },
      })
    : [];
  const labels: PersonLabels = new Map(
    people.map((p) => [p.id, { label: `${p.firstName} ${p.lastName}`, anonymised: false }]),
  );
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "AuditEvent",
    metadata: { ownActions: true, page, shown: events.length },
  });
  // A person the actor may no longer see (anonymised, say) is not named, nor identified by id.
  const rows = events
    .map((e) => toRow(e, labels))
    .map((r) => (r.person && !r.person.label ? { ...r, person: null } : r));
  return toPage(rows, count.total, page);
}
