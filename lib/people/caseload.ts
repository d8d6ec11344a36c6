import "server-only";
import { followUpWhere, referralWhere, type Actor } from "@/lib/authz";
import { listConsentRequests } from "@/lib/consent/queries";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { findCaseload } from "./queries";
import { todayDate } from "./where";

/** A count the actor's role may not have (e.g. follow-ups for the police) is null: not shown at all. */
async function countIf(count: () => Promise<number>): Promise<number | null> {
  try {
    return await count();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * The start page of an agency role: the people on the actor's caseload, with the counts of their
 * working list – overdue follow-ups assigned to them, open referrals of their people, and consents
 * other agencies recorded that wait for the actor's agency to confirm them – each counted through
 * the same authz builders as the lists they link to.
 */
export async function getWorkingList({ actor, page, now = new Date() }: { actor: Actor; page: number; now?: Date }) {
  const caseload = await findCaseload({ actor, page, now });
  const [overdueFollowUps, openReferrals, consentRequests] = await Promise.all([
    countIf(() =>
      db.followUp.count({
        where: {
          AND: [followUpWhere(actor, "list"), { assignedToId: actor.id, doneAt: null, dueOn: { lt: todayDate(now) } }],
        },
      }),
    ),
    countIf(() =>
      db.referral.count({
        where: {
          AND: [
            referralWhere(actor, "list"),
            {
              closedAt: null,
              person: { assignments: { some: { siteId: actor.siteId, userId: actor.id, endedAt: null } } },
            },
          ],
        },
      }),
    ),
    listConsentRequests({ actor }),
  ]);
  return {
    caseload,
    consentRequests,
    counts: {
      caseload: caseload.total,
      overdueFollowUps,
      openReferrals,
      consentRequests: consentRequests?.total ?? null,
    },
  };
}
