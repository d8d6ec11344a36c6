import { z } from "zod";
import { checkbox, requiredText, version } from "@/lib/validation/fields";

/** "I have read and accept": the pledge's version the user read, and the box ticked. */
export const ZAcceptPledge = z.object({
  version,
  accept: checkbox.pipe(z.literal(true, { error: "confirmRequired" })),
});
export type TAcceptPledge = z.infer<typeof ZAcceptPledge>;

/**
 * A new version of the site's pledge (ADMIN): its text, and the version it replaces (the one the
 * administrator edited), so that two administrators publishing at once do not overwrite each other.
 */
export const ZPublishPledge = z.object({
  text: requiredText(20_000),
  replaces: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(0, { error: "invalid" })
    .max(1_000_000, { error: "invalid" }),
  confirm: checkbox.pipe(z.literal(true, { error: "confirmRequired" })),
});
export type TPublishPledge = z.infer<typeof ZPublishPledge>;
