import "server-only";
import { openPerson } from "@/lib/caseload-gate";
import { colleagueWhere, internalNoteWhere, notificationWhere, authorize, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { roundChoices } from "@/lib/rounds/queries";
import { planForLogging } from "@/lib/visits/queries";
import { personWarningFlags } from "@/lib/warning-flags/queries";

/** What the "log a notification" form needs: whom it is about, and who could have taken part. */
export async function getNotificationFormOptions({
  actor,
  personId,
  plannedVisitId,
  now = new Date(),
}: {
  actor: Actor;
  personId: string;
  /** Logging the visit of this plan: the form starts from the plan's team, place and round. */
  plannedVisitId?: string;
  now?: Date;
}) {
  authorize(actor, "notification", "create");
  if (!isUuid(personId)) throw new NotFoundError("person");
  const [{ person, audit }, colleagues] = await Promise.all([
    openPerson({ actor, personId, select: { id: true, firstName: true, lastName: true, status: true } }),
    db.user.findMany({
      where: colleagueWhere(actor),
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  const [flags, rounds, plan] = await Promise.all([
    personWarningFlags(actor, person.id, { now }),
    roundChoices(actor, now),
    plannedVisitId ? planForLogging(actor, plannedVisitId, person.id) : Promise.resolve(null),
  ]);
  await audit({
    action: "READ",
    entityType: "Person",
    entityId: person.id,
    metadata: {
      purpose: "newNotification",
      plannedVisitId: plan?.id ?? null,
      shownWarningFlagIds: flags.map((f) => f.id),
    },
  });
  return { person, colleagues, flags, rounds, plan };
}

/**
 * What the "edit a notification" form needs: the notification as saved, the actor's own agency's
 * internal note (never another agency's), and the colleagues who could have taken part. Audited.
 */
export async function getNotificationForEdit({ actor, notificationId }: { actor: Actor; notificationId: string }) {
  if (!isUuid(notificationId)) throw new NotFoundError("notification");
  const [notification, colleagues] = await Promise.all([
    db.customNotification.findFirst({
      where: { AND: [notificationWhere(actor, "update"), { id: notificationId }] },
      select: {
        id: true,
        occurredAt: true,
        placeType: true,
        placeDescription: true,
        agencies: true,
        outcome: true,
        response: true,
        askedForHelpOnSite: true,
        nextStep: true,
        roundId: true,
        version: true,
        participants: { select: { userId: true } },
        notes: { where: internalNoteWhere(actor), select: { body: true } },
        person: { select: { id: true, firstName: true, lastName: true, status: true } },
      },
    }),
    db.user.findMany({
      where: colleagueWhere(actor),
      select: { id: true, name: true, role: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  if (!notification) throw new NotFoundError("notification");
  const { audit } = await openPerson({ actor, personId: notification.person.id });
  const [flags, rounds] = await Promise.all([
    personWarningFlags(actor, notification.person.id),
    roundChoices(actor, notification.occurredAt),
  ]);
  await audit({
    action: "READ",
    entityType: "CustomNotification",
    entityId: notification.id,
    metadata: { purpose: "edit", shownWarningFlagIds: flags.map((f) => f.id) },
  });
  const { notes, participants, ...rest } = notification;
  return {
    notification: { ...rest, participantIds: participants.map((p) => p.userId), internalNote: notes[0]?.body ?? null },
    colleagues,
    flags,
    rounds,
  };
}
