import "server-only";
import { moveRetentionClock } from "@/lib/caseload-gate";
import type { IncidentGroupRole, IncidentPersonRole } from "@/lib/generated/prisma/enums";
import { resolvePeopleByIdentityNumber } from "@/lib/people/resolve";
import { recordAudit } from "@/lib/audit";
import { authorize, groupWhere, incidentWhere, personWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import type { TCreateIncident, TEditIncident } from "./schemas";

type Links = {
  groups: { groupId: string; role: IncidentGroupRole }[];
  people: { personId: string; role: IncidentPersonRole }[];
};

/** Resolves the form's groups and people into links, each checked against what the actor may see. */
async function resolveLinks(tx: Tx, actor: Actor, input: TCreateIncident, keepable: Set<string>): Promise<Links> {
  const groupIds = [...new Set([...input.suspectedGroupIds, ...input.victimGroupIds])];
  if (groupIds.length > 0) {
    const found = await tx.group.count({ where: { AND: [groupWhere(actor, "read"), { id: { in: groupIds } }] } });
    if (found !== groupIds.length) throw new RuleError("unknownGroup", "suspectedGroupIds");
  }
  for (const k of input.keepPeople)
    if (!keepable.has(`${k.personId}:${k.role}`)) throw new RuleError("unknownPerson", "keepPeople");
  const [victims, suspects] = [
    await resolvePeopleByIdentityNumber(tx, actor, input.newVictims, "newVictims"),
    await resolvePeopleByIdentityNumber(tx, actor, input.newSuspects, "newSuspects"),
  ];
  const people = new Map<string, { personId: string; role: IncidentPersonRole }>();
  for (const l of [
    ...input.keepPeople,
    ...victims.map((personId) => ({ personId, role: "VICTIM" as const })),
    ...suspects.map((personId) => ({ personId, role: "SUSPECT" as const })),
  ]) {
    people.set(`${l.personId}:${l.role}`, l);
  }
  return {
    groups: [
      ...input.suspectedGroupIds.map((groupId) => ({ groupId, role: "SUSPECTED" as const })),
      ...input.victimGroupIds.map((groupId) => ({ groupId, role: "VICTIM_SIDE" as const })),
    ],
    people: [...people.values()],
  };
}

function fields(input: TCreateIncident) {
  return {
    occurredAt: input.occurredAt,
    type: input.type,
    district: input.district,
    place: input.place ?? null,
    killed: input.killed,
    injured: input.injured,
    groupMemberInvolvement: input.groupMemberInvolvement,
    description: input.description ?? null,
  };
}

function auditMetadata(input: TCreateIncident, links: Links) {
  return {
    type: input.type,
    killed: input.killed,
    injured: input.injured,
    groupMemberInvolvement: input.groupMemberInvolvement,
    groupIds: links.groups.map((g) => g.groupId),
    linkedPersonIds: links.people.map((p) => p.personId),
  };
}

/** Records a shooting or other serious violence with its groups and people (the police). */
export async function createIncident({
  actor,
  input,
}: {
  actor: Actor;
  input: TCreateIncident;
}): Promise<{ id: string }> {
  authorize(actor, "incident", "create");
  return db.$transaction(async (tx) => {
    const links = await resolveLinks(tx, actor, input, new Set());
    const incident = await tx.incident.create({
      data: {
        siteId: actor.siteId,
        ...fields(input),
        createdById: actor.id,
        groups: { create: links.groups },
        people: { create: links.people },
      },
      select: { id: true },
    });
    await moveRetentionClock(
      tx,
      links.people.map((p) => p.personId),
    );
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "Incident",
      entityId: incident.id,
      metadata: auditMetadata(input, links),
    });
    return incident;
  });
}

/** Edits an incident the user saw at `version`; its groups and people become what the form says. */
export async function editIncident({ actor, input }: { actor: Actor; input: TEditIncident }): Promise<{ id: string }> {
  const scope = incidentWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const current = await tx.incident.findFirst({
      where: { AND: [scope, { id: input.incidentId }] },
      // Only links to people the actor may see can be kept or dropped; others are left alone.
      select: {
        id: true,
        people: { where: { person: personWhere(actor, "read") }, select: { personId: true, role: true } },
      },
    });
    if (!current) throw new NotFoundError("incident");
    const visible = new Set(current.people.map((p) => `${p.personId}:${p.role}`));
    const links = await resolveLinks(tx, actor, input, visible);

    await updateVersioned(tx.incident, { where: scope, id: current.id, version: input.version, data: fields(input) });
    await tx.incidentGroup.deleteMany({ where: { incidentId: current.id } });
    await tx.incidentGroup.createMany({ data: links.groups.map((g) => ({ incidentId: current.id, ...g })) });
    const wanted = new Set(links.people.map((p) => `${p.personId}:${p.role}`));
    const dropped = current.people.filter((p) => !wanted.has(`${p.personId}:${p.role}`));
    for (const d of dropped)
      await tx.incidentPerson.delete({
        where: { incidentId_personId_role: { incidentId: current.id, personId: d.personId, role: d.role } },
      });
    await tx.incidentPerson.createMany({
      data: links.people.map((p) => ({ incidentId: current.id, ...p })),
      skipDuplicates: true,
    });
    // An edit is activity about every person the incident names, and about those it no longer names.
    await moveRetentionClock(tx, [...new Set([...links.people, ...dropped].map((p) => p.personId))]);
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "Incident",
      entityId: current.id,
      metadata: { ...auditMetadata(input, links), droppedPersonIds: dropped.map((d) => d.personId) },
    });
    return { id: current.id };
  });
}
