import type { ReferralStatus } from "@/lib/generated/prisma/enums";

/**
 * The defector programme's way: referred → contacted → assessed → in programme → completed, with
 * an exit at every open step. A person may decline the offer until they are in the programme;
 * after that they can only complete or discontinue. Closed referrals stay closed: a new attempt is
 * a new referral, so the history of the first stays as it happened.
 */
export const NEXT_STATUSES: Record<ReferralStatus, readonly ReferralStatus[]> = {
  REFERRED: ["CONTACTED", "DECLINED", "DISCONTINUED"],
  CONTACTED: ["ASSESSED", "DECLINED", "DISCONTINUED"],
  ASSESSED: ["IN_PROGRAMME", "DECLINED", "DISCONTINUED"],
  IN_PROGRAMME: ["COMPLETED", "DISCONTINUED"],
  COMPLETED: [],
  DISCONTINUED: [],
  DECLINED: [],
};

/** The board's columns, in the order a referral moves through them. */
export const OPEN_STATUSES = [
  "REFERRED",
  "CONTACTED",
  "ASSESSED",
  "IN_PROGRAMME",
] as const satisfies readonly ReferralStatus[];
export const CLOSED_STATUSES = ["COMPLETED", "DISCONTINUED", "DECLINED"] as const satisfies readonly ReferralStatus[];

export function isClosed(status: ReferralStatus): boolean {
  return (CLOSED_STATUSES as readonly ReferralStatus[]).includes(status);
}

export function canMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
