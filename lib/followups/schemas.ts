import { z } from "zod";
import { ContactType } from "@/lib/generated/prisma/enums";
import {
  EVEN_WITH_FIELD_ERRORS,
  optional,
  optionalId,
  optionalOneOf,
  plannedDate,
  version,
} from "@/lib/validation/activity-fields";
import { ZPage } from "@/lib/pagination";
import { oneOf, optionalText, pastDateTime, uuid } from "@/lib/validation/fields";

export const CONTACT_TYPES = Object.values(ContactType) as [ContactType, ...ContactType[]];

/**
 * Logging a follow-up from a person's file: planned (a due date, which may lie ahead) or already
 * done (when, how, and what came of it). A done one's due date defaults to the day of the contact.
 */
export const ZLogFollowUp = z
  .object({
    personId: uuid,
    dueOn: optional(plannedDate),
    doneAt: optional(pastDateTime),
    contactType: optionalOneOf(CONTACT_TYPES),
    summary: optionalText(2000),
    assignedToId: optionalId,
    notificationId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (!v.doneAt && !v.dueOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "dueOrDoneRequired" });
    if (v.doneAt && !v.contactType)
      ctx.addIssue({ code: "custom", path: ["contactType"], message: "contactTypeRequired" });
    if (!v.doneAt && v.contactType) ctx.addIssue({ code: "custom", path: ["doneAt"], message: "doneAtRequired" });
  }, EVEN_WITH_FIELD_ERRORS);
export type TLogFollowUp = z.output<typeof ZLogFollowUp>;

/** Marking a planned follow-up done (from the overdue list or its page). */
export const ZCompleteFollowUp = z.object({
  followUpId: uuid,
  version,
  doneAt: pastDateTime,
  contactType: oneOf(CONTACT_TYPES),
  summary: optionalText(2000),
});
export type TCompleteFollowUp = z.output<typeof ZCompleteFollowUp>;

/** Moving a planned follow-up to another day or officer. */
export const ZRescheduleFollowUp = z.object({
  followUpId: uuid,
  version,
  dueOn: plannedDate,
  assignedToId: optionalId,
});
export type TRescheduleFollowUp = z.output<typeof ZRescheduleFollowUp>;

/** Removing a planned follow-up that should not have been planned (done ones are kept). */
export const ZDeleteFollowUp = z.object({ followUpId: uuid, version });
export type TDeleteFollowUp = z.output<typeof ZDeleteFollowUp>;

export const FOLLOW_UP_VIEWS = ["overdue", "upcoming", "done", "team"] as const;
export type FollowUpView = (typeof FOLLOW_UP_VIEWS)[number];

export const ZFollowUpList = z.object({
  view: z.enum(FOLLOW_UP_VIEWS).catch("overdue"),
  officer: z.uuid().optional().catch(undefined),
  page: ZPage,
});
export type TFollowUpList = z.output<typeof ZFollowUpList>;
