import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import {
  AGENCY_OF_ROLE,
  agendaItemWhere,
  authorize,
  meetingColleagueWhere,
  meetingMinutesWhere,
  meetingWhere,
  taskWhere,
  type Actor,
} from "@/lib/authz";
import { openPerson, type OpenPerson } from "@/lib/caseload-gate";
import { coveringConsentSelect } from "@/lib/disclosure";
import type { Agency } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { MAX_AGENDA } from "./schemas";
import { meetingAccess, meetingInTx } from "./queries";
import type {
  TAddAgendaPerson,
  TCompleteTask,
  TCreateMeeting,
  TEditMeeting,
  TRecordDecision,
  TSaveMinutes,
} from "./schemas";

function agencyOf(actor: Actor, resource: string) {
  if (!actor.agency) throw new NotFoundError(resource);
  return actor.agency;
}

/** The participants named exist: active colleagues of the three agencies at the actor's site. */
async function checkParticipants(tx: Tx, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await tx.user.count({ where: { AND: [meetingColleagueWhere(actor), { id: { in: [...ids] } }] } });
  if (found !== ids.length) throw new RuleError("unknownParticipant", "participantIds");
}

/** Plans a coordination meeting. */
export async function createMeeting({
  actor,
  input,
}: {
  actor: Actor;
  input: TCreateMeeting;
}): Promise<{ id: string }> {
  authorize(actor, "meeting", "create");
  return db.$transaction(async (tx) => {
    await checkParticipants(tx, actor, input.participantIds);
    const meeting = await tx.coordinationMeeting.create({
      data: {
        siteId: actor.siteId,
        startsAt: input.startsAt,
        place: input.place,
        title: input.title ?? null,
        agencies: input.agencies,
        createdById: actor.id,
        participants: { create: input.participantIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "CoordinationMeeting",
      entityId: meeting.id,
      metadata: { agencies: input.agencies, participantIds: input.participantIds },
    });
    return meeting;
  });
}

/** Changes a meeting's details (or marks it held), under the version the user saw. */
export async function editMeeting({ actor, input }: { actor: Actor; input: TEditMeeting }): Promise<{ id: string }> {
  const where = meetingWhere(actor, "update");
  return db.$transaction(async (tx) => {
    await checkParticipants(tx, actor, input.participantIds);
    await updateVersioned(tx.coordinationMeeting, {
      where,
      id: input.meetingId,
      version: input.version,
      data: {
        startsAt: input.startsAt,
        place: input.place,
        title: input.title ?? null,
        agencies: input.agencies,
        status: input.status,
      },
    });
    await tx.meetingParticipant.deleteMany({
      where: { meetingId: input.meetingId, userId: { notIn: input.participantIds } },
    });
    await tx.meetingParticipant.createMany({
      data: input.participantIds.map((userId) => ({ meetingId: input.meetingId, userId })),
      skipDuplicates: true,
    });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "CoordinationMeeting",
      entityId: input.meetingId,
      metadata: { status: input.status, agencies: input.agencies, participantIds: input.participantIds },
    });
    return { id: input.meetingId };
  });
}

/**
 * Puts a person on the agenda, at its end. Putting them there is the reason to open their file for
 * the meeting (the caseload gate's COORDINATION_MEETING), given before the change's transaction.
 */
export async function addAgendaPerson({
  actor,
  input,
}: {
  actor: Actor;
  input: TAddAgendaPerson;
}): Promise<{ id: string }> {
  const where = meetingWhere(actor, "update");
  const meeting = await db.coordinationMeeting.findFirst({
    where: { AND: [where, { id: input.meetingId }] },
    select: { id: true },
  });
  if (!meeting) throw new NotFoundError("meeting");
  await meetingAccess(actor, { meetingId: meeting.id, personId: input.personId, isParticipant: true });
  return db.$transaction(async (tx) => {
    const { person, audit } = await openPerson({ actor, personId: input.personId, tx });
    await updateVersioned(tx.coordinationMeeting, { where, id: meeting.id, version: input.version, data: {} });
    const items = await tx.meetingAgendaItem.findMany({
      where: { meetingId: meeting.id },
      select: { personId: true, position: true },
    });
    if (!items.some((i) => i.personId === person.id)) {
      if (items.length >= MAX_AGENDA) throw new RuleError("tooMany");
      await tx.meetingAgendaItem.create({
        data: {
          meetingId: meeting.id,
          personId: person.id,
          position: Math.max(-1, ...items.map((i) => i.position)) + 1,
        },
      });
    }
    await audit({
      action: "UPDATE",
      entityType: "CoordinationMeeting",
      entityId: meeting.id,
      metadata: { agendaAdded: person.id },
    });
    return { id: meeting.id };
  });
}

/** The agenda person to write about, behind the caseload gate, in `tx`. */
async function agendaPersonInTx(tx: Tx, actor: Actor, meetingId: string, personId: string) {
  const meeting = await meetingInTx(tx, actor, meetingId);
  const onAgenda = await tx.meetingAgendaItem.count({
    where: { AND: [agendaItemWhere(actor, "read"), { meetingId: meeting.id, personId }] },
  });
  if (onAgenda !== 1) throw new NotFoundError("person");
  const { person, audit } = await openPerson({ actor, personId, tx });
  return { meeting, person, audit };
}

/**
 * Writes the actor's own agency's minutes about a person on the agenda: the first version (0), or
 * a change under the version the user saw. Never another agency's: the scope holds the agency.
 */
export async function saveMinutes({ actor, input }: { actor: Actor; input: TSaveMinutes }): Promise<{ id: string }> {
  const agency = agencyOf(actor, "meetingMinutes");
  const where = meetingMinutesWhere(actor, input.version === 0 ? "create" : "update");
  return db.$transaction(async (tx) => {
    const { meeting, person, audit } = await agendaPersonInTx(tx, actor, input.meetingId, input.personId);
    let id: string;
    if (input.version === 0) {
      try {
        ({ id } = await tx.meetingMinutes.create({
          data: {
            siteId: actor.siteId,
            meetingId: meeting.id,
            personId: person.id,
            agency,
            text: input.text,
            createdById: actor.id,
          },
          select: { id: true },
        }));
      } catch (error) {
        // Someone of the same agency wrote the first version meanwhile.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError();
        throw error;
      }
    } else {
      const current = await tx.meetingMinutes.findFirst({
        where: { AND: [where, { meetingId: meeting.id, personId: person.id }] },
        select: { id: true },
      });
      // No minutes of the actor's agency to change: not theirs, or never written.
      if (!current) throw new NotFoundError("meetingMinutes");
      id = current.id;
      await updateVersioned(tx.meetingMinutes, { where, id, version: input.version, data: { text: input.text } });
    }
    await audit({
      action: input.version === 0 ? "CREATE" : "UPDATE",
      entityType: "MeetingMinutes",
      entityId: id,
      metadata: { meetingId: meeting.id, agency },
    });
    return { id };
  });
}

/**
 * Records a joint decision about a person on the agenda, by the actor's agency, and the tasks it
 * becomes. Each task is owned by its responsible colleague's agency (who must be an active
 * colleague of the site), whatever agency records the decision.
 */
export async function recordDecision({
  actor,
  input,
}: {
  actor: Actor;
  input: TRecordDecision;
}): Promise<{ id: string; taskIds: string[] }> {
  authorize(actor, "meetingDecision", "create");
  if (input.tasks.length > 0) authorize(actor, "task", "create");
  const agency = agencyOf(actor, "meetingDecision");
  return db.$transaction(async (tx) => {
    const { meeting, person, audit } = await agendaPersonInTx(tx, actor, input.meetingId, input.personId);
    const responsibleIds = [...new Set(input.tasks.map((t) => t.responsibleId))];
    const colleagues = await tx.user.findMany({
      where: { AND: [meetingColleagueWhere(actor), { id: { in: responsibleIds } }] },
      select: { id: true, role: true },
    });
    const agencyOfUser = new Map(colleagues.map((u) => [u.id, AGENCY_OF_ROLE[u.role]]));
    input.tasks.forEach((t, i) => {
      if (!agencyOfUser.get(t.responsibleId)) throw new RuleError("unknownOfficer", `taskResponsible_${i}`);
    });
    // A task given to another agency's colleague hands that agency the task's title, which is the
    // recording agency's information (OSL 10 kap. 1 §): only under the person's consent covering
    // JOINT_DECISION from the recorder to that agency, confirmed by the recorder, and logged as a
    // disclosure below. Without it the task must go to someone of the recording agency.
    const receivers = [...new Set([...agencyOfUser.values()])].filter((a): a is Agency => a !== null && a !== agency);
    const consentIdFor = new Map<Agency, string>();
    for (const to of receivers) {
      const covering = await tx.person.findFirst({
        where: { id: person.id },
        select: coveringConsentSelect(agency, "JOINT_DECISION", to),
      });
      const consentId = covering?.consents[0]?.id;
      if (consentId) consentIdFor.set(to, consentId);
    }
    input.tasks.forEach((t, i) => {
      const owner = agencyOfUser.get(t.responsibleId)!;
      if (owner !== agency && !consentIdFor.has(owner)) throw new RuleError("taskNeedsConsent", `taskResponsible_${i}`);
    });
    const decision = await tx.meetingDecision.create({
      data: {
        siteId: actor.siteId,
        meetingId: meeting.id,
        personId: person.id,
        text: input.text,
        recordedByAgency: agency,
        createdById: actor.id,
      },
      select: { id: true },
    });
    const taskIds: string[] = [];
    const handed: { id: string; ownerAgency: Agency }[] = [];
    for (const t of input.tasks) {
      const task = await tx.task.create({
        data: {
          siteId: actor.siteId,
          personId: person.id,
          decisionId: decision.id,
          title: t.title,
          ownerAgency: agencyOfUser.get(t.responsibleId)!,
          responsibleId: t.responsibleId,
          dueOn: t.dueOn,
          createdById: actor.id,
        },
        select: { id: true, ownerAgency: true },
      });
      taskIds.push(task.id);
      if (task.ownerAgency !== agency) handed.push(task);
      await audit({
        action: "CREATE",
        entityType: "Task",
        entityId: task.id,
        metadata: { decisionId: decision.id, ownerAgency: task.ownerAgency, responsibleId: t.responsibleId },
      });
    }
    await audit({
      action: "CREATE",
      entityType: "MeetingDecision",
      entityId: decision.id,
      metadata: { meetingId: meeting.id, recordedByAgency: agency, taskIds },
    });
    await discloseHandedTasks(tx, actor, { personId: person.id, from: agency, tasks: handed, consentIdFor, audit });
    return { id: decision.id, taskIds };
  });
}

/**
 * The recording agency's disclosure of the tasks it handed to other agencies: one Disclosure row per
 * task (from the recorder to the owner, under the consent found above, the recorder's user as the
 * one who disclosed) and one DISCLOSE event per receiving agency, in the decision's transaction.
 */
async function discloseHandedTasks(
  tx: Tx,
  actor: Actor,
  {
    personId,
    from,
    tasks,
    consentIdFor,
    audit,
  }: {
    personId: string;
    from: Agency;
    tasks: { id: string; ownerAgency: Agency }[];
    consentIdFor: Map<Agency, string>;
    audit: OpenPerson<unknown>["audit"];
  },
) {
  if (tasks.length === 0) return;
  const now = new Date();
  await tx.disclosure.createMany({
    data: tasks.map((t) => ({
      siteId: actor.siteId,
      personId,
      fromAgency: from,
      toAgency: t.ownerAgency,
      legalBasis: "CONSENT" as const,
      consentId: consentIdFor.get(t.ownerAgency)!,
      entityType: "Task",
      entityId: t.id,
      disclosedAt: now,
      actorId: actor.id,
    })),
  });
  for (const to of new Set(tasks.map((t) => t.ownerAgency))) {
    await audit({
      action: "DISCLOSE",
      entityType: "Disclosure",
      metadata: {
        toAgency: to,
        legalBasis: "CONSENT",
        consentIds: [consentIdFor.get(to)!],
        shown: [
          {
            fromAgency: from,
            entityType: "Task",
            entityIds: tasks.filter((t) => t.ownerAgency === to).map((t) => t.id),
          },
        ],
      },
    });
  }
}

/** Marks a task done: only its owning agency, whoever recorded the decision. */
export async function completeTask({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TCompleteTask;
  now?: Date;
}): Promise<{ id: string; meetingId: string }> {
  const where = taskWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await tx.task.findFirst({
      where: { AND: [where, { id: input.taskId }] },
      select: { id: true, personId: true, status: true, version: true, decision: { select: { meetingId: true } } },
    });
    if (!current) throw new NotFoundError("task");
    const { audit } = await openPerson({ actor, personId: current.personId, tx });
    if (current.status === "DONE")
      throw current.version === input.version ? new RuleError("alreadyDone") : new ConflictError();
    await updateVersioned(tx.task, {
      where,
      id: current.id,
      version: input.version,
      data: { status: "DONE", doneAt: now },
    });
    await audit({ action: "UPDATE", entityType: "Task", entityId: current.id, metadata: { done: true } });
    return { id: current.id, meetingId: current.decision.meetingId };
  });
}
