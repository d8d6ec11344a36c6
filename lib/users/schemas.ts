import { z } from "zod";
import { uuid, version } from "@/lib/validation/fields";

/**
 * An administrator's action on an account: which account, the version the administrator saw
 * (optimistic locking), and the confirmation box ticked. One schema for each of the actions.
 */
export const ZUserAction = z.object({
  userId: uuid,
  version,
  confirm: z.literal("on", { error: "confirmRequired" }),
});
export type TUserAction = z.infer<typeof ZUserAction>;
