import "server-only";
import { moveRetentionClock } from "@/lib/caseload-gate";
import type { Agency, SpeakerKind } from "@/lib/generated/prisma/enums";
import { todayDateOnly } from "@/lib/validation/activity-fields";
import { resolvePeopleByIdentityNumber } from "@/lib/people/resolve";
import { recordAudit } from "@/lib/audit";
import {
  authorize,
  callInInviteeWhere,
  callInWhere,
  colleagueWhere,
  groupWhere,
  membershipWhere,
  personWhere,
  type Actor,
} from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import {
  MAX_INVITEES,
  SPEAKER_FIELDS,
  type TCreateCallIn,
  type TEditCallIn,
  type TInviteToCallIn,
  type TMarkAllAttended,
} from "./schemas";

type Speaker = { kind: SpeakerKind; userId: string | null; name: string | null };

/** Agency speakers must be active colleagues of that agency; community voices are just names. */
async function resolveSpeakers(tx: Tx, actor: Actor, input: TCreateCallIn): Promise<Speaker[]> {
  const speakers: Speaker[] = [];
  for (const kind of Object.keys(SPEAKER_FIELDS) as Agency[]) {
    const field = SPEAKER_FIELDS[kind];
    const userIds = input[field];
    if (userIds.length === 0) continue;
    const found = await tx.user.count({ where: { AND: [colleagueWhere(actor), { role: kind, id: { in: userIds } }] } });
    if (found !== userIds.length) throw new RuleError("unknownSpeaker", field);
    speakers.push(...userIds.map((userId) => ({ kind, userId, name: null })));
  }
  speakers.push(...input.communitySpeakers.map((name) => ({ kind: "COMMUNITY" as const, userId: null, name })));
  return speakers;
}

/**
 * Everyone the form invites: the current members of the chosen groups who can come (not deprived of
 * liberty, not deceased), and people by personnummer (whom the user names deliberately).
 */
async function resolveInvitees(tx: Tx, actor: Actor, input: TCreateCallIn): Promise<string[]> {
  const people = new Set<string>();
  if (input.inviteGroupIds.length > 0) {
    const groups = await tx.group.count({
      where: { AND: [groupWhere(actor, "read"), { id: { in: input.inviteGroupIds } }] },
    });
    if (groups !== input.inviteGroupIds.length) throw new RuleError("unknownGroup", "inviteGroupIds");
    const members = await tx.membership.findMany({
      where: {
        AND: [
          membershipWhere(actor, "read"),
          { groupId: { in: input.inviteGroupIds }, OR: [{ validTo: null }, { validTo: { gte: todayDateOnly() } }] },
          { person: { AND: [personWhere(actor, "read"), { status: { notIn: ["DEPRIVED_OF_LIBERTY", "DECEASED"] } }] } },
        ],
      },
      select: { personId: true },
    });
    for (const m of members) people.add(m.personId);
  }
  for (const id of await resolvePeopleByIdentityNumber(tx, actor, input.invitePersonNumbers, "invitePersonNumbers"))
    people.add(id);
  return [...people];
}

/** Plans (or records afterwards) a call-in with its speakers and invitees, in one transaction. */
export async function createCallIn({ actor, input }: { actor: Actor; input: TCreateCallIn }): Promise<{ id: string }> {
  authorize(actor, "callIn", "create");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("callIn");
  return db.$transaction(async (tx) => {
    const speakers = await resolveSpeakers(tx, actor, input);
    const invitees = await resolveInvitees(tx, actor, input);
    if (invitees.length > MAX_INVITEES) throw new RuleError("tooManyInvitees", "inviteGroupIds");
    const callIn = await tx.callIn.create({
      data: {
        siteId: actor.siteId,
        occurredAt: input.occurredAt,
        venue: input.venue,
        description: input.description ?? null,
        createdById: actor.id,
        createdByAgency: agency,
        speakers: { create: speakers },
        invitees: { create: invitees.map((personId) => ({ personId })) },
      },
      select: { id: true },
    });
    await moveRetentionClock(tx, invitees);
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "CallIn",
      entityId: callIn.id,
      metadata: { invitedPersonIds: invitees, speakers: speakers.length, groupIds: input.inviteGroupIds },
    });
    return callIn;
  });
}

/**
 * Saves a call-in the user saw at `version`: details, speakers (replaced), attendees' status,
 * response and request for help, removals and new invitations.
 */
export async function editCallIn({ actor, input }: { actor: Actor; input: TEditCallIn }): Promise<{ id: string }> {
  const scope = callInWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await tx.callIn.findFirst({
      where: { AND: [scope, { id: input.callInId }] },
      select: {
        id: true,
        invitees: {
          where: callInInviteeWhere(actor, "read"),
          select: { personId: true, status: true, response: true, askedForHelp: true },
        },
      },
    });
    if (!current) throw new NotFoundError("callIn");
    const existing = new Map(current.invitees.map((i) => [i.personId, i]));
    if (input.attendees.some((a) => !existing.has(a.personId))) throw new RuleError("unknownPerson", "attendees");

    const speakers = await resolveSpeakers(tx, actor, input);
    const added = (await resolveInvitees(tx, actor, input)).filter((id) => !existing.has(id));
    const removed = input.attendees.filter((a) => a.remove).map((a) => a.personId);
    if (existing.size - removed.length + added.length > MAX_INVITEES)
      throw new RuleError("tooManyInvitees", "inviteGroupIds");
    // A meeting moved into the future cannot keep attendance recorded for rows not on the form.
    const held = input.occurredAt.getTime() <= Date.now() + 60_000;
    const submitted = new Set(input.attendees.map((a) => a.personId));
    if (
      !held &&
      current.invitees.some((i) => !submitted.has(i.personId) && (i.status === "ATTENDED" || i.status === "ABSENT"))
    ) {
      throw new RuleError("notYetHeld", "occurredAt");
    }

    await updateVersioned(tx.callIn, {
      where: scope,
      id: current.id,
      version: input.version,
      data: { occurredAt: input.occurredAt, venue: input.venue, description: input.description ?? null },
    });
    await tx.callInSpeaker.deleteMany({ where: { callInId: current.id } });
    await tx.callInSpeaker.createMany({ data: speakers.map((s) => ({ callInId: current.id, ...s })) });
    if (removed.length > 0)
      await tx.callInInvitee.deleteMany({ where: { callInId: current.id, personId: { in: removed } } });
    const changedIds: string[] = [];
    for (const a of input.attendees) {
      if (a.remove) continue;
      const before = existing.get(a.personId)!;
      const response = a.status === "ATTENDED" ? (a.response ?? null) : null;
      if (before.status === a.status && before.response === response && before.askedForHelp === a.askedForHelp)
        continue;
      await tx.callInInvitee.update({
        where: { callInId_personId: { callInId: current.id, personId: a.personId } },
        data: { status: a.status, response, askedForHelp: a.askedForHelp },
      });
      changedIds.push(a.personId);
    }
    if (added.length > 0)
      await tx.callInInvitee.createMany({
        data: added.map((personId) => ({ callInId: current.id, personId })),
        skipDuplicates: true,
      });
    // Activity about each person whose invitation, attendance or answer the edit changed.
    await moveRetentionClock(tx, [...added, ...changedIds, ...removed]);
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "CallIn",
      entityId: current.id,
      metadata: {
        addedPersonIds: added,
        removedPersonIds: removed,
        attendeesChanged: changedIds.length,
        speakers: speakers.length,
      },
    });
    return { id: current.id };
  });
}

/** Within a minute of its start a meeting counts as held: attendance may be recorded. */
const isHeld = (occurredAt: Date, now: Date) => occurredAt.getTime() <= now.getTime() + 60_000;

/**
 * "Markera alla som närvarande": after the meeting, everyone still marked invited attended, in
 * one step under the version the user saw (those already marked absent or declined stay so).
 * Audited with the people marked; their retention clocks move.
 */
export async function markAllAttended({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TMarkAllAttended;
  now?: Date;
}): Promise<{ id: string; count: number }> {
  const scope = callInWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await tx.callIn.findFirst({
      where: { AND: [scope, { id: input.callInId }] },
      select: { id: true, occurredAt: true },
    });
    if (!current) throw new NotFoundError("callIn");
    if (!isHeld(current.occurredAt, now)) throw new RuleError("notYetHeld");
    await updateVersioned(tx.callIn, { where: scope, id: current.id, version: input.version, data: {} });
    const marked = await tx.callInInvitee.findMany({
      where: { AND: [callInInviteeWhere(actor, "update"), { callInId: current.id, status: "INVITED" }] },
      select: { personId: true },
    });
    const personIds = marked.map((m) => m.personId);
    if (personIds.length > 0)
      await tx.callInInvitee.updateMany({
        where: { callInId: current.id, personId: { in: personIds }, status: "INVITED" },
        data: { status: "ATTENDED" },
      });
    await moveRetentionClock(tx, personIds, now);
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "CallIn",
      entityId: current.id,
      metadata: { markedAttendedPersonIds: personIds, version: input.version + 1 },
    });
    return { id: current.id, count: personIds.length };
  });
}

/**
 * Invites one more person, found by name on the call-in's page: someone of the site the user
 * names deliberately (as by personnummer), under the version the user saw.
 */
export async function inviteToCallIn({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TInviteToCallIn;
  now?: Date;
}): Promise<{ id: string }> {
  const scope = callInWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await tx.callIn.findFirst({
      where: { AND: [scope, { id: input.callInId }] },
      select: { id: true, _count: { select: { invitees: true } } },
    });
    if (!current) throw new NotFoundError("callIn");
    const person = await tx.person.findFirst({
      where: { AND: [personWhere(actor, "read"), { id: input.personId }] },
      select: { id: true },
    });
    if (!person) throw new RuleError("unknownPerson", "personId");
    const invited = await tx.callInInvitee.count({ where: { callInId: current.id, personId: person.id } });
    if (invited > 0) throw new RuleError("alreadyInvited", "personId");
    if (current._count.invitees >= MAX_INVITEES) throw new RuleError("tooManyInvitees", "personId");
    await updateVersioned(tx.callIn, { where: scope, id: current.id, version: input.version, data: {} });
    await tx.callInInvitee.create({ data: { callInId: current.id, personId: person.id } });
    await moveRetentionClock(tx, [person.id], now);
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "CallIn",
      entityId: current.id,
      metadata: { addedPersonIds: [person.id], via: "nameSearch", version: input.version + 1 },
    });
    return { id: current.id };
  });
}
