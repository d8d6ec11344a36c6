import "server-only";
import { recordAudit } from "@/lib/audit";
import { authorize, colleagueWhere, personWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import type { TLogNotification } from "./schemas";

/**
 * Records a custom notification with its participants and the actor's agency's internal note,
 * and its audit event, in one transaction.
 */
export async function logNotification({ actor, input }: { actor: Actor; input: TLogNotification }): Promise<{ id: string }> {
  authorize(actor, "notification", "create");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("notification");

  return db.$transaction(async (tx) => {
    const person = await tx.person.findFirst({ where: { AND: [personWhere(actor, "read"), { id: input.personId }] }, select: { id: true } });
    if (!person) throw new NotFoundError("person");

    if (input.participantIds.length > 0) {
      const found = await tx.user.count({ where: { AND: [colleagueWhere(actor), { id: { in: input.participantIds } }] } });
      if (found !== input.participantIds.length) throw new RuleError("unknownParticipant", "participantIds");
    }

    const notification = await tx.customNotification.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        occurredAt: input.occurredAt,
        placeType: input.placeType,
        placeDescription: input.placeDescription ?? null,
        agencies: input.agencies,
        outcome: input.outcome,
        response: input.outcome === "DELIVERED" ? (input.response ?? null) : null,
        askedForHelpOnSite: input.askedForHelpOnSite,
        nextStep: input.nextStep ?? null,
        createdById: actor.id,
        createdByAgency: agency,
        participants: { create: input.participantIds.map((userId) => ({ userId })) },
        notes: input.internalNote
          ? { create: { siteId: actor.siteId, agency, body: input.internalNote, createdById: actor.id } }
          : undefined,
      },
      select: { id: true },
    });
    await tx.person.update({ where: { id: person.id }, data: { lastActivityAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "CustomNotification",
      entityId: notification.id,
      personId: person.id,
      metadata: { outcome: input.outcome, participants: input.participantIds.length, internalNote: Boolean(input.internalNote) },
    });
    return notification;
  });
}
