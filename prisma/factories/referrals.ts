import type { Prisma } from "@/lib/generated/prisma/client";
import type { Client } from "./client";

/*
 * The defector programme: referrals, their status history and support measures. A referral made
 * here has no history unless given one (`history: { create: … }`): the dashboard's summaries are
 * tested on exactly the rows a test writes.
 */

/** A self-referral received on 10 January 2026 unless told otherwise (status REFERRED). */
export async function createReferral(
  db: Client,
  data: Partial<Prisma.ReferralUncheckedCreateInput> & { siteId: string; personId: string; createdById: string },
) {
  return db.referral.create({ data: { source: "SELF", referredAt: new Date(Date.UTC(2026, 0, 10, 10)), ...data } });
}

export async function createReferralStatusChange(
  db: Client,
  data: Partial<Prisma.ReferralStatusChangeUncheckedCreateInput> &
    Pick<Prisma.ReferralStatusChangeUncheckedCreateInput, "referralId" | "toStatus" | "changedById">,
) {
  return db.referralStatusChange.create({ data: { changedAt: new Date(Date.UTC(2026, 0, 12, 9)), ...data } });
}

/** A planned housing measure from 1 February 2026 unless told otherwise. */
export async function createSupportMeasure(
  db: Client,
  data: Partial<Prisma.SupportMeasureUncheckedCreateInput> & {
    siteId: string;
    referralId: string;
    personId: string;
    createdById: string;
  },
) {
  return db.supportMeasure.create({ data: { type: "HOUSING", startsOn: new Date(Date.UTC(2026, 1, 1)), ...data } });
}
