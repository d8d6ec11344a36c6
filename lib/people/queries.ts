import "server-only";
import { personWarningFlags, type WarningFlagView } from "@/lib/warning-flags/queries";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency } from "@/lib/generated/prisma/enums";
import { openPerson } from "@/lib/caseload-gate";
import { recordAuditNow } from "@/lib/audit";
import {
  AGENCY_OF_ROLE,
  REFERRAL_STATUS_SELECT,
  authorize,
  callInInviteeWhere,
  can,
  colleagueWhere,
  enforcementWhere,
  followUpWhere,
  groupWhere,
  internalNoteWhere,
  isStatusOnly,
  notificationWhere,
  personWhere,
  canSeePersonLocation,
  referralWhere,
  type Actor,
} from "@/lib/authz";
import { recordDisclosures } from "@/lib/disclosure";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { PAGE_SIZE, pageArgs, toPage, type Page } from "@/lib/pagination";
import { maskIdentityNumber } from "@/lib/validation/personnummer";
import type { TFindPeople } from "./schemas";
import { parsePeopleSearch } from "./search";
import { mergeTimeline, type TimelineEntry } from "./timeline";
import { filterWhere, searchWhere, todayDate } from "./where";

function listSelect() {
  return {
    id: true,
    firstName: true,
    lastName: true,
    identityNumber: true,
    status: true,
  } satisfies Prisma.PersonSelect;
}

type ListRow = Prisma.PersonGetPayload<{ select: ReturnType<typeof listSelect> }>;

export type PersonListItem = {
  id: string;
  name: string;
  maskedIdentityNumber: string | null;
  status: ListRow["status"];
  groups: { id: string; name: string }[];
  /** custom notifications that delivered the message */
  notificationCount: number;
};

/**
 * The page's rows with their current groups and delivered-notification counts, in one statement
 * over the ids that the list query (scoped by lib/authz) returned. A statement of its own rather
 * than relations of the list query: each ORM query costs about a millisecond of the event loop
 * beside its SQL (npm run bench), and the list is read on every search. The delivered counts are
 * looked up per person (index personId, outcome): counting them in the list query would aggregate
 * every notification of the site for every search. "Current" is where.ts#currentMembership: open,
 * or ending today or later.
 */
async function toListItems(rows: ListRow[], now: Date): Promise<PersonListItem[]> {
  if (rows.length === 0) return [];
  const extras = await db.$queryRaw<
    { id: string; groups: { id: string; name: string }[]; notificationCount: number }[]
  >`
    SELECT x.id,
      coalesce((
        SELECT json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY m."validFrom" DESC, m.id)
        FROM "Membership" m JOIN "Group" g ON g.id = m."groupId"
        WHERE m."personId" = x.id AND (m."validTo" IS NULL OR m."validTo" >= ${todayDate(now).toISOString().slice(0, 10)}::date)
      ), '[]'::json) AS groups,
      (SELECT count(*) FROM "CustomNotification" n WHERE n."personId" = x.id AND n.outcome = 'DELIVERED')::int AS "notificationCount"
    FROM unnest(${rows.map((r) => r.id)}::uuid[]) AS x(id)`;
  const byId = new Map(extras.map((e) => [e.id, e]));
  return rows.map((r) => toListItem(r, byId.get(r.id)?.groups ?? [], byId.get(r.id)?.notificationCount ?? 0));
}

function toListItem(p: ListRow, groups: { id: string; name: string }[], notificationCount: number): PersonListItem {
  return {
    id: p.id,
    name: `${p.firstName} ${p.lastName}`,
    // The full number never leaves the server in a list.
    maskedIdentityNumber: p.identityNumber ? maskIdentityNumber(p.identityNumber) : null,
    status: p.status,
    groups,
    notificationCount,
  };
}

/**
 * Counting every match of a broad search ("a") would cost more than finding the page itself, so
 * the count stops this far past the page shown: below it the total is exact, above it the list
 * says "more than …" and the next pages stay reachable.
 */
export const COUNT_AHEAD = 1000;

export type PeoplePage = Page<PersonListItem> & {
  /** The count stopped at COUNT_AHEAD past this page: there are more than `total` matches. */
  totalIsLowerBound: boolean;
};

async function countUpTo(
  where: Prisma.PersonWhereInput,
  page: number,
): Promise<{ total: number; totalIsLowerBound: boolean }> {
  const limit = page * PAGE_SIZE + COUNT_AHEAD;
  // Prisma orders any skip/take (and a count with `take`) by id, so PostgreSQL walks the primary
  // key until it has seen `limit` matches. That stops early where matches are common (a letter, a
  // filter, the whole list) and costs a walk of most of the table where they are rare: a name
  // is counted exactly instead (findPeople). The matches before this page are skipped in the database, so at
  // most COUNT_AHEAD + a page of ids reach the app, whatever the page.
  const skip = (page - 1) * PAGE_SIZE;
  const seen = (await db.person.findMany({ where, select: { id: true }, skip, take: limit - skip + 1 })).length;
  // Past the end: the total lies before this page, and is counted exactly.
  const counted = seen === 0 && skip > 0 ? await db.person.count({ where }) : skip + seen;
  return counted > limit ? { total: limit, totalIsLowerBound: true } : { total: counted, totalIsLowerBound: false };
}

/** Words shorter than this match so many people that a page is found faster in name order (findPeople). */
const SHORT_WORD = 3;

const LIST_ORDER = [
  { lastName: "asc" },
  { firstName: "asc" },
  { id: "asc" },
] satisfies Prisma.PersonOrderByWithRelationInput[];
/** Search results: by last and first name too, but from a column without a b-tree index (see the migration people_search). */
const SEARCH_ORDER = [{ sortName: "asc" }, { id: "asc" }] satisfies Prisma.PersonOrderByWithRelationInput[];

/**
 * The people list: the actor's site, searched by name, alias or personnummer and filtered by
 * group, status, coordinator and notified, paginated on the server. Every condition is answered
 * from an index (trigram on the search text, the identity-number range, the filters' own).
 * The read is audited with the ids shown, never the search text (it may be a personnummer).
 */
export async function findPeople({
  actor,
  query,
  now = new Date(),
}: {
  actor: Actor;
  query: TFindPeople;
  now?: Date;
}): Promise<PeoplePage> {
  const where: Prisma.PersonWhereInput = {
    AND: [personWhere(actor, "list"), searchWhere(query.q), filterWhere(actor.siteId, query, now)],
  };
  const search = parsePeopleSearch(query.q);
  const list = (orderBy = search.words.length > 0 ? SEARCH_ORDER : LIST_ORDER) =>
    db.person.findMany({ where, select: listSelect(), orderBy, ...pageArgs(query.page) });
  let rows: ListRow[];
  let counted: { total: number; totalIsLowerBound: boolean };
  if (search.words.length > 0 && search.words.every((word) => word.length < SHORT_WORD)) {
    // One or two letters ("a", "mo") match a fifth of the register: taking the matches from the
    // trigram index and sorting them read 21,000 rows for one page of "a" at 100k people (issue
    // 13). When the count shows the matches are that many, the page walks the name index in
    // order instead and stops at the page's end; when they are few (a rare letter), the trigram
    // index finds them and they are sorted as for any word.
    counted = await countUpTo(where, query.page);
    rows = await list(counted.totalIsLowerBound ? LIST_ORDER : SEARCH_ORDER);
  } else if (search.numbers.length > 0 && search.words.length === 0) {
    // A personnummer or birth date finds a few people: a page that is not full gives the total
    // itself, and the count is run only when it is full (or past the end).
    rows = await list();
    const { skip, take } = pageArgs(query.page);
    counted =
      rows.length > 0 && rows.length < take
        ? { total: skip + rows.length, totalIsLowerBound: false }
        : await countUpTo(where, query.page);
  } else if (search.words.some((word) => word.length >= SHORT_WORD)) {
    // A word of three letters or more is found through the trigram index, which yields its matches
    // unordered: counting them all costs what finding them costs. Walking the primary key to stop
    // at COUNT_AHEAD instead read 44,600 rows to find 1,026 for "And" at 100k people (16.5 of the
    // search's 26 ms floor, EXPLAIN ANALYZE in npm run bench, issue 13).
    [rows, counted] = await Promise.all([
      list(),
      db.person.count({ where }).then((total) => ({ total, totalIsLowerBound: false })),
    ]);
  } else {
    // The whole list or filters only: the page and its count side by side.
    [rows, counted] = await Promise.all([list(), countUpTo(where, query.page)]);
  }
  const { total, totalIsLowerBound } = counted;
  // The audit write and the page's last query run side by side; nothing is returned unless both succeed.
  const [items] = await Promise.all([
    toListItems(rows, now),
    recordAuditNow(actor, {
      action: "SEARCH",
      entityType: "Person",
      metadata: {
        page: query.page,
        searched: query.q.length > 0,
        filters: {
          status: query.status ?? null,
          groupId: query.group ?? null,
          coordinatorId: query.coordinator ?? null,
          notified: query.notified ?? null,
        },
        shownPersonIds: rows.map((r) => r.id),
      },
    }),
  ]);
  return { ...toPage(items, total, query.page), totalIsLowerBound };
}

/** What the people list's filters offer: the site's groups and the colleagues who coordinate. */
export async function getPeopleFilterOptions({ actor }: { actor: Actor }) {
  authorize(actor, "person", "list");
  const [groups, coordinators] = await Promise.all([
    db.group.findMany({
      where: groupWhere(actor, "list"),
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
    db.user.findMany({
      where: colleagueWhere(actor),
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  return { groups, coordinators };
}

/** The actor's own caseload: people they are the active coordinator of. */
export async function findCaseload({
  actor,
  page,
  now = new Date(),
}: {
  actor: Actor;
  page: number;
  now?: Date;
}): Promise<Page<PersonListItem>> {
  const where: Prisma.PersonWhereInput = {
    AND: [
      personWhere(actor, "list"),
      { assignments: { some: { siteId: actor.siteId, userId: actor.id, endedAt: null } } },
    ],
  };
  const [rows, total] = await Promise.all([
    db.person.findMany({ where, select: listSelect(), orderBy: LIST_ORDER, ...pageArgs(page) }),
    db.person.count({ where }),
  ]);
  const [items] = await Promise.all([
    toListItems(rows, now),
    recordAuditNow(actor, {
      action: "READ",
      entityType: "Caseload",
      metadata: { page, shownPersonIds: rows.map((r) => r.id) },
    }),
  ]);
  return toPage(items, total, page);
}

// ───────────── the person's file ─────────────

/** Newest entries per kind of record; a person's file rarely holds more. */
export const TIMELINE_LIMIT = 100;

const PROFILE_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  identityNumber: true,
  identityNumberKind: true,
  birthDate: true,
  aliases: true,
  status: true,
  statusSince: true,
  hasProtectedIdentity: true,
  version: true,
  memberships: {
    orderBy: [{ validTo: { sort: "desc", nulls: "first" } }, { validFrom: "desc" }],
    select: {
      id: true,
      role: true,
      confidence: true,
      sourceAgency: true,
      validFrom: true,
      validTo: true,
      reviewDueOn: true,
      version: true,
      group: { select: { id: true, name: true, isPrioritized: true } },
    },
  },
  assignments: {
    where: { endedAt: null },
    orderBy: { agency: "asc" },
    select: { agency: true, user: { select: { id: true, name: true } } },
  },
} satisfies Prisma.PersonSelect;

const noteSelect = (actor: Actor) =>
  ({ where: internalNoteWhere(actor), select: { agency: true, body: true } }) as const;

/** A where builder that denies (NotFoundError) means: this kind of record is not for this viewer. */
function allowed<T>(build: () => T): T | null {
  try {
    return build();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

const agencyOfUser = (role: keyof typeof AGENCY_OF_ROLE): Agency => AGENCY_OF_ROLE[role] ?? "SOCIAL";

async function notificationEntries(actor: Actor, personId: string): Promise<TimelineEntry[]> {
  const rows = await db.customNotification.findMany({
    where: { AND: [notificationWhere(actor), { personId }] },
    orderBy: { occurredAt: "desc" },
    take: TIMELINE_LIMIT,
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
      notes: noteSelect(actor),
    },
  });
  return rows.map((n) => ({
    kind: "notification",
    key: `notification:${n.id}`,
    at: n.occurredAt,
    recordedBy: { name: n.createdBy.name, agency: n.createdByAgency },
    id: n.id,
    placeType: n.placeType,
    outcome: n.outcome,
    response: n.response,
    askedForHelpOnSite: n.askedForHelpOnSite,
    nextStep: n.nextStep,
    agencies: n.agencies,
    participants: n.participants.map((p) => p.user.name),
    notes: n.notes,
  }));
}

async function callInEntries(actor: Actor, personId: string): Promise<TimelineEntry[]> {
  const rows = await db.callInInvitee.findMany({
    where: { AND: [callInInviteeWhere(actor), { personId }] },
    orderBy: { callIn: { occurredAt: "desc" } },
    take: TIMELINE_LIMIT,
    select: {
      status: true,
      response: true,
      askedForHelp: true,
      callIn: {
        select: {
          id: true,
          occurredAt: true,
          venue: true,
          createdByAgency: true,
          createdBy: { select: { name: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    kind: "callIn",
    key: `callIn:${r.callIn.id}`,
    at: r.callIn.occurredAt,
    recordedBy: { name: r.callIn.createdBy.name, agency: r.callIn.createdByAgency },
    callInId: r.callIn.id,
    venue: r.callIn.venue,
    status: r.status,
    response: r.response,
    askedForHelp: r.askedForHelp,
  }));
}

/** Social services: every step with who took it. Police and probation (with consent): the status only. */
async function referralEntries(
  actor: Actor,
  personId: string,
): Promise<{ entries: TimelineEntry[]; disclosedIds: string[] }> {
  const where = allowed(() => referralWhere(actor));
  if (!where) return { entries: [], disclosedIds: [] };
  const scoped = { AND: [where, { personId }] };
  if (isStatusOnly(actor, "referral")) {
    const rows = await db.referral.findMany({
      where: scoped,
      orderBy: { statusChangedAt: "desc" },
      take: TIMELINE_LIMIT,
      select: REFERRAL_STATUS_SELECT,
    });
    return {
      entries: rows.map((r) => ({
        kind: "referralStatus",
        key: `referral:${r.id}`,
        at: r.statusChangedAt,
        recordedBy: { name: null, agency: "SOCIAL" },
        referralId: r.id,
        status: r.status,
        referredAt: r.referredAt,
        closedAt: r.closedAt,
      })),
      disclosedIds: rows.map((r) => r.id),
    };
  }
  const steps = await db.referralStatusChange.findMany({
    where: { referral: scoped },
    orderBy: { changedAt: "desc" },
    take: TIMELINE_LIMIT,
    select: {
      id: true,
      referralId: true,
      fromStatus: true,
      toStatus: true,
      changedAt: true,
      comment: true,
      changedBy: { select: { name: true, role: true } },
    },
  });
  return {
    entries: steps.map((s) => ({
      kind: "referralStep",
      key: `referralStep:${s.id}`,
      at: s.changedAt,
      recordedBy: { name: s.changedBy.name, agency: agencyOfUser(s.changedBy.role) },
      referralId: s.referralId,
      fromStatus: s.fromStatus,
      toStatus: s.toStatus,
      comment: s.comment,
    })),
    disclosedIds: [],
  };
}

/** Follow-ups: never the police's; the other agency's only under the person's consent (followUpWhere). */
async function followUpEntries(
  actor: Actor,
  personId: string,
  now: Date,
): Promise<{ entries: TimelineEntry[]; disclosed: { agency: Agency; id: string }[] }> {
  const where = allowed(() => followUpWhere(actor));
  if (!where) return { entries: [], disclosed: [] };
  const today = todayDate(now);
  const rows = await db.followUp.findMany({
    where: { AND: [where, { personId }] },
    orderBy: { dueOn: "desc" },
    take: TIMELINE_LIMIT,
    select: {
      id: true,
      agency: true,
      dueOn: true,
      doneAt: true,
      contactType: true,
      summary: true,
      assignedTo: { select: { name: true } },
      createdBy: { select: { name: true } },
      notes: noteSelect(actor),
    },
  });
  return {
    entries: rows.map((f) => ({
      kind: "followUp",
      key: `followUp:${f.id}`,
      at: f.doneAt ?? f.dueOn,
      recordedBy: { name: f.createdBy.name, agency: f.agency },
      id: f.id,
      dueOn: f.dueOn,
      doneAt: f.doneAt,
      isOverdue: !f.doneAt && f.dueOn < today,
      contactType: f.contactType,
      summary: f.summary,
      assignedTo: f.assignedTo.name,
      notes: f.notes,
    })),
    disclosed: rows.filter((f) => f.agency !== actor.agency).map((f) => ({ agency: f.agency, id: f.id })),
  };
}

/** Enforcement actions: the police's alone; the others learn only the "deprived of liberty" status. */
async function enforcementEntries(actor: Actor, personId: string): Promise<TimelineEntry[]> {
  const where = allowed(() => enforcementWhere(actor));
  if (!where) return [];
  const rows = await db.enforcementAction.findMany({
    where: { AND: [where, { personId }] },
    orderBy: { occurredAt: "desc" },
    take: TIMELINE_LIMIT,
    select: {
      id: true,
      type: true,
      occurredAt: true,
      description: true,
      createdBy: { select: { name: true } },
      notes: noteSelect(actor),
    },
  });
  return rows.map((e) => ({
    kind: "enforcement",
    key: `enforcement:${e.id}`,
    at: e.occurredAt,
    recordedBy: { name: e.createdBy.name, agency: "POLICE" },
    id: e.id,
    type: e.type,
    description: e.description,
    notes: e.notes,
  }));
}

type Profile = Prisma.PersonGetPayload<{ select: typeof PROFILE_SELECT }>;

export type PersonFile = Omit<Profile, "identityNumber" | "memberships"> & {
  maskedIdentityNumber: string | null;
  /** Each membership, and whether it still holds today and its review is overdue. */
  memberships: (Profile["memberships"][number] & { isCurrent: boolean; isReviewOverdue: boolean })[];
  /** Only for social services staff where the rules let them see it (canSeePersonLocation). */
  protectedLocation: { town: string | null; address: string | null } | null;
  timeline: TimelineEntry[];
  /** Warning flags in force (issue 15): kind, dates, agency for all; the reason for the setting agency. */
  warningFlags: WarningFlagView[];
  /** Some kind of record had more than TIMELINE_LIMIT entries: the oldest are not shown. */
  timelineTruncated: boolean;
  can: {
    edit: boolean;
    logNotification: boolean;
    editNotification: boolean;
    addMembership: boolean;
    logFollowUp: boolean;
    logEnforcement: boolean;
    refer: boolean;
    openReferral: boolean;
    protectIdentity: boolean;
    endProtection: boolean;
    setWarningFlag: boolean;
    planVisit: boolean;
  };
};

/**
 * A person's file for the actor: profile, groups and one timeline of everything recorded about
 * them that the actor's role may see; not found if it does not exist or is not theirs to see.
 * The read is audited, and each record of another agency shown under the person's consent is
 * logged as a disclosure (OSL 12 kap. 2 §), in the same transaction.
 */
export async function getPersonFile({
  actor,
  personId,
  now = new Date(),
}: {
  actor: Actor;
  personId: string;
  now?: Date;
}): Promise<PersonFile> {
  // The caseload gate (lib/caseload-gate) and the person's row, read once: outside the actor's
  // caseload a reason must have been given; it goes into the READ event. The town and address are
  // selected only for social services, and kept only where the rule lets the actor see them.
  const seesLocations = can(actor, "identityProtection", "read");
  const { person: row, audit } = await openPerson({
    actor,
    personId,
    now,
    select: { ...PROFILE_SELECT, protectedTown: seesLocations, protectedAddress: seesLocations },
  });
  const { protectedTown, protectedAddress, ...person } = row;
  const seesLocation = canSeePersonLocation(actor, {
    isProtected: person.hasProtectedIdentity,
    activeAssignments: person.assignments.map((a) => ({ userId: a.user.id, agency: a.agency })),
  });
  const location =
    seesLocation && (protectedTown || protectedAddress)
      ? { town: protectedTown ?? null, address: protectedAddress ?? null }
      : null;
  const [notifications, callIns, referrals, followUps, enforcement, warningFlags] = await Promise.all([
    notificationEntries(actor, person.id),
    callInEntries(actor, person.id),
    referralEntries(actor, person.id),
    followUpEntries(actor, person.id, now),
    enforcementEntries(actor, person.id),
    personWarningFlags(actor, person.id, { now }),
  ]);

  const disclosures = [
    ...referrals.disclosedIds.map((id) => ({
      personId: person.id,
      fromAgency: "SOCIAL" as const,
      kind: "REFERRAL_STATUS" as const,
      entityType: "ReferralStatus" as const,
      entityId: id,
    })),
    ...followUps.disclosed.map((f) => ({
      personId: person.id,
      fromAgency: f.agency,
      kind: "FOLLOW_UP" as const,
      entityType: "FollowUp" as const,
      entityId: f.id,
    })),
  ];
  await db.$transaction(async (tx) => {
    await audit(
      {
        action: "READ",
        entityType: "Person",
        entityId: person.id,
        ...(warningFlags.length > 0 ? { metadata: { shownWarningFlagIds: warningFlags.map((f) => f.id) } } : {}),
      },
      { tx },
    );
    // Each record of another agency shown under the person's consent (lib/disclosure).
    await recordDisclosures(actor, disclosures, { tx, now });
  });

  const sources = [notifications, callIns, referrals.entries, followUps.entries, enforcement];
  const { identityNumber, memberships, ...rest } = person;
  const today = todayDate(now);
  return {
    ...rest,
    maskedIdentityNumber: identityNumber ? maskIdentityNumber(identityNumber) : null,
    // What the page shows of each membership: whether it still holds today, and whether its review is due.
    memberships: memberships.map((m) => {
      const isCurrent = m.validTo === null || m.validTo >= today;
      return { ...m, isCurrent, isReviewOverdue: isCurrent && m.reviewDueOn < today };
    }),
    protectedLocation: location,
    timeline: mergeTimeline(...sources),
    timelineTruncated: sources.some((s) => s.length >= TIMELINE_LIMIT),
    warningFlags,
    can: {
      edit: can(actor, "person", "update"),
      logNotification: can(actor, "notification", "create"),
      editNotification: can(actor, "notification", "update"),
      addMembership: can(actor, "person", "update"),
      logFollowUp: can(actor, "followUp", "create"),
      logEnforcement: can(actor, "enforcement", "create"),
      refer: can(actor, "referral", "create"),
      openReferral: can(actor, "referral", "read") && !isStatusOnly(actor, "referral"),
      // Social services protect a person; only a handler (who sees the protected town) ends it.
      protectIdentity: can(actor, "identityProtection", "update") && !person.hasProtectedIdentity,
      endProtection: can(actor, "identityProtection", "update") && person.hasProtectedIdentity && seesLocation,
      setWarningFlag: can(actor, "warningFlag", "create"),
      planVisit: can(actor, "plannedVisit", "create"),
    },
  };
}

/** The edit form's values. The full personnummer is not among them: it stays masked. */
export async function getPersonForEdit({ actor, personId }: { actor: Actor; personId: string }) {
  const { person, audit } = await openPerson({
    actor,
    personId,
    action: "update",
    select: {
      id: true,
      firstName: true,
      lastName: true,
      identityNumber: true,
      identityNumberKind: true,
      birthDate: true,
      aliases: true,
      status: true,
      version: true,
    },
  });
  await audit({ action: "READ", entityType: "Person", entityId: person.id, metadata: { purpose: "edit" } });
  const { identityNumber, ...rest } = person;
  return { ...rest, maskedIdentityNumber: identityNumber ? maskIdentityNumber(identityNumber) : null };
}
