import { z } from "zod";
import { InviteeStatus, PersonResponse, SpeakerKind } from "@/lib/generated/prisma/enums";
import {
  EVEN_WITH_FIELD_ERRORS,
  identityNumberLines,
  ids,
  isDate,
  nameLines,
  optionalOneOf,
  plannedDateTime,
  version,
} from "@/lib/validation/activity-fields";
import { ZPage } from "@/lib/pagination";
import { checkbox, oneOf, optionalText, requiredText, uuid, searchText } from "@/lib/validation/fields";

export const INVITEE_STATUSES = Object.values(InviteeStatus) as [InviteeStatus, ...InviteeStatus[]];
export const RESPONSES = Object.values(PersonResponse) as [PersonResponse, ...PersonResponse[]];
export const SPEAKER_KINDS = Object.values(SpeakerKind) as [SpeakerKind, ...SpeakerKind[]];

/** Speakers from the agencies are colleagues with that role; community voices are names. */
export const SPEAKER_FIELDS = {
  POLICE: "speakerPolice",
  SOCIAL: "speakerSocial",
  PROBATION: "speakerProbation",
} as const;

/** The most people one call-in invites: a hall, not a register. */
export const MAX_INVITEES = 200;

const callInFields = {
  occurredAt: plannedDateTime,
  venue: requiredText(200),
  description: optionalText(2000),
  speakerPolice: ids(10),
  speakerSocial: ids(10),
  speakerProbation: ids(10),
  communitySpeakers: nameLines(10, 200),
  /** Invite every current member of these groups. */
  inviteGroupIds: ids(20),
  /** Invite these people by personnummer. */
  invitePersonNumbers: identityNumberLines(MAX_INVITEES),
};

/** Planning (or recording afterwards) a call-in. */
export const ZCreateCallIn = z.object(callInFields);
export type TCreateCallIn = z.output<typeof ZCreateCallIn>;

const attendee = z.object({
  personId: uuid,
  status: oneOf(INVITEE_STATUSES),
  response: optionalOneOf(RESPONSES),
  askedForHelp: checkbox,
  remove: checkbox,
});
export type TAttendee = z.output<typeof attendee>;

/** Field names of one attendee's row in the edit form. */
export const attendeeField = {
  status: (personId: string) => `status_${personId}`,
  response: (personId: string) => `response_${personId}`,
  askedForHelp: (personId: string) => `help_${personId}`,
  remove: (personId: string) => `remove_${personId}`,
};

/** The form posts one row of fields per attendee (named by attendeeField); gather them into rows. */
function gatherAttendees(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const form = raw as Record<string, unknown>;
  const personIds = Array.isArray(form.attendee) ? form.attendee : [];
  return {
    ...form,
    attendees: personIds.map((personId) => {
      const id = String(personId);
      return {
        personId: id,
        status: form[attendeeField.status(id)],
        response: form[attendeeField.response(id)],
        askedForHelp: form[attendeeField.askedForHelp(id)],
        remove: form[attendeeField.remove(id)],
      };
    }),
  };
}

/**
 * Editing a call-in: its details, speakers, and each attendee's invitation status, response and
 * whether they asked for help. Attendance is recorded once the meeting has taken place; a response
 * and a request for help only for those who attended. Errors land on the attendee's own row.
 */
export const ZEditCallIn = z.preprocess(
  gatherAttendees,
  z
    .object({
      callInId: uuid,
      version,
      ...callInFields,
      attendees: z.array(attendee).max(MAX_INVITEES, { error: "tooMany" }),
    })
    .superRefine((v, ctx) => {
      // With no valid date the meeting's state is unknown: the date's own error says so.
      const held = isDate(v.occurredAt) ? v.occurredAt.getTime() <= Date.now() + 60_000 : true;
      for (const a of Array.isArray(v.attendees) ? v.attendees : []) {
        if (!a || typeof a !== "object" || a.remove) continue;
        if (!held && (a.status === "ATTENDED" || a.status === "ABSENT")) {
          ctx.addIssue({ code: "custom", path: [attendeeField.status(a.personId)], message: "notYetHeld" });
        }
        if (a.response && a.status !== "ATTENDED")
          ctx.addIssue({
            code: "custom",
            path: [attendeeField.response(a.personId)],
            message: "responseNeedsAttendance",
          });
        if (a.askedForHelp && a.status !== "ATTENDED")
          ctx.addIssue({
            code: "custom",
            path: [attendeeField.askedForHelp(a.personId)],
            message: "helpNeedsAttendance",
          });
      }
    }, EVEN_WITH_FIELD_ERRORS),
);
export type TEditCallIn = z.output<typeof ZEditCallIn>;

/** "Markera alla som närvarande": every invitee still marked invited attended the meeting held. */
export const ZMarkAllAttended = z.object({ callInId: uuid, version });
export type TMarkAllAttended = z.output<typeof ZMarkAllAttended>;

/** Inviting one person found by name on the call-in's page ("Bjud in"). */
export const ZInviteToCallIn = z.object({ callInId: uuid, version, personId: uuid });
export type TInviteToCallIn = z.output<typeof ZInviteToCallIn>;

/** The name search on the call-in's page: from the address, never an error page. */
export const ZInviteSearch = z.object({ q: searchText(100) });

export const CALL_IN_ARRAYS = [
  "speakerPolice",
  "speakerSocial",
  "speakerProbation",
  "inviteGroupIds",
  "attendee",
] as const;

export const CALL_IN_PERIODS = ["upcoming", "past", "all"] as const;

export const ZFindCallIns = z.object({
  q: searchText(100),
  period: z.enum(CALL_IN_PERIODS).catch("all"),
  page: ZPage,
});
export type TFindCallIns = z.output<typeof ZFindCallIns>;
