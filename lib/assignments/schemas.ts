import { z } from "zod";
import { ACCESS_REASON_CODES } from "@/lib/caseload-gate/reasons";
import { EVEN_WITH_FIELD_ERRORS, ids } from "@/lib/validation/activity-fields";
import { oneOf, optionalText, uuid } from "@/lib/validation/fields";

/** The most people one hand-over moves: a caseload, not the register. */
export const HANDOVER_LIMIT = 500;

/**
 * Making someone of the actor's own agency a coordinator of the person: the actor themself
 * ("ta över") or a colleague of the same agency and site. The one schema form and action share.
 */
export const ZAddAssignment = z.object({
  personId: uuid,
  userId: z.string({ error: "chooseCoordinator" }).trim().min(1, { error: "chooseCoordinator" }).pipe(uuid),
});
export type TAddAssignment = z.output<typeof ZAddAssignment>;

/** Ending an assignment: history is kept (endedAt), nothing is deleted. */
export const ZEndAssignment = z.object({
  assignmentId: uuid,
});
export type TEndAssignment = z.output<typeof ZEndAssignment>;

const chosenColleague = (error: string) => z.string({ error }).trim().min(1, { error }).pipe(uuid);

/**
 * "Lämna över": the actor hands some of the people on their own caseload (checked on the caseload
 * page) to a colleague of the same agency and site, in one step.
 */
export const ZHandOverPeople = z
  .object({
    personIds: ids(HANDOVER_LIMIT),
    toUserId: chosenColleague("chooseCoordinator"),
  })
  .superRefine((v, ctx) => {
    if (Array.isArray(v.personIds) && v.personIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["personIds"], message: "choosePeople" });
  }, EVEN_WITH_FIELD_ERRORS);
export type THandOverPeople = z.output<typeof ZHandOverPeople>;

/**
 * A leaving (or absent) coordinator's whole caseload, reassigned at once to a colleague of the same
 * agency and site. The people are on someone else's caseload, so the caseload gate asks why: the
 * form carries the reason, as the reason form would, and each person's events carry it.
 */
export const ZHandOverCaseload = z
  .object({
    fromUserId: chosenColleague("chooseFromCoordinator"),
    /** Named apart from ZHandOverPeople's toUserId: both forms are on the caseload page. */
    successorId: chosenColleague("chooseCoordinator"),
    reasonCode: oneOf(ACCESS_REASON_CODES),
    reasonText: optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (v.fromUserId === v.successorId)
      ctx.addIssue({ code: "custom", path: ["successorId"], message: "sameCoordinator" });
    if (v.reasonCode === "OTHER" && !v.reasonText)
      ctx.addIssue({ code: "custom", path: ["reasonText"], message: "reasonTextRequired" });
    if (v.reasonText && /\d{6}/.test(v.reasonText))
      ctx.addIssue({ code: "custom", path: ["reasonText"], message: "noIdentityNumbers" });
  });
export type THandOverCaseload = z.output<typeof ZHandOverCaseload>;
