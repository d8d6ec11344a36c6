import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_PLEDGE_TEXT } from "@/lib/pledge/default-text";
import type { Client } from "./client";

/* Vetted access (issue 14): the pledge and its acceptances, the needs notes per role, access reviews. */

/** A version of a site's confidentiality pledge (version 1 with the default text unless given). */
export async function createPledge(
  db: Client,
  data: Partial<Prisma.ConfidentialityPledgeUncheckedCreateInput> & { siteId: string },
) {
  return db.confidentialityPledge.create({ data: { version: 1, text: DEFAULT_PLEDGE_TEXT, ...data } });
}

export async function createPledgeAcceptance(
  db: Client,
  data: Partial<Prisma.PledgeAcceptanceUncheckedCreateInput> & { userId: string; pledgeId: string },
) {
  return db.pledgeAcceptance.create({ data });
}

/**
 * The users have accepted their site's current pledge (its highest version; version 1 with the
 * default text is written first for a site without one): accounts that tests and the demo sign in
 * with, which must not stop at the pledge. Accepting twice leaves one row.
 */
export async function acceptCurrentPledge(
  db: Client,
  { siteId, userIds, acceptedAt }: { siteId: string; userIds: string[]; acceptedAt?: Date },
) {
  const pledge =
    (await db.confidentialityPledge.findFirst({ where: { siteId }, orderBy: { version: "desc" } })) ??
    (await createPledge(db, { siteId }));
  await db.pledgeAcceptance.createMany({
    data: userIds.map((userId) => ({ userId, pledgeId: pledge.id, ...(acceptedAt ? { acceptedAt } : {}) })),
    skipDuplicates: true,
  });
  return pledge;
}

export async function createRoleNeedsNote(
  db: Client,
  data: Partial<Prisma.RoleNeedsNoteUncheckedCreateInput> &
    Pick<Prisma.RoleNeedsNoteUncheckedCreateInput, "siteId" | "role">,
) {
  return db.roleNeedsNote.create({ data: { version: 1, text: "Behov och risker för rollen.", ...data } });
}

export async function createAccessReview(
  db: Client,
  data: Partial<Prisma.AccessReviewUncheckedCreateInput> & { siteId: string; userId: string; reviewerId: string },
) {
  return db.accessReview.create({ data: { decision: "KEEP", note: "Behörigheten behövs i uppdraget.", ...data } });
}
