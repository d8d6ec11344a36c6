import { z } from "zod";
import { checkbox, version } from "@/lib/validation/fields";

/** The user's own choice: the daily e-mail digest on or off. */
export const ZSetDigest = z.object({ enabled: checkbox, version });
export type TSetDigest = z.infer<typeof ZSetDigest>;

/**
 * "Send today's digest now": the button's own value, so that a form that is not this one (or an
 * action called with anything else) is refused and queues nothing.
 */
export const ZSendDigestNow = z.object({ send: z.literal("today", { error: "unreadableForm" }) });
export type TSendDigestNow = z.infer<typeof ZSendDigestNow>;
