import "server-only";
import { recordAudit } from "@/lib/audit";
import { moveRetentionClock } from "@/lib/caseload-gate";
import {
  authorize,
  groupWhere,
  membershipWhere,
  personWhere,
  roundPersonWhere,
  roundWhere,
  type Actor,
} from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { resolvePeopleByIdentityNumber } from "@/lib/people/resolve";
import { todayDateOnly } from "@/lib/validation/activity-fields";
import { MAX_ROUND_PEOPLE, type TAddRoundPeople, type TCreateRound } from "./schemas";

type PeopleInput = Pick<TCreateRound, "groupIds" | "personIds" | "personNumbers">;

/**
 * Everyone the form names: the current members of the chosen groups who can be visited (not
 * deprived of liberty, not deceased), the people ticked and the people by personnummer (whom the
 * user names deliberately, whatever their status). Each must be a person the actor may see.
 */
async function resolveRoundPeople(tx: Tx, actor: Actor, input: PeopleInput): Promise<string[]> {
  const people = new Set<string>();
  if (input.groupIds.length > 0) {
    const groups = await tx.group.count({
      where: { AND: [groupWhere(actor, "read"), { id: { in: input.groupIds } }] },
    });
    if (groups !== input.groupIds.length) throw new RuleError("unknownGroup", "groupIds");
    const members = await tx.membership.findMany({
      where: {
        AND: [
          membershipWhere(actor, "read"),
          { groupId: { in: input.groupIds }, OR: [{ validTo: null }, { validTo: { gte: todayDateOnly() } }] },
          { person: { AND: [personWhere(actor, "read"), { status: { notIn: ["DEPRIVED_OF_LIBERTY", "DECEASED"] } }] } },
        ],
      },
      select: { personId: true },
    });
    for (const m of members) people.add(m.personId);
  }
  if (input.personIds.length > 0) {
    const found = await tx.person.count({
      where: { AND: [personWhere(actor, "read"), { id: { in: input.personIds } }] },
    });
    if (found !== input.personIds.length) throw new RuleError("unknownPerson", "personIds");
    for (const id of input.personIds) people.add(id);
  }
  for (const id of await resolvePeopleByIdentityNumber(tx, actor, input.personNumbers, "personNumbers")) people.add(id);
  if (people.size > MAX_ROUND_PEOPLE) throw new RuleError("tooMany", "groupIds");
  return [...people];
}

/** Makes a round with its people, in one transaction with its audit event. */
export async function createRound({ actor, input }: { actor: Actor; input: TCreateRound }): Promise<{ id: string }> {
  authorize(actor, "round", "create");
  return db.$transaction(async (tx) => {
    const people = await resolveRoundPeople(tx, actor, input);
    const round = await tx.notificationRound.create({
      data: {
        siteId: actor.siteId,
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdById: actor.id,
        people: { create: people.map((personId) => ({ personId, siteId: actor.siteId, createdById: actor.id })) },
      },
      select: { id: true },
    });
    await moveRetentionClock(tx, people);
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "NotificationRound",
      entityId: round.id,
      metadata: { personIds: people, groupIds: input.groupIds },
    });
    return round;
  });
}

/** Adds people to a round; those already in it stay as they were. Audited. */
export async function addRoundPeople({
  actor,
  input,
}: {
  actor: Actor;
  input: TAddRoundPeople;
}): Promise<{ id: string }> {
  const scope = roundWhere(actor, "update");
  return db.$transaction(async (tx) => {
    const round = await tx.notificationRound.findFirst({
      where: { AND: [scope, { id: input.roundId }] },
      select: { id: true },
    });
    if (!round) throw new NotFoundError("round");
    const people = await resolveRoundPeople(tx, actor, input);
    const already = await tx.roundPerson.findMany({
      where: { AND: [roundPersonWhere(actor, "read"), { roundId: round.id, personId: { in: people } }] },
      select: { personId: true },
    });
    const known = new Set(already.map((a) => a.personId));
    const added = people.filter((id) => !known.has(id));
    const total = await tx.roundPerson.count({ where: { roundId: round.id } });
    if (total + added.length > MAX_ROUND_PEOPLE) throw new RuleError("tooMany", "groupIds");
    await tx.roundPerson.createMany({
      data: added.map((personId) => ({ roundId: round.id, personId, siteId: actor.siteId, createdById: actor.id })),
      skipDuplicates: true,
    });
    await moveRetentionClock(tx, added);
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "NotificationRound",
      entityId: round.id,
      metadata: { addedPersonIds: added, groupIds: input.groupIds },
    });
    return round;
  });
}
