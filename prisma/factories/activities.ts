import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency } from "@/lib/generated/prisma/enums";
import { next, type Client } from "./client";

/*
 * The joint activities (custom notifications, call-ins), the agencies' own records about a person
 * (follow-ups, enforcement actions, internal notes) and incidents.
 */

export async function createNotificationRound(
  db: Client,
  data: Partial<Prisma.NotificationRoundUncheckedCreateInput> & { siteId: string; createdById: string },
) {
  return db.notificationRound.create({
    data: {
      name: `Omgång ${next()}`,
      startsOn: new Date(Date.UTC(2020, 8, 14)),
      endsOn: new Date(Date.UTC(2020, 8, 25)),
      ...data,
    },
  });
}

/** A delivered custom notification at the person's home, by the recording agency alone. */
export async function createNotification(
  db: Client,
  data: Partial<Prisma.CustomNotificationUncheckedCreateInput> & {
    siteId: string;
    personId: string;
    createdById: string;
    createdByAgency: Agency;
  },
) {
  return db.customNotification.create({
    data: {
      occurredAt: new Date(Date.UTC(2020, 8, 15, 10)),
      placeType: "HOME",
      agencies: [data.createdByAgency],
      outcome: "DELIVERED",
      response: "NEUTRAL",
      ...data,
    },
  });
}

/** An agency's internal note; give exactly one target (personId, notificationId, followUpId, …). */
export async function createInternalNote(
  db: Client,
  data: Partial<Prisma.InternalNoteUncheckedCreateInput> & { siteId: string; agency: Agency; createdById: string },
) {
  return db.internalNote.create({ data: { body: "Intern anteckning", ...data } });
}

export async function createCallIn(
  db: Client,
  data: Partial<Prisma.CallInUncheckedCreateInput> & { siteId: string; createdById: string; createdByAgency: Agency },
) {
  return db.callIn.create({ data: { occurredAt: new Date(Date.UTC(2020, 1, 1, 17)), venue: "Rådhuset", ...data } });
}

/** A person invited to a call-in (status INVITED unless given). */
export async function createCallInInvitee(
  db: Client,
  data: Partial<Prisma.CallInInviteeUncheckedCreateInput> & { callInId: string; personId: string },
) {
  return db.callInInvitee.create({ data });
}

/** A planned follow-up, assigned to `assignedToId`, who also made it unless `createdById`. */
export async function createFollowUp(
  db: Client,
  data: Partial<Prisma.FollowUpUncheckedCreateInput> & {
    siteId: string;
    personId: string;
    agency: Agency;
    assignedToId: string;
  },
) {
  return db.followUp.create({
    data: { dueOn: new Date(Date.UTC(2026, 2, 1)), createdById: data.createdById ?? data.assignedToId, ...data },
  });
}

/** An arrest unless `type` says otherwise; against a person or a group (one of them is required). */
export async function createEnforcementAction(
  db: Client,
  data: Partial<Prisma.EnforcementActionUncheckedCreateInput> & { siteId: string; createdById: string } & (
      { personId: string } | { groupId: string }
    ),
) {
  return db.enforcementAction.create({
    data: { type: "ARREST", occurredAt: new Date(Date.UTC(2026, 2, 5, 6)), ...data },
  });
}

type IncidentData = Partial<Prisma.IncidentUncheckedCreateInput> & { siteId: string; createdById: string };
const incidentDefaults = () => ({
  occurredAt: new Date(Date.UTC(2026, 2, 10, 22)),
  type: "SHOOTING" as const,
  district: "Centrum",
});

/** A shooting in Centrum unless told otherwise; nobody hurt, group-member involvement unknown. */
export async function createIncident(db: Client, data: IncidentData) {
  return db.incident.create({ data: { ...incidentDefaults(), ...data } });
}

/** Many incidents in one statement (the demo's few hundred shootings). */
export async function createIncidents(db: Client, data: IncidentData[]) {
  return db.incident.createMany({ data: data.map((d) => ({ ...incidentDefaults(), ...d })) });
}

export async function createIncidentPerson(db: Client, data: Prisma.IncidentPersonUncheckedCreateInput) {
  return db.incidentPerson.create({ data });
}

export async function createIncidentGroup(db: Client, data: Prisma.IncidentGroupUncheckedCreateInput) {
  return db.incidentGroup.create({ data });
}
