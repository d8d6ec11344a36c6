import { requirePersonAccess } from "@/lib/caseload-gate";
import { db } from "@/lib/db";
import type { Agency } from "@/lib/generated/prisma/enums";
import { COVERAGE } from "@/lib/authz/consent-coverage";
import { createAssignment, createConsent, createInternalNote, createNotification } from "@/prisma/factories";
import type { World } from "./world";

/** One record of every kind about `personId`, each owned by the agency that records it in practice. */
export async function recordsOfEveryKind(w: World, personId = w.person.id) {
  const notification = await createNotification(db, {
    siteId: w.site.id,
    personId,
    createdById: w.users.POLICE.id,
    createdByAgency: "POLICE",
    nextStep: "Nästa steg: fritext",
  });
  const callIn = await db.callIn.create({
    data: {
      siteId: w.site.id,
      occurredAt: new Date("2026-02-01T17:00:00Z"),
      venue: "Rådhuset",
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    },
  });
  await db.callInInvitee.create({ data: { callInId: callIn.id, personId, status: "ATTENDED", response: "POSITIVE" } });
  const referral = await db.referral.create({
    data: {
      siteId: w.site.id,
      personId,
      source: "CUSTOM_NOTIFICATION",
      notificationId: notification.id,
      referredAt: new Date("2026-01-10T10:00:00Z"),
      statusChangedAt: new Date("2026-01-10T10:00:00Z"),
      createdById: w.users.SOCIAL.id,
      history: {
        create: {
          toStatus: "REFERRED",
          changedAt: new Date("2026-01-10T10:00:00Z"),
          changedById: w.users.SOCIAL.id,
          comment: "Kommentar: fritext",
        },
      },
    },
  });
  const supportMeasure = await db.supportMeasure.create({
    data: {
      siteId: w.site.id,
      referralId: referral.id,
      personId,
      type: "RELOCATION",
      startsOn: new Date("2026-02-01"),
      outcome: "Utfall: fritext",
      destinationTown: "Skyddad ort",
      createdById: w.users.SOCIAL.id,
    },
  });
  const followUp = await db.followUp.create({
    data: {
      siteId: w.site.id,
      personId,
      agency: "PROBATION",
      assignedToId: w.users.PROBATION.id,
      dueOn: new Date("2026-03-01"),
      summary: "Sammanfattning: fritext",
      createdById: w.users.PROBATION.id,
    },
  });
  const enforcement = await db.enforcementAction.create({
    data: {
      siteId: w.site.id,
      personId,
      type: "ARREST",
      occurredAt: new Date("2026-03-05T06:00:00Z"),
      description: "Beskrivning: fritext",
      createdById: w.users.POLICE.id,
    },
  });
  const incident = await db.incident.create({
    data: {
      siteId: w.site.id,
      occurredAt: new Date("2026-03-10T22:00:00Z"),
      type: "SHOOTING",
      district: "Centrum",
      injured: 1,
      groupMemberInvolvement: "YES",
      createdById: w.users.POLICE.id,
    },
  });
  await db.incidentPerson.create({ data: { incidentId: incident.id, personId, role: "VICTIM" } });
  const socialNote = await createInternalNote(db, {
    siteId: w.site.id,
    agency: "SOCIAL",
    notificationId: notification.id,
    createdById: w.users.SOCIAL.id,
    body: "SOCIALTJÄNSTENS NOT",
  });
  const policeNote = await createInternalNote(db, {
    siteId: w.site.id,
    agency: "POLICE",
    personId,
    createdById: w.users.POLICE.id,
    body: "POLISENS NOT",
  });
  return { notification, callIn, referral, supportMeasure, followUp, enforcement, incident, socialNote, policeNote };
}

/**
 * A consent in force between `agencies`: it covers every combination between them and every
 * holding agency among them has confirmed it (recorded by social services, confirmed by each other
 * holder's user of the world), so it opens what the named agencies may share.
 */
export async function giveConsent(
  w: World,
  personId: string,
  agencies: Agency[],
  opts: { withdrawnAt?: Date | null; givenOn?: Date } = {},
) {
  return createConsent(db, {
    siteId: w.site.id,
    personId,
    createdById: w.users.SOCIAL.id,
    recordedByAgency: "SOCIAL",
    coverage: COVERAGE.filter((c) => agencies.includes(c.from) && agencies.includes(c.to)),
    confirmedBy: { POLICE: w.users.POLICE.id, SOCIAL: w.users.SOCIAL.id, PROBATION: w.users.PROBATION.id },
    documentReference: "DOK-1",
    givenOn: opts.givenOn ?? new Date("2026-01-01"),
    withdrawnAt: opts.withdrawnAt ?? null,
  });
}

/** Puts the person in each agency user's caseload, so the caseload gate does not ask. */
export async function assignAll(w: World, personId = w.person.id) {
  for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
    await createAssignment(db, { siteId: w.site.id, personId, userId: w.users[role].id, agency: role });
  }
}

/**
 * Gives every agency user a reason for opening the person's file (the caseload gate's grant, an
 * audit event of its own) without putting the person on anyone's caseload: for tests where an
 * assignment would change what they check (a handler's protected details, "mine", assignments).
 */
export async function giveReasonAll(w: World, personId = w.person.id) {
  for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
    await requirePersonAccess({ actor: w.actors[role], personId, reason: { code: "JOINT_PLANNING" } });
  }
}
