import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/people/resolve";
import { recordAuditNow } from "@/lib/audit";
import { authorize, callInInviteeWhere, callInWhere, colleagueWhere, groupWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";
import { maskIdentityNumber } from "@/lib/validation/personnummer";
import { findPeople } from "@/lib/people/queries";
import type { TFindCallIns } from "./schemas";

export type CallInRow = { id: string; occurredAt: Date; venue: string; invited: number; attended: number };

/** Call-ins, searched by venue, upcoming or past; with how many were invited and came. */
export async function findCallIns({
  actor,
  query,
  now = new Date(),
}: {
  actor: Actor;
  query: TFindCallIns;
  now?: Date;
}): Promise<Page<CallInRow>> {
  const where: Prisma.CallInWhereInput = {
    AND: [
      callInWhere(actor, "list"),
      query.q ? { venue: { contains: query.q, mode: "insensitive" } } : {},
      query.period === "upcoming"
        ? { occurredAt: { gte: now } }
        : query.period === "past"
          ? { occurredAt: { lt: now } }
          : {},
    ],
  };
  // The next meeting first when looking ahead; otherwise the latest first.
  const orderBy: Prisma.CallInOrderByWithRelationInput[] =
    query.period === "upcoming" ? [{ occurredAt: "asc" }, { id: "asc" }] : [{ occurredAt: "desc" }, { id: "desc" }];
  const [rows, total] = await Promise.all([
    db.callIn.findMany({
      where,
      select: { id: true, occurredAt: true, venue: true },
      orderBy,
      ...pageArgs(query.page),
    }),
    db.callIn.count({ where }),
  ]);
  const counts = await db.callInInvitee.groupBy({
    by: ["callInId", "status"],
    where: { AND: [callInInviteeWhere(actor, "list"), { callInId: { in: rows.map((r) => r.id) } }] },
    _count: { _all: true },
  });
  const invited = new Map<string, number>();
  const attended = new Map<string, number>();
  for (const c of counts) {
    invited.set(c.callInId, (invited.get(c.callInId) ?? 0) + c._count._all);
    if (c.status === "ATTENDED") attended.set(c.callInId, c._count._all);
  }
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "CallIn",
    metadata: {
      page: query.page,
      period: query.period,
      searched: query.q.length > 0,
      shownCallInIds: rows.map((r) => r.id),
    },
  });
  return toPage(
    rows.map((r) => ({ ...r, invited: invited.get(r.id) ?? 0, attended: attended.get(r.id) ?? 0 })),
    total,
    query.page,
  );
}

function detailSelect(actor: Actor) {
  return {
    id: true,
    occurredAt: true,
    venue: true,
    description: true,
    version: true,
    createdAt: true,
    createdByAgency: true,
    createdBy: { select: { name: true } },
    speakers: {
      select: { id: true, kind: true, name: true, user: { select: { id: true, name: true } } },
      orderBy: [{ kind: "asc" }, { id: "asc" }],
    },
    invitees: {
      where: callInInviteeWhere(actor, "read"),
      select: {
        personId: true,
        status: true,
        response: true,
        askedForHelp: true,
        person: { select: { firstName: true, lastName: true, identityNumber: true, status: true } },
      },
      orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
    },
  } satisfies Prisma.CallInSelect;
}

type DetailRow = Prisma.CallInGetPayload<{ select: ReturnType<typeof detailSelect> }>;

export type CallInAttendee = Omit<DetailRow["invitees"][number], "person"> & {
  name: string;
  maskedIdentityNumber: string | null;
  personStatus: DetailRow["invitees"][number]["person"]["status"];
};

export type CallInDetail = Omit<DetailRow, "invitees" | "createdBy" | "speakers"> & {
  createdByName: string;
  /** The meeting has taken place (within a minute): attendance may be recorded. */
  isHeld: boolean;
  attendees: CallInAttendee[];
  speakers: { id: string; kind: DetailRow["speakers"][number]["kind"]; userId: string | null; name: string }[];
};

/** One call-in with its speakers and attendees. Audited, with the people shown. */
export async function getCallIn({
  actor,
  callInId,
  action = "read",
  now = new Date(),
}: {
  actor: Actor;
  callInId: string;
  action?: "read" | "update";
  now?: Date;
}): Promise<CallInDetail> {
  if (!isUuid(callInId)) throw new NotFoundError("callIn");
  const row = await db.callIn.findFirst({
    where: { AND: [callInWhere(actor, action), { id: callInId }] },
    select: detailSelect(actor),
  });
  if (!row) throw new NotFoundError("callIn");
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "CallIn",
    entityId: row.id,
    metadata: { shownPersonIds: row.invitees.map((i) => i.personId) },
  });
  const { invitees, createdBy, speakers, ...rest } = row;
  return {
    ...rest,
    createdByName: createdBy.name,
    isHeld: rest.occurredAt.getTime() <= now.getTime() + 60_000,
    speakers: speakers.map((s) => ({
      id: s.id,
      kind: s.kind,
      userId: s.user?.id ?? null,
      name: s.user?.name ?? s.name ?? "",
    })),
    attendees: invitees.map(({ person, ...i }) => ({
      ...i,
      name: fullName(person),
      // The full number never leaves the server here either.
      maskedIdentityNumber: person.identityNumber ? maskIdentityNumber(person.identityNumber) : null,
      personStatus: person.status,
    })),
  };
}

/** Who may speak (colleagues by agency) and which groups may be invited. */
export async function getCallInFormOptions({ actor }: { actor: Actor }) {
  authorize(actor, "callIn", "create");
  const [colleagues, groups] = await Promise.all([
    db.user.findMany({
      where: colleagueWhere(actor),
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
    db.group.findMany({
      where: groupWhere(actor, "list"),
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  return { colleagues, groups };
}

/** How many matches of a name search the call-in's page offers to invite. */
export const INVITE_SEARCH_LIMIT = 10;

/**
 * The name search on a call-in's page: the site's people matching `q`, through the people search
 * (lib/people/queries.ts#findPeople, which scopes and audits the search), each marked if already
 * invited. Only for those who may change the call-in.
 */
export async function findInviteCandidates({ actor, callInId, q }: { actor: Actor; callInId: string; q: string }) {
  if (!isUuid(callInId)) throw new NotFoundError("callIn");
  const callIn = await db.callIn.findFirst({
    where: { AND: [callInWhere(actor, "update"), { id: callInId }] },
    select: { id: true, invitees: { where: callInInviteeWhere(actor, "read"), select: { personId: true } } },
  });
  if (!callIn) throw new NotFoundError("callIn");
  if (!q) return null;
  const found = await findPeople({ actor, query: { q, page: 1 } });
  const invited = new Set(callIn.invitees.map((i) => i.personId));
  return {
    total: found.total,
    items: found.items.slice(0, INVITE_SEARCH_LIMIT).map((p) => ({
      id: p.id,
      name: p.name,
      maskedIdentityNumber: p.maskedIdentityNumber,
      status: p.status,
      groups: p.groups.map((g) => g.name),
      invited: invited.has(p.id),
    })),
  };
}
