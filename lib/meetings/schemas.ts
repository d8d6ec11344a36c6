import { z } from "zod";
import { Agency, MeetingStatus } from "@/lib/generated/prisma/enums";
import {
  EVEN_WITH_FIELD_ERRORS,
  ids,
  optional,
  optionalId,
  plannedDate,
  plannedDateTime,
  version,
} from "@/lib/validation/activity-fields";
import { ZPage } from "@/lib/pagination";
import { int4, optionalText, requiredText, searchText, someOf, oneOf, uuid } from "@/lib/validation/fields";

export const MEETING_AGENCIES = Object.values(Agency) as [Agency, ...Agency[]];
export const MEETING_STATUSES = Object.values(MeetingStatus) as [MeetingStatus, ...MeetingStatus[]];

/** The most colleagues one meeting names, and the most people one agenda holds: a meeting, not a register. */
export const MAX_PARTICIPANTS = 50;
export const MAX_AGENDA = 40;
/** Task rows the decision form offers: a decision becomes one or more tasks. */
export const TASK_ROWS = 3;

const meetingFields = {
  startsAt: plannedDateTime,
  place: requiredText(200),
  title: optionalText(200),
  agencies: someOf(MEETING_AGENCIES).refine((v) => v.length > 0, { error: "chooseAgency" }),
  participantIds: ids(MAX_PARTICIPANTS),
};

/** The form's repeated fields (checkbox groups). */
export const MEETING_ARRAYS = ["agencies", "participantIds"] as const;

/** Planning a meeting: when, where, which agencies and which colleagues. */
export const ZCreateMeeting = z.object(meetingFields);
export type TCreateMeeting = z.output<typeof ZCreateMeeting>;

/** Changing a meeting's details, or marking it held. */
export const ZEditMeeting = z.object({
  meetingId: uuid,
  version,
  ...meetingFields,
  status: oneOf(MEETING_STATUSES),
});
export type TEditMeeting = z.output<typeof ZEditMeeting>;

/** Putting a person on the agenda (found through the people search), at its end. */
export const ZAddAgendaPerson = z.object({ meetingId: uuid, version, personId: uuid });
export type TAddAgendaPerson = z.output<typeof ZAddAgendaPerson>;

/** Taking a person off the agenda: only while nothing has been written about them at the meeting. */
export const ZRemoveAgendaPerson = z.object({ meetingId: uuid, version, personId: uuid });
export type TRemoveAgendaPerson = z.output<typeof ZRemoveAgendaPerson>;

/** The actor's own agency's minutes about one person on the agenda; version 0: none written yet. */
export const ZSaveMinutes = z.object({
  meetingId: uuid,
  personId: uuid,
  version: int4(0),
  text: requiredText(5000),
});
export type TSaveMinutes = z.output<typeof ZSaveMinutes>;

/** Field names of one task row in the decision form. */
export const taskField = {
  title: (i: number) => `taskTitle_${i}`,
  responsibleId: (i: number) => `taskResponsible_${i}`,
  dueOn: (i: number) => `taskDueOn_${i}`,
};

export type TTaskRow = { title: string; responsibleId: string; dueOn: Date };

const taskFields = Object.fromEntries(
  Array.from({ length: TASK_ROWS }, (_, i) => [
    [taskField.title(i), optionalText(300)],
    [taskField.responsibleId(i), optionalId],
    [taskField.dueOn(i), optional(plannedDate)],
  ]).flat(),
) as Record<string, z.ZodType<string | Date | undefined>>;

/**
 * A joint decision about one person on the agenda, recorded by the actor's agency, and the tasks
 * it becomes: each with a title, a responsible colleague (whose agency owns the task) and a due
 * date. Empty task rows are left out; a half-filled one names its missing fields.
 */
export const ZRecordDecision = z
  .object({
    meetingId: uuid,
    personId: uuid,
    text: requiredText(2000),
    ...taskFields,
  })
  .superRefine((v, ctx) => {
    const form = v as Record<string, unknown>;
    for (let i = 0; i < TASK_ROWS; i++) {
      const names = [taskField.title(i), taskField.responsibleId(i), taskField.dueOn(i)];
      if (!names.some((n) => form[n] !== undefined)) continue;
      for (const n of names)
        if (form[n] === undefined) ctx.addIssue({ code: "custom", path: [n], message: "required" });
    }
  }, EVEN_WITH_FIELD_ERRORS)
  .transform((v) => {
    const form = v as Record<string, unknown>;
    const tasks: TTaskRow[] = [];
    for (let i = 0; i < TASK_ROWS; i++) {
      const title = form[taskField.title(i)];
      const responsibleId = form[taskField.responsibleId(i)];
      const dueOn = form[taskField.dueOn(i)];
      if (typeof title === "string" && typeof responsibleId === "string" && dueOn instanceof Date)
        tasks.push({ title, responsibleId, dueOn });
    }
    return { meetingId: v.meetingId, personId: v.personId, text: v.text, tasks };
  });
export type TRecordDecision = z.output<typeof ZRecordDecision>;

/** Marking a task done: the owning agency's. */
export const ZCompleteTask = z.object({ taskId: uuid, version });
export type TCompleteTask = z.output<typeof ZCompleteTask>;

export const MEETING_VIEWS = ["upcoming", "held"] as const;
export const ZMeetingList = z.object({
  view: z.enum(MEETING_VIEWS).catch("upcoming"),
  page: ZPage,
});
export type TMeetingList = z.output<typeof ZMeetingList>;

/** The agenda's people search on the meeting's edit page. */
export const ZAgendaSearch = z.object({ q: searchText(100) });
