import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency, MeetingStatus, Role } from "@/lib/generated/prisma/enums";
import { recordAuditNow } from "@/lib/audit";
import {
  AGENCY_OF_ROLE,
  agendaItemWhere,
  authorize,
  can,
  meetingColleagueWhere,
  meetingDecisionWhere,
  meetingMinutesWhere,
  meetingWhere,
  taskWhere,
  type Actor,
} from "@/lib/authz";
import { AccessReasonRequiredError, openPerson, requirePersonAccess, type PersonAccess } from "@/lib/caseload-gate";
import { db, type Tx } from "@/lib/db";
import { recordDisclosures, type DisclosureItem } from "@/lib/disclosure";
import { NotFoundError } from "@/lib/errors";
import { findPeople } from "@/lib/people/queries";
import { fullName } from "@/lib/people/resolve";
import { ZFindPeople } from "@/lib/people/schemas";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { todayDateOnly } from "@/lib/validation/activity-fields";
import { parseDateOnly, stockholmToday } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";
import { collectDueItems, type DueItem } from "./due-items";
import type { TMeetingList } from "./schemas";

export type { DueItem } from "./due-items";

const DAY = 86_400_000;
/** "Due" on the agenda and in the to-do list: overdue, or due within this many days. */
export const DUE_WITHIN_DAYS = 7;

/** The calendar day (Stockholm) of an instant, as a @db.Date value. */
const dayOf = (at: Date) => parseDateOnly(stockholmToday(at))!;

// ───────────── the caseload gate at a meeting ─────────────

/**
 * The caseload gate for a person on a meeting's agenda. A participant of the meeting (and whoever
 * puts a person on its agenda) has a reason to open the person's file: the meeting, recorded as
 * the gate's grant with the meeting's id (COORDINATION_MEETING). Anyone else outside their
 * caseload gives a reason on the reason form first (null here).
 */
export async function meetingAccess(
  actor: Actor,
  { meetingId, personId, isParticipant }: { meetingId: string; personId: string; isParticipant: boolean },
): Promise<PersonAccess | null> {
  try {
    return await requirePersonAccess({ actor, personId });
  } catch (error) {
    if (!(error instanceof AccessReasonRequiredError)) throw error;
    if (!isParticipant) return null;
  }
  return requirePersonAccess({ actor, personId, reason: { code: "COORDINATION_MEETING", text: meetingId } });
}

// ───────────── the list ─────────────

export type MeetingRow = {
  id: string;
  startsAt: Date;
  place: string;
  title: string | null;
  agencies: Agency[];
  status: MeetingStatus;
  agendaCount: number;
  isParticipant: boolean;
};

const ROW_SELECT = {
  id: true,
  startsAt: true,
  place: true,
  title: true,
  agencies: true,
  status: true,
  _count: { select: { agenda: true } },
} satisfies Prisma.CoordinationMeetingSelect;

/**
 * The site's meetings: upcoming (planned, soonest first) or held (latest first), and the next one.
 * The list names no person (the agenda is on the meeting's page), so its audit event holds the
 * meetings shown.
 */
export async function findMeetings({
  actor,
  query,
  now = new Date(),
}: {
  actor: Actor;
  query: TMeetingList;
  now?: Date;
}): Promise<{ page: Page<MeetingRow>; next: MeetingRow | null; counts: { upcoming: number; held: number } }> {
  const scope = meetingWhere(actor, "list");
  const views = {
    upcoming: { where: { AND: [scope, { status: "PLANNED" as const }] }, orderBy: [{ startsAt: "asc" as const }] },
    held: { where: { AND: [scope, { status: "HELD" as const }] }, orderBy: [{ startsAt: "desc" as const }] },
  };
  const view = views[query.view];
  const mine = { where: { userId: actor.id }, select: { userId: true } } as const;
  const select = { ...ROW_SELECT, participants: mine };
  const [rows, total, upcoming, held, next] = await Promise.all([
    db.coordinationMeeting.findMany({
      where: view.where,
      select,
      orderBy: [...view.orderBy, { id: "asc" }],
      ...pageArgs(query.page),
    }),
    db.coordinationMeeting.count({ where: view.where }),
    db.coordinationMeeting.count({ where: views.upcoming.where }),
    db.coordinationMeeting.count({ where: views.held.where }),
    db.coordinationMeeting.findFirst({
      where: { AND: [views.upcoming.where, { startsAt: { gte: new Date(now.getTime() - DAY / 2) } }] },
      select,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const toRow = ({ _count, participants, ...m }: (typeof rows)[number]): MeetingRow => ({
    ...m,
    agendaCount: _count.agenda,
    isParticipant: participants.length > 0,
  });
  const items = rows.map(toRow);
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "CoordinationMeeting",
    metadata: { view: query.view, page: query.page, shownMeetingIds: items.map((m) => m.id) },
  });
  return { page: toPage(items, total, query.page), next: next ? toRow(next) : null, counts: { upcoming, held } };
}

// ───────────── one meeting ─────────────

export type MeetingTask = {
  id: string;
  title: string;
  ownerAgency: Agency;
  responsibleName: string;
  dueOn: Date;
  status: "OPEN" | "DONE";
  doneAt: Date | null;
  version: number;
  isOverdue: boolean;
  /** The owning agency marks it done. */
  canComplete: boolean;
};

export type MeetingDecisionView = {
  id: string;
  text: string;
  recordedByAgency: Agency;
  createdAt: Date;
  createdByName: string;
  tasks: MeetingTask[];
};

export type AgendaEntry = {
  personId: string;
  name: string;
  position: number;
  /** Whether the actor may open the person's file now; without it, only the name. */
  isOpen: boolean;
  /** The actor's own agency's minutes, never another's. */
  minutes: { id: string; text: string; version: number; updatedAt: Date } | null;
  decisions: MeetingDecisionView[];
  dueItems: DueItem[];
};

export type MeetingView = {
  id: string;
  startsAt: Date;
  place: string;
  title: string | null;
  agencies: Agency[];
  status: MeetingStatus;
  version: number;
  createdByName: string;
  participants: { id: string; name: string; role: Role }[];
  isParticipant: boolean;
  agenda: AgendaEntry[];
  /** The day the due items run to: the meeting's day plus DUE_WITHIN_DAYS. */
  dueUntil: Date;
};

const TASK_SELECT = {
  id: true,
  title: true,
  ownerAgency: true,
  responsibleId: true,
  responsible: { select: { name: true } },
  dueOn: true,
  status: true,
  doneAt: true,
  version: true,
} satisfies Prisma.TaskSelect;

/**
 * A meeting as its page (and its printed agenda) shows it to the actor: the meeting, its agenda
 * by name, and for each person whose file the actor may open (see meetingAccess): the actor's own
 * agency's minutes, the decisions the actor may see with their tasks, and the due items. Nothing
 * of another agency's minutes, and another agency's decisions only under consent, each such view a
 * disclosure. Every person's part is read through openPerson and audited; the meeting read too.
 */
export async function getMeeting({
  actor,
  meetingId,
  now = new Date(),
}: {
  actor: Actor;
  meetingId: string;
  now?: Date;
}): Promise<MeetingView> {
  if (!isUuid(meetingId)) throw new NotFoundError("meeting");
  const meeting = await db.coordinationMeeting.findFirst({
    where: { AND: [meetingWhere(actor, "read"), { id: meetingId }] },
    select: {
      id: true,
      startsAt: true,
      place: true,
      title: true,
      agencies: true,
      status: true,
      version: true,
      createdBy: { select: { name: true } },
      participants: { select: { user: { select: { id: true, name: true, role: true } } } },
    },
  });
  if (!meeting) throw new NotFoundError("meeting");
  const agendaRows = await db.meetingAgendaItem.findMany({
    where: { AND: [agendaItemWhere(actor, "read"), { meetingId }] },
    select: { personId: true, position: true, person: { select: { firstName: true, lastName: true } } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    take: 200,
  });
  const participants = meeting.participants.map((p) => p.user).sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const isParticipant = participants.some((p) => p.id === actor.id);
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "CoordinationMeeting",
    entityId: meeting.id,
    metadata: { shownPersonIds: agendaRows.map((a) => a.personId) },
  });

  const today = todayDateOnly(now);
  const dueUntil = new Date(dayOf(meeting.startsAt).getTime() + DUE_WITHIN_DAYS * DAY);
  const opened: string[] = [];
  for (const a of agendaRows) {
    if (await meetingAccess(actor, { meetingId, personId: a.personId, isParticipant })) opened.push(a.personId);
  }
  const [minutes, decisions, due] = await Promise.all([
    can(actor, "meetingMinutes", "read") && opened.length > 0
      ? db.meetingMinutes.findMany({
          where: { AND: [meetingMinutesWhere(actor, "read"), { meetingId, personId: { in: opened } }] },
          select: { id: true, personId: true, text: true, version: true, updatedAt: true },
        })
      : [],
    can(actor, "meetingDecision", "read") && opened.length > 0
      ? db.meetingDecision.findMany({
          where: { AND: [meetingDecisionWhere(actor, "read"), { meetingId, personId: { in: opened } }] },
          select: {
            id: true,
            personId: true,
            text: true,
            recordedByAgency: true,
            createdAt: true,
            createdBy: { select: { name: true } },
            tasks: {
              where: taskWhere(actor, "read"),
              select: TASK_SELECT,
              orderBy: [{ dueOn: "asc" }, { id: "asc" }],
            },
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      : [],
    collectDueItems(actor, { personIds: opened, until: dueUntil, today }),
  ]);

  const disclosures: DisclosureItem[] = [...due.disclosures];
  for (const d of decisions) {
    disclosures.push({
      personId: d.personId,
      fromAgency: d.recordedByAgency,
      kind: "JOINT_DECISION",
      entityType: "MeetingDecision",
      entityId: d.id,
    });
  }
  const toTask = (t: Prisma.TaskGetPayload<{ select: typeof TASK_SELECT }>): MeetingTask => ({
    id: t.id,
    title: t.title,
    ownerAgency: t.ownerAgency,
    responsibleName: t.responsible.name,
    dueOn: t.dueOn,
    status: t.status,
    doneAt: t.doneAt,
    version: t.version,
    isOverdue: t.status === "OPEN" && t.dueOn.getTime() < today.getTime(),
    canComplete: t.status === "OPEN" && t.ownerAgency === actor.agency && can(actor, "task", "update"),
  });

  const agenda: AgendaEntry[] = [];
  for (const a of agendaRows) {
    const isOpen = opened.includes(a.personId);
    const own = minutes.find((m) => m.personId === a.personId);
    const shown = decisions.filter((d) => d.personId === a.personId);
    const dueItems = due.byPerson.get(a.personId) ?? [];
    if (isOpen) {
      const { audit } = await openPerson({ actor, personId: a.personId });
      await audit({
        action: "READ",
        entityType: "CoordinationMeeting",
        entityId: meeting.id,
        metadata: {
          minutesId: own?.id ?? null,
          decisionIds: shown.map((d) => d.id),
          dueItemIds: dueItems.map((i) => i.id),
        },
      });
    }
    agenda.push({
      personId: a.personId,
      name: fullName(a.person),
      position: a.position,
      isOpen,
      minutes: own ? { id: own.id, text: own.text, version: own.version, updatedAt: own.updatedAt } : null,
      decisions: shown.map((d) => ({
        id: d.id,
        text: d.text,
        recordedByAgency: d.recordedByAgency,
        createdAt: d.createdAt,
        createdByName: d.createdBy.name,
        tasks: d.tasks.map(toTask),
      })),
      dueItems,
    });
  }
  // Fail closed: a consent withdrawn between the read and this record throws, and nothing is shown.
  await recordDisclosures(actor, disclosures);
  const { createdBy, participants: _participants, ...rest } = meeting;
  return { ...rest, createdByName: createdBy.name, participants, isParticipant, agenda, dueUntil };
}

/** Colleagues of the three agencies, for the participants' checkboxes and a task's responsible. */
export async function listMeetingColleagues(actor: Actor): Promise<{ id: string; name: string; agency: Agency }[]> {
  const users = await db.user.findMany({
    where: meetingColleagueWhere(actor),
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 300,
  });
  return users.map((u) => ({ id: u.id, name: u.name, agency: AGENCY_OF_ROLE[u.role]! }));
}

/** What the meeting form needs: the colleagues, and for an edit the meeting as saved. */
export async function getMeetingForm({ actor, meetingId }: { actor: Actor; meetingId?: string }) {
  authorize(actor, "meeting", meetingId ? "update" : "create");
  const colleagues = await listMeetingColleagues(actor);
  if (!meetingId) return { colleagues, meeting: null };
  if (!isUuid(meetingId)) throw new NotFoundError("meeting");
  const meeting = await db.coordinationMeeting.findFirst({
    where: { AND: [meetingWhere(actor, "update"), { id: meetingId }] },
    select: {
      id: true,
      startsAt: true,
      place: true,
      title: true,
      agencies: true,
      status: true,
      version: true,
      participants: { select: { userId: true } },
    },
  });
  if (!meeting) throw new NotFoundError("meeting");
  await recordAuditNow(actor, { action: "READ", entityType: "CoordinationMeeting", entityId: meeting.id });
  return { colleagues, meeting: { ...meeting, participantIds: meeting.participants.map((p) => p.userId) } };
}

// ───────────── the to-do list (issue 15, "Att göra") ─────────────

export type DueTask = {
  id: string;
  title: string;
  personId: string;
  personName: string;
  meetingId: string;
  dueOn: Date;
  isOverdue: boolean;
  version: number;
};

function dueTasksWhere(actor: Actor, now: Date): Prisma.TaskWhereInput {
  const until = new Date(todayDateOnly(now).getTime() + DUE_WITHIN_DAYS * DAY);
  return { AND: [taskWhere(actor, "list"), { responsibleId: actor.id, status: "OPEN", dueOn: { lte: until } }] };
}

/**
 * The actor's own open tasks that are overdue or due within DUE_WITHIN_DAYS (Stockholm days),
 * soonest first: for the to-do list. Names people, so the read is audited with them.
 */
export async function listDueTasksForUser(actor: Actor, now: Date = new Date()): Promise<DueTask[]> {
  if (!can(actor, "task", "list")) return [];
  const today = todayDateOnly(now);
  const rows = await db.task.findMany({
    where: dueTasksWhere(actor, now),
    select: {
      id: true,
      title: true,
      personId: true,
      dueOn: true,
      version: true,
      person: { select: { firstName: true, lastName: true } },
      decision: { select: { meetingId: true } },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: 200,
  });
  const items = rows.map((t) => ({
    id: t.id,
    title: t.title,
    personId: t.personId,
    personName: fullName(t.person),
    meetingId: t.decision.meetingId,
    dueOn: t.dueOn,
    isOverdue: t.dueOn.getTime() < today.getTime(),
    version: t.version,
  }));
  await recordAuditNow(actor, {
    action: "SEARCH",
    entityType: "Task",
    metadata: {
      view: "due",
      shownTaskIds: items.map((i) => i.id),
      shownPersonIds: [...new Set(items.map((i) => i.personId))],
    },
  });
  return items;
}

/** How many of the actor's tasks listDueTasksForUser would list: a count only, not audited. */
export async function countDueTasksForUser(actor: Actor, now: Date = new Date()): Promise<number> {
  if (!can(actor, "task", "list")) return 0;
  return db.task.count({ where: dueTasksWhere(actor, now) });
}

// ───────────── for the mutations ─────────────

/** The meeting to change and whether the actor takes part in it, in `tx`. */
export async function meetingInTx(tx: Tx, actor: Actor, meetingId: string) {
  const meeting = await tx.coordinationMeeting.findFirst({
    where: { AND: [meetingWhere(actor, "read"), { id: meetingId }] },
    select: { id: true, version: true, participants: { where: { userId: actor.id }, select: { userId: true } } },
  });
  if (!meeting) throw new NotFoundError("meeting");
  return { id: meeting.id, version: meeting.version, isParticipant: meeting.participants.length > 0 };
}

// ───────────── the meeting's page ─────────────

/**
 * Everything the meeting's page shows: the meeting as the actor may see it (getMeeting), the
 * colleagues a task may be given to, and, when the user searched, people to put on the agenda,
 * found by the people search (lib/people, audited there) less those already on it.
 */
export async function getMeetingPage({
  actor,
  meetingId,
  q,
  now = new Date(),
}: {
  actor: Actor;
  meetingId: string;
  q: string;
  now?: Date;
}) {
  const meeting = await getMeeting({ actor, meetingId, now });
  const [colleagues, found] = await Promise.all([
    can(actor, "task", "create") ? listMeetingColleagues(actor) : [],
    q && can(actor, "meeting", "update")
      ? findPeople({ actor, query: ZFindPeople.parse({ q }) }).then((page) => page.items)
      : [],
  ]);
  const onAgenda = new Set(meeting.agenda.map((a) => a.personId));
  const candidates = found
    .filter((p) => !onAgenda.has(p.id))
    .slice(0, 10)
    .map((p) => ({ id: p.id, name: p.name, maskedIdentityNumber: p.maskedIdentityNumber }));
  // A new task is due in two weeks unless the user says otherwise.
  const defaultDueOn = stockholmToday(new Date(now.getTime() + 14 * DAY));
  return { meeting, colleagues, candidates, defaultDueOn };
}
