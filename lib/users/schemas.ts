import { z } from "zod";
import { AGENCY_OF_ROLE } from "@/lib/authz/actor";
import { Agency, Role } from "@/lib/generated/prisma/enums";
import { checkbox, oneOf, plainString, requiredText, uuid, version } from "@/lib/validation/fields";

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

/**
 * A new account for someone who signs in through their agency's IdP (issue 14): provisioned by an
 * administrator, never created at sign-in. The agency is the role's for the three agency roles;
 * MANAGER and ADMIN name their employer, whose IdP signs them in. The subject is the identifier
 * the IdP asserts in its configured claim (e.g. an HSA-id), as the agency's IdP administrator gives it.
 */
export const ZCreateFederatedUser = z
  .object({
    name: requiredText(200),
    email: plainString({ error: "required" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "invalidEmail" }).max(320, { error: "tooLong" })),
    role: oneOf(Object.values(Role) as [Role, ...Role[]]),
    agency: z
      .union([z.literal(""), z.enum(Object.values(Agency) as [Agency, ...Agency[]])], { error: "invalid" })
      .optional()
      .transform((v) => v || undefined),
    federatedSubject: requiredText(200),
    confirm: checkbox.pipe(z.literal(true, { error: "confirmRequired" })),
  })
  .transform((v, ctx) => {
    const agency = AGENCY_OF_ROLE[v.role] ?? v.agency;
    if (!agency) {
      ctx.addIssue({ code: "custom", path: ["agency"], message: "required" });
      return z.NEVER;
    }
    if (AGENCY_OF_ROLE[v.role] && v.agency && v.agency !== AGENCY_OF_ROLE[v.role]) {
      ctx.addIssue({ code: "custom", path: ["agency"], message: "agencyOfRole" });
      return z.NEVER;
    }
    return { ...v, agency };
  });
export type TCreateFederatedUser = z.infer<typeof ZCreateFederatedUser>;

/** Password sign-in at the administrator's site, on or off, with the site's version (optimistic locking). */
export const ZSetPasswordSignIn = z.object({
  enabled: z.enum(["on", "off"], { error: "invalid" }).transform((v) => v === "on"),
  version,
  confirm: z.literal("on", { error: "confirmRequired" }),
});
export type TSetPasswordSignIn = z.infer<typeof ZSetPasswordSignIn>;
