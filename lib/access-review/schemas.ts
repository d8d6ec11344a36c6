import { z } from "zod";
import { AccessReviewDecision } from "@/lib/generated/prisma/enums";
import { oneOf, requiredText, uuid, version } from "@/lib/validation/fields";

/**
 * A reviewer's decision on one account: still needed (KEEP) or removed (REMOVE), with the note
 * that says why (required: the review is evidence for a supervisor), against the account's version.
 */
export const ZReviewAccount = z.object({
  userId: uuid,
  version,
  decision: oneOf(Object.values(AccessReviewDecision) as [AccessReviewDecision, ...AccessReviewDecision[]]),
  note: requiredText(2_000),
});
export type TReviewAccount = z.infer<typeof ZReviewAccount>;

const whole = (min: number, max: number, error: string) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

/** The site's review interval (months) and grace period (days), against the site's version. */
export const ZReviewSettings = z.object({
  months: whole(1, 36, "reviewMonthsRange"),
  graceDays: whole(0, 180, "graceDaysRange"),
  version,
});
export type TReviewSettings = z.infer<typeof ZReviewSettings>;
