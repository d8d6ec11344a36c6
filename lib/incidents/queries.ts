import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/people/resolve";
import { recordAuditNow } from "@/lib/audit";
import { authorize, can, canSeeIncidentPeople, groupWhere, incidentWhere, personWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { parseStockholmDateTime } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";
import { maskIdentityNumber } from "@/lib/validation/personnummer";
import type { TFindIncidents } from "./schemas";

const ROW_SELECT = {
  id: true,
  occurredAt: true,
  type: true,
  district: true,
  place: true,
  killed: true,
  injured: true,
  groupMemberInvolvement: true,
} satisfies Prisma.IncidentSelect;

export type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof ROW_SELECT }>;

const DAY = 86_400_000;

/** 00:00 in Stockholm on the calendar date `day` (a @db.Date-style value at 00:00 UTC). */
function startOfStockholmDay(day: Date): Date {
  return parseStockholmDateTime(`${day.toISOString().slice(0, 10)}T00:00`)!;
}

function filterWhere(actor: Actor, query: TFindIncidents): Prisma.IncidentWhereInput {
  return {
    AND: [
      incidentWhere(actor, "list"),
      query.type ? { type: query.type } : {},
      query.gmi ? { groupMemberInvolvement: query.gmi } : {},
      query.district ? { district: query.district } : {},
      // Whole days in Swedish time: from the start of `from` to the end of `to`.
      query.from ? { occurredAt: { gte: startOfStockholmDay(query.from) } } : {},
      query.to ? { occurredAt: { lt: startOfStockholmDay(new Date(query.to.getTime() + DAY)) } } : {},
    ],
  };
}

/**
 * The site's districts that incidents were recorded in (the list's filter, the form's suggestions).
 * A loose index scan over (siteId, district, occurredAt): one index probe per district instead of
 * reading every incident, which a plain DISTINCT would do on PostgreSQL before 18.
 */
async function listDistricts(actor: Actor): Promise<string[]> {
  // The grant check of incidentWhere; the raw query applies the same scope: the actor's site.
  incidentWhere(actor, "list");
  const siteId = actor.siteId;
  const rows = await db.$queryRaw<{ district: string }[]>`
    WITH RECURSIVE d AS (
      (SELECT district FROM "Incident" WHERE "siteId" = ${siteId}::uuid ORDER BY district LIMIT 1)
      UNION ALL
      SELECT (SELECT i.district FROM "Incident" i WHERE i."siteId" = ${siteId}::uuid AND i.district > d.district ORDER BY i.district LIMIT 1)
      FROM d WHERE d.district IS NOT NULL
    )
    SELECT district FROM d WHERE district IS NOT NULL LIMIT 500`;
  return rows.map((r) => r.district);
}

/**
 * Shootings and other serious violence, newest first, with the totals of what the filter finds.
 * Every agency and the programme management read these; the list shows no people.
 */
export async function findIncidents({ actor, query }: { actor: Actor; query: TFindIncidents }) {
  const where = filterWhere(actor, query);
  const [rows, total, sums, districts] = await Promise.all([
    db.incident.findMany({
      where,
      select: ROW_SELECT,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      ...pageArgs(query.page),
    }),
    db.incident.count({ where }),
    db.incident.aggregate({ where, _sum: { killed: true, injured: true } }),
    listDistricts(actor),
  ]);
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "Incident",
    metadata: {
      page: query.page,
      type: query.type ?? null,
      gmi: query.gmi ?? null,
      district: Boolean(query.district),
      shownIncidentIds: rows.map((r) => r.id),
    },
  });
  return {
    page: toPage(rows, total, query.page) as Page<IncidentRow>,
    totals: { killed: sums._sum.killed ?? 0, injured: sums._sum.injured ?? 0 },
    districts,
  };
}

function detailSelect(actor: Actor, withPeople: boolean, withGroups: boolean) {
  return {
    ...ROW_SELECT,
    description: true,
    version: true,
    createdAt: true,
    createdBy: { select: { name: true } },
    groups: withGroups
      ? {
          where: { group: groupWhere(actor, "read") },
          select: { role: true, group: { select: { id: true, name: true } } },
          orderBy: { group: { name: "asc" } },
        }
      : false,
    people: withPeople
      ? {
          where: { person: personWhere(actor, "read") },
          select: {
            role: true,
            person: { select: { id: true, firstName: true, lastName: true, identityNumber: true, status: true } },
          },
          orderBy: [{ role: "asc" }, { person: { lastName: "asc" } }],
        }
      : false,
  } satisfies Prisma.IncidentSelect;
}

export type IncidentPersonLink = {
  personId: string;
  name: string;
  maskedIdentityNumber: string | null;
  role: "VICTIM" | "SUSPECT";
  status: string;
};

export type IncidentDetail = IncidentRow & {
  description: string | null;
  version: number;
  createdAt: Date;
  createdByName: string;
  groups: { role: "SUSPECTED" | "VICTIM_SIDE"; id: string; name: string }[] | null;
  people: IncidentPersonLink[] | null;
};

/**
 * One incident. Linked people (victims, suspects) only for those who may read people, so never
 * for the programme management; groups likewise. Null means "not yours to see", not "none".
 */
export async function getIncident({
  actor,
  incidentId,
  action = "read",
}: {
  actor: Actor;
  incidentId: string;
  action?: "read" | "update";
}): Promise<IncidentDetail> {
  if (!isUuid(incidentId)) throw new NotFoundError("incident");
  const withPeople = canSeeIncidentPeople(actor);
  const withGroups = can(actor, "group", "read");
  const row = await db.incident.findFirst({
    where: { AND: [incidentWhere(actor, action), { id: incidentId }] },
    select: detailSelect(actor, withPeople, withGroups),
  });
  if (!row) throw new NotFoundError("incident");
  const people = withPeople
    ? (
        row.people as unknown as {
          role: "VICTIM" | "SUSPECT";
          person: { id: string; firstName: string; lastName: string; identityNumber: string | null; status: string };
        }[]
      ).map((l) => ({
        personId: l.person.id,
        name: fullName(l.person),
        maskedIdentityNumber: l.person.identityNumber ? maskIdentityNumber(l.person.identityNumber) : null,
        role: l.role,
        status: l.person.status,
      }))
    : null;
  const groups = withGroups
    ? (row.groups as unknown as { role: "SUSPECTED" | "VICTIM_SIDE"; group: { id: string; name: string } }[]).map(
        (g) => ({ role: g.role, ...g.group }),
      )
    : null;
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "Incident",
    entityId: row.id,
    metadata: { shownPersonIds: people?.map((p) => p.personId) ?? [] },
  });
  const { createdBy, people: _p, groups: _g, ...rest } = row;
  return { ...rest, createdByName: createdBy.name, groups, people };
}

/** The groups the incident form offers as suspected or victim side. */
export async function getIncidentFormOptions({ actor }: { actor: Actor }) {
  authorize(actor, "incident", "create");
  const [groups, districts] = await Promise.all([
    db.group.findMany({
      where: groupWhere(actor, "list"),
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
    listDistricts(actor),
  ]);
  return { groups, districts };
}
