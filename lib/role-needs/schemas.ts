import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { oneOf, requiredText, version } from "@/lib/validation/fields";

/**
 * A new version of a role's needs-and-risk note (behovs- och riskanalys): the role, the text, and
 * the version it replaces (0 for the first), so that a second administrator's save in between is
 * a conflict and not a silent overwrite.
 */
export const ZSaveRoleNeeds = z.object({
  role: oneOf(Object.values(Role) as [Role, ...Role[]]),
  text: requiredText(20_000),
  replaces: z.union([z.literal("0").transform(() => 0), version]),
});
export type TSaveRoleNeeds = z.infer<typeof ZSaveRoleNeeds>;
