import { z } from "zod";
import { checkbox, version } from "@/lib/validation/fields";

/** The user's own choice: the daily e-mail digest on or off. */
export const ZSetDigest = z.object({ enabled: checkbox, version });
export type TSetDigest = z.infer<typeof ZSetDigest>;

/** "Send today's digest now": no fields beyond the form's own. */
export const ZSendDigestNow = z.object({});
export type TSendDigestNow = z.infer<typeof ZSendDigestNow>;
