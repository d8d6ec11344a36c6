import type { z } from "zod";
import { handleForm } from "@/lib/forms";
import { db } from "@/lib/db";
import type { Agency } from "@/lib/generated/prisma/enums";
import { giveConsent as giveConsentInForce } from "./confid-fixtures";
import type { World } from "./world";

/** A FormData as the browser would post it: arrays as repeated fields. */
export function form(fields: Record<string, string | string[] | undefined>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) fd.append(key, v);
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

/** A consent by the person that the named agencies share information about them (see confid-fixtures). */
export async function giveConsent(w: World, personId: string, agencies: Agency[], withdrawnAt: Date | null = null) {
  return giveConsentInForce(w, personId, agencies, { withdrawnAt, givenOn: new Date("2020-01-01") });
}

export const UNKNOWN_ID = "00000000-0000-7000-8000-000000000000";

/** A Stockholm wall-clock time as typed into a datetime-local field, `days` from now. */
export function typedDateTime(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(d)
    .replace(" ", "T");
}

/** A calendar date as typed into a date field, `days` from today (Stockholm). */
export function typedDate(days: number): string {
  return typedDateTime(days).slice(0, 10);
}
