import "server-only";
import type { AuditEntityType } from "@/lib/audit/entities";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";
import { recordDisclosures } from "@/lib/disclosure";
import { fullName, personNameWhere } from "@/lib/people/resolve";
import { openPerson } from "@/lib/caseload-gate";
import { recordAuditNow } from "@/lib/audit";
import {
  authorize,
  callInInviteeWhere,
  isStatusOnly,
  notificationWhere,
  personWhere,
  protectedLocationWhere,
  REFERRAL_STATUS_SELECT,
  referralWhere,
  SUPPORT_MEASURE_STATUS_SELECT,
  supportMeasureWhere,
  type Actor,
} from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";
import { NEXT_STATUSES, OPEN_STATUSES } from "./flow";
import type { TFindReferrals } from "./schemas";

/** How many cards each column of the board shows; the rest are one click away in the list. */
export const BOARD_COLUMN_SIZE = 12;

// What every viewer may see of a referral in a list: its status, and whose it is. The same for
// social services as for status-only viewers, so no list can show more than the board allows.
const CARD_SELECT = {
  ...REFERRAL_STATUS_SELECT,
  person: { select: { firstName: true, lastName: true } },
} satisfies Prisma.ReferralSelect;

type CardRow = Prisma.ReferralGetPayload<{ select: typeof CARD_SELECT }>;

export type ReferralCard = Omit<CardRow, "person"> & { personName: string };

function toCard({ person, ...rest }: CardRow): ReferralCard {
  return { ...rest, personName: fullName(person) };
}

/** "Mine": people on the actor's own caseload (for social services, the people they handle). */
function mineWhere(actor: Actor, mine: boolean): Prisma.ReferralWhereInput {
  return mine ? { person: { assignments: { some: { userId: actor.id, endedAt: null } } } } : {};
}

async function auditShown(
  actor: Actor,
  action: "SEARCH" | "READ",
  entityType: AuditEntityType,
  cards: ReferralCard[],
  metadata: Prisma.InputJsonObject = {},
) {
  await recordAuditNow(actor, {
    action,
    entityType,
    metadata: {
      ...metadata,
      shownReferralIds: cards.map((c) => c.id),
      shownPersonIds: [...new Set(cards.map((c) => c.personId))],
    },
  });
  if (isStatusOnly(actor, "referral")) {
    await recordDisclosures(
      actor,
      cards.map((c) => ({
        personId: c.personId,
        fromAgency: "SOCIAL",
        kind: "REFERRAL_STATUS",
        entityType: "ReferralStatus",
        entityId: c.id,
      })),
    );
  }
}

export type BoardColumn = { status: ReferralStatus; total: number; items: ReferralCard[] };

/** All open referrals by status, longest waiting first in each column. Audited; disclosures logged. */
export async function getReferralBoard({
  actor,
  mine = false,
}: {
  actor: Actor;
  mine?: boolean;
}): Promise<BoardColumn[]> {
  const base: Prisma.ReferralWhereInput = { AND: [referralWhere(actor, "list"), mineWhere(actor, mine)] };
  const [counts, ...columns] = await Promise.all([
    db.referral.groupBy({
      by: ["status"],
      where: { AND: [base, { status: { in: [...OPEN_STATUSES] } }] },
      _count: { _all: true },
    }),
    ...OPEN_STATUSES.map((status) =>
      db.referral.findMany({
        where: { AND: [base, { status }] },
        select: CARD_SELECT,
        orderBy: [{ statusChangedAt: "asc" }, { id: "asc" }],
        take: BOARD_COLUMN_SIZE,
      }),
    ),
  ]);
  const total = new Map(counts.map((c) => [c.status, c._count._all]));
  const board = OPEN_STATUSES.map((status, i) => ({
    status,
    total: total.get(status) ?? 0,
    items: columns[i]!.map(toCard),
  }));
  await auditShown(
    actor,
    "READ",
    "ReferralBoard",
    board.flatMap((c) => c.items),
    { mine },
  );
  return board;
}

/** Referrals, filtered by status (or all open ones) and the person's name, paginated. */
export async function findReferrals({
  actor,
  query,
}: {
  actor: Actor;
  query: TFindReferrals;
}): Promise<Page<ReferralCard>> {
  const where: Prisma.ReferralWhereInput = {
    AND: [
      referralWhere(actor, "list"),
      mineWhere(actor, Boolean(query.mine)),
      query.status ? { status: query.status } : query.open ? { status: { in: [...OPEN_STATUSES] } } : {},
      query.q ? { person: personNameWhere(query.q) } : {},
    ],
  };
  // With a status, the board's order (longest waiting first); otherwise the newest referrals first.
  const orderBy: Prisma.ReferralOrderByWithRelationInput[] = query.status
    ? [{ statusChangedAt: "asc" }, { id: "asc" }]
    : [{ referredAt: "desc" }, { id: "desc" }];
  const [rows, total] = await Promise.all([
    db.referral.findMany({ where, select: CARD_SELECT, orderBy, ...pageArgs(query.page) }),
    db.referral.count({ where }),
  ]);
  const items = rows.map(toCard);
  await auditShown(actor, "SEARCH", "Referral", items, {
    page: query.page,
    searched: query.q.length > 0,
    status: query.status ?? null,
  });
  return toPage(items, total, query.page);
}

function fullSelect() {
  return {
    id: true,
    personId: true,
    status: true,
    statusChangedAt: true,
    referredAt: true,
    closedAt: true,
    source: true,
    version: true,
    person: { select: { firstName: true, lastName: true, status: true } },
    createdBy: { select: { name: true } },
    notification: { select: { id: true, occurredAt: true } },
    callIn: { select: { id: true, occurredAt: true, venue: true } },
    history: {
      orderBy: [{ changedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        fromStatus: true,
        toStatus: true,
        changedAt: true,
        comment: true,
        changedBy: { select: { name: true } },
      },
    },
  } satisfies Prisma.ReferralSelect;
}

// Never the destination town: that is selected separately, for the person's own handlers only.
const MEASURE_SELECT = {
  id: true,
  type: true,
  status: true,
  startsOn: true,
  endsOn: true,
  outcome: true,
  version: true,
} satisfies Prisma.SupportMeasureSelect;

type FullRow = Prisma.ReferralGetPayload<{ select: ReturnType<typeof fullSelect> }>;
type MeasureRow = Prisma.SupportMeasureGetPayload<{ select: typeof MEASURE_SELECT }>;

/** A relocation's destination: the town for the person's handlers, "protected" for anyone else. */
export type Destination = { kind: "none" } | { kind: "town"; town: string } | { kind: "protected" };

export type ReferralDetail =
  | {
      kind: "full";
      referral: Omit<FullRow, "person"> & { personName: string; personStatus: FullRow["person"]["status"] };
      measures: (MeasureRow & { destination: Destination })[];
      nextStatuses: readonly ReferralStatus[];
      isHandler: boolean;
    }
  | {
      kind: "statusOnly";
      referral: ReferralCard;
      measures: Prisma.SupportMeasureGetPayload<{ select: typeof SUPPORT_MEASURE_STATUS_SELECT }>[];
    };

/** Whether the actor is one of the social services staff handling the person (protected details). */
export async function isHandlerOf(actor: Actor, personId: string): Promise<boolean> {
  const handler = protectedLocationWhere(actor);
  if (!handler) return false;
  return (await db.person.count({ where: { AND: [personWhere(actor, "read"), { id: personId }, handler] } })) === 1;
}

/**
 * One referral: in full for social services; for police and probation with the person's consent,
 * the status, its dates and the measures' status only (nothing else is selected). Audited.
 */
export async function getReferral({
  actor,
  referralId,
}: {
  actor: Actor;
  referralId: string;
}): Promise<ReferralDetail> {
  if (!isUuid(referralId)) throw new NotFoundError("referral");
  const where: Prisma.ReferralWhereInput = { AND: [referralWhere(actor, "read"), { id: referralId }] };

  if (isStatusOnly(actor, "referral")) {
    const row = await db.referral.findFirst({ where, select: CARD_SELECT });
    if (!row) throw new NotFoundError("referral");
    // The caseload gate, as on the person's file: a referral is part of it.
    const { audit } = await openPerson({ actor, personId: row.personId });
    const measures = await db.supportMeasure.findMany({
      where: { AND: [supportMeasureWhere(actor, "read"), { referralId }] },
      select: SUPPORT_MEASURE_STATUS_SELECT,
      orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    });
    await audit({ action: "READ", entityType: "ReferralStatus", entityId: row.id });
    await recordDisclosures(actor, [
      {
        personId: row.personId,
        fromAgency: "SOCIAL",
        kind: "REFERRAL_STATUS",
        entityType: "ReferralStatus",
        entityId: row.id,
      },
      ...measures.map((m) => ({
        personId: m.personId,
        fromAgency: "SOCIAL" as const,
        kind: "SUPPORT_MEASURE_STATUS" as const,
        entityType: "SupportMeasureStatus" as const,
        entityId: m.id,
      })),
    ]);
    return { kind: "statusOnly", referral: toCard(row), measures };
  }

  const row = await db.referral.findFirst({ where, select: fullSelect() });
  if (!row) throw new NotFoundError("referral");
  const { audit } = await openPerson({ actor, personId: row.personId });
  const [measures, isHandler] = await Promise.all([
    db.supportMeasure.findMany({
      where: { AND: [supportMeasureWhere(actor, "read"), { referralId }] },
      select: MEASURE_SELECT,
      orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    }),
    isHandlerOf(actor, row.personId),
  ]);
  const towns = isHandler
    ? new Map(
        (
          await db.supportMeasure.findMany({
            where: { AND: [supportMeasureWhere(actor, "read"), { referralId, destinationTown: { not: null } }] },
            select: { id: true, destinationTown: true },
          })
        ).map((m) => [m.id, m.destinationTown!]),
      )
    : new Map<string, string>();
  await audit({
    action: "READ",
    entityType: "Referral",
    entityId: row.id,
    metadata: { protectedDestinationShown: towns.size > 0 },
  });
  const { person, ...referral } = row;
  return {
    kind: "full",
    referral: { ...referral, personName: fullName(person), personStatus: person.status },
    measures: measures.map((m) => ({
      ...m,
      destination: towns.has(m.id)
        ? { kind: "town", town: towns.get(m.id)! }
        : m.type === "RELOCATION" && !isHandler
          ? { kind: "protected" }
          : { kind: "none" },
    })),
    nextStatuses: NEXT_STATUSES[row.status],
    isHandler,
  };
}

/** What the "refer to the programme" form offers: the person, and the activities it may come from. */
export async function getReferralFormOptions({ actor, personId }: { actor: Actor; personId: string }) {
  authorize(actor, "referral", "create");
  if (!isUuid(personId)) throw new NotFoundError("person");
  const { person, audit } = await openPerson({
    actor,
    personId,
    select: { firstName: true, lastName: true, status: true },
  });
  const [notifications, invitations, openReferral] = await Promise.all([
    db.customNotification.findMany({
      where: { AND: [notificationWhere(actor, "read"), { personId }] },
      select: { id: true, occurredAt: true, outcome: true },
      orderBy: { occurredAt: "desc" },
      take: 50,
    }),
    db.callInInvitee.findMany({
      where: { AND: [callInInviteeWhere(actor, "read"), { personId }] },
      select: { callIn: { select: { id: true, occurredAt: true, venue: true } } },
      orderBy: { callIn: { occurredAt: "desc" } },
      take: 50,
    }),
    db.referral.findFirst({
      where: { AND: [referralWhere(actor, "read"), { personId, closedAt: null }] },
      select: { id: true },
    }),
  ]);
  await audit({ action: "READ", entityType: "Person", entityId: person.id, metadata: { purpose: "newReferral" } });
  return {
    person: { id: person.id, name: fullName(person), status: person.status },
    notifications,
    callIns: invitations.map((i) => i.callIn),
    openReferralId: openReferral?.id ?? null,
  };
}

/** A support measure as its edit form shows it; the destination only for the person's handlers. */
export async function getSupportMeasureForEdit({ actor, measureId }: { actor: Actor; measureId: string }) {
  if (!isUuid(measureId)) throw new NotFoundError("supportMeasure");
  const measure = await db.supportMeasure.findFirst({
    where: { AND: [supportMeasureWhere(actor, "update"), { id: measureId }] },
    select: {
      ...MEASURE_SELECT,
      referralId: true,
      personId: true,
      person: { select: { firstName: true, lastName: true } },
    },
  });
  if (!measure) throw new NotFoundError("supportMeasure");
  const { audit } = await openPerson({ actor, personId: measure.personId });
  const isHandler = await isHandlerOf(actor, measure.personId);
  const destinationTown = isHandler
    ? ((
        await db.supportMeasure.findFirst({
          where: { AND: [supportMeasureWhere(actor, "update"), { id: measure.id }] },
          select: { destinationTown: true },
        })
      )?.destinationTown ?? null)
    : null;
  await audit({ action: "READ", entityType: "SupportMeasure", entityId: measure.id, metadata: { purpose: "edit" } });
  const { person, ...rest } = measure;
  return { ...rest, personName: fullName(person), isHandler, destinationTown };
}

/** What the "add a support measure" form needs: the referral is open and the actor's to change. */
export async function getSupportMeasureFormOptions({ actor, referralId }: { actor: Actor; referralId: string }) {
  authorize(actor, "supportMeasure", "create");
  if (!isUuid(referralId)) throw new NotFoundError("referral");
  const referral = await db.referral.findFirst({
    where: { AND: [referralWhere(actor, "update"), { id: referralId }] },
    select: { id: true, personId: true, closedAt: true, person: { select: { firstName: true, lastName: true } } },
  });
  if (!referral) throw new NotFoundError("referral");
  const { audit } = await openPerson({ actor, personId: referral.personId });
  const isHandler = await isHandlerOf(actor, referral.personId);
  await audit({
    action: "READ",
    entityType: "Referral",
    entityId: referral.id,
    metadata: { purpose: "newSupportMeasure" },
  });
  return {
    referralId: referral.id,
    personId: referral.personId,
    personName: fullName(referral.person),
    isClosed: referral.closedAt !== null,
    isHandler,
  };
}

/**
 * Counts for a start page: open referrals per status, of everyone the actor may see or (mine) of
 * the people on their own caseload. Counts only, so no audit event and no disclosure.
 */
export async function countOpenReferrals({
  actor,
  mine = false,
}: {
  actor: Actor;
  mine?: boolean;
}): Promise<{ total: number; byStatus: Record<(typeof OPEN_STATUSES)[number], number> }> {
  const counts = await db.referral.groupBy({
    by: ["status"],
    where: { AND: [referralWhere(actor, "list"), mineWhere(actor, mine), { status: { in: [...OPEN_STATUSES] } }] },
    _count: { _all: true },
  });
  const byStatus = Object.fromEntries(
    OPEN_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?._count._all ?? 0]),
  ) as Record<(typeof OPEN_STATUSES)[number], number>;
  return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
}
