import { z } from "zod";
import { uuid } from "@/lib/validation/fields";

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
