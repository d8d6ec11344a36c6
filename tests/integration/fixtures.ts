import type { z } from "zod";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { actorOf } from "@/lib/auth";
import { sealTotpSecret } from "@/lib/auth/totp-store";
import { newTotpSecret, totpCode, totpStep } from "@/lib/auth/totp";
import { COVERAGE } from "@/lib/authz/consent-coverage";
import type { Actor } from "@/lib/authz";
import { requirePersonAccess } from "@/lib/caseload-gate";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms";
import type { Agency, Role } from "@/lib/generated/prisma/enums";
import {
  createAssignment,
  createCallIn,
  createCallInInvitee,
  createConsent,
  createEnforcementAction,
  createFollowUp,
  createIncident,
  createIncidentPerson,
  createInternalNote,
  createNotification,
  createPerson,
  createReferral,
  createSite,
  createSupportMeasure,
  createUser,
  acceptCurrentPledge,
} from "@/prisma/factories";

/*
 * The integration tests' fixtures: a world to act in, records of every kind, consent, caseload and
 * reasons, forms as the browser posts them, and the second factor. Records are made with the
 * factories (prisma/factories), on this worker's database (lib/db, pointed there by setup.ts).
 */

// ───────────────────────────── the world ─────────────────────────────

export const ROLES: Role[] = ["POLICE", "SOCIAL", "PROBATION", "MANAGER", "ADMIN", "NATIONAL"];

/**
 * Two sites; in the first, one user per role and two people; in the second, a police user and a
 * person of its own (which nobody in the first site may ever see).
 */
export async function makeWorld() {
  const site = await createSite(db, { name: "Malmö (test)" });
  const otherSite = await createSite(db, { name: "Örebro (test)" });
  const users = {} as Record<Role, Awaited<ReturnType<typeof createUser>>>;
  for (const role of ROLES) users[role] = await createUser(db, { siteId: site.id, role });
  const actors = Object.fromEntries(ROLES.map((role) => [role, actorOf(users[role])])) as Record<Role, Actor>;
  const otherUser = await createUser(db, { siteId: otherSite.id, role: "POLICE" });
  // Both sites' pledge, accepted by the world's users: the session check lets nobody past it
  // (lib/auth/session.ts), and tests about the gate publish a new version or make a new user.
  await acceptCurrentPledge(db, { siteId: site.id, userIds: ROLES.map((role) => users[role].id) });
  await acceptCurrentPledge(db, { siteId: otherSite.id, userIds: [otherUser.id] });
  const person = await createPerson(db, {
    siteId: site.id,
    createdById: users.POLICE.id,
    firstName: "Testa",
    lastName: "Testsson",
  });
  const secondPerson = await createPerson(db, {
    siteId: site.id,
    createdById: users.POLICE.id,
    firstName: "Andra",
    lastName: "Personsson",
  });
  const otherPerson = await createPerson(db, {
    siteId: otherSite.id,
    createdById: otherUser.id,
    firstName: "Annan",
    lastName: "Ortsson",
  });
  return { site, otherSite, users, actors, otherActor: actorOf(otherUser), person, secondPerson, otherPerson };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** One record of every kind about `personId`, each owned by the agency that records it in practice. */
export async function recordsOfEveryKind(w: World, personId = w.person.id) {
  const siteId = w.site.id;
  const notification = await createNotification(db, {
    siteId,
    personId,
    createdById: w.users.POLICE.id,
    createdByAgency: "POLICE",
    nextStep: "Nästa steg: fritext",
  });
  const callIn = await createCallIn(db, {
    siteId,
    occurredAt: new Date("2026-02-01T17:00:00Z"),
    venue: "Rådhuset",
    createdById: w.users.POLICE.id,
    createdByAgency: "POLICE",
  });
  await createCallInInvitee(db, { callInId: callIn.id, personId, status: "ATTENDED", response: "POSITIVE" });
  const referral = await createReferral(db, {
    siteId,
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
  });
  const supportMeasure = await createSupportMeasure(db, {
    siteId,
    referralId: referral.id,
    personId,
    type: "RELOCATION",
    startsOn: new Date("2026-02-01"),
    outcome: "Utfall: fritext",
    destinationTown: "Skyddad ort",
    createdById: w.users.SOCIAL.id,
  });
  const followUp = await createFollowUp(db, {
    siteId,
    personId,
    agency: "PROBATION",
    assignedToId: w.users.PROBATION.id,
    dueOn: new Date("2026-03-01"),
    summary: "Sammanfattning: fritext",
  });
  const enforcement = await createEnforcementAction(db, {
    siteId,
    personId,
    type: "ARREST",
    occurredAt: new Date("2026-03-05T06:00:00Z"),
    description: "Beskrivning: fritext",
    createdById: w.users.POLICE.id,
  });
  const incident = await createIncident(db, {
    siteId,
    occurredAt: new Date("2026-03-10T22:00:00Z"),
    type: "SHOOTING",
    district: "Centrum",
    injured: 1,
    groupMemberInvolvement: "YES",
    createdById: w.users.POLICE.id,
  });
  await createIncidentPerson(db, { incidentId: incident.id, personId, role: "VICTIM" });
  const socialNote = await createInternalNote(db, {
    siteId,
    agency: "SOCIAL",
    notificationId: notification.id,
    createdById: w.users.SOCIAL.id,
    body: "SOCIALTJÄNSTENS NOT",
  });
  const policeNote = await createInternalNote(db, {
    siteId,
    agency: "POLICE",
    personId,
    createdById: w.users.POLICE.id,
    body: "POLISENS NOT",
  });
  return { notification, callIn, referral, supportMeasure, followUp, enforcement, incident, socialNote, policeNote };
}

// ───────────────────────────── consent, caseload, reasons ─────────────────────────────

/**
 * A consent in force between `agencies`: it covers every combination between them and every
 * holding agency among them has confirmed it (recorded by social services, confirmed by each other
 * holder's user of the world), so it opens what the named agencies may share. Given on
 * 1 January 2026 unless `givenOn`.
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

// ───────────────────────────── forms ─────────────────────────────

/** A FormData as the browser would post it: arrays as repeated fields, numbers as text, undefined left out. */
export function form(fields: Record<string, string | string[] | number | undefined>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) fd.append(key, String(v));
  }
  return fd;
}

/** Runs a domain function the way its server action does: the form's schema, then the function. */
export function submitWith<S extends z.ZodType>(
  schema: S,
  run: (input: z.output<S>) => Promise<unknown>,
  arrays: readonly string[] = [],
) {
  return (fields: Record<string, string | string[] | undefined>) => handleForm(form(fields), schema, run, { arrays });
}

/** Every table the activities write, counted: "no change in the database" is this staying equal. */
export async function activityCounts() {
  const [
    callIns,
    invitees,
    speakers,
    referrals,
    history,
    measures,
    followUps,
    enforcement,
    incidents,
    incidentPeople,
    incidentGroups,
    audits,
    disclosures,
  ] = await Promise.all([
    db.callIn.count(),
    db.callInInvitee.count(),
    db.callInSpeaker.count(),
    db.referral.count(),
    db.referralStatusChange.count(),
    db.supportMeasure.count(),
    db.followUp.count(),
    db.enforcementAction.count(),
    db.incident.count(),
    db.incidentPerson.count(),
    db.incidentGroup.count(),
    db.auditEvent.count({ where: { action: { in: ["CREATE", "UPDATE", "DELETE"] } } }),
    db.disclosure.count(),
  ]);
  return {
    callIns,
    invitees,
    speakers,
    referrals,
    history,
    measures,
    followUps,
    enforcement,
    incidents,
    incidentPeople,
    incidentGroups,
    audits,
    disclosures,
  };
}

export const UNKNOWN_ID = "00000000-0000-7000-8000-000000000000";

/** A Stockholm wall-clock time as typed into a datetime-local field, `days` from now. */
export function typedDateTime(days: number): string {
  return toStockholmInputValue(new Date(Date.now() + days * 86_400_000));
}

/** A calendar date as typed into a date field, `days` from today (Stockholm). */
export function typedDate(days: number): string {
  return typedDateTime(days).slice(0, 10);
}

// ───────────────────────────── the second factor ─────────────────────────────

/** Gives a user a TOTP second factor, as enrolment would; returns the secret to compute codes. */
export async function enrolTotp(userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db.user.update({
    where: { id: userId },
    data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: new Date() },
  });
  return secret;
}

/** The code of the current step, and of the next one (accepted too, one step of tolerance). */
export async function currentCode(secret: string, offset = 0): Promise<string> {
  return totpCode(secret, { step: totpStep(Date.now()) + offset });
}
