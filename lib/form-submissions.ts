import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FormState } from "@/lib/form-state";

/**
 * One answer per form submission (model FormSubmission). A connection that drops after the
 * server saved loses the answer, not the record: the browser says "Ingen anslutning – försök
 * igen" and, when the user does, sends the same key, which gets the first answer back instead of
 * a second record. A day is long enough for any retry and short enough to keep nothing needed.
 */
const KEPT_MS = 24 * 60 * 60 * 1000;

export type PriorAnswer =
  { status: "pending" } | { status: "done"; state: FormState | null; redirectTo: string | null };

/** Takes the key for this submission, or returns what the earlier submission with it answered. */
export async function claimSubmission(userId: string, key: string, now = new Date()): Promise<PriorAnswer | null> {
  // Old keys go with each new one, so the table holds one day of a user's submissions whatever the history.
  await db.formSubmission.deleteMany({ where: { userId, createdAt: { lt: new Date(now.getTime() - KEPT_MS) } } });
  try {
    await db.formSubmission.create({ data: { userId, key, createdAt: now } });
    return null;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
  }
  const prior = await db.formSubmission.findUnique({ where: { userId_key: { userId, key } } });
  if (!prior) return { status: "pending" }; // removed between the two statements: its run failed
  if (prior.status === "PENDING") return { status: "pending" };
  return { status: "done", state: (prior.state as FormState | null) ?? null, redirectTo: prior.redirectTo };
}

/** The action answered: later submissions with the key get the same answer. */
export async function finishSubmission(
  userId: string,
  key: string,
  answer: { state: FormState } | { redirectTo: string },
): Promise<void> {
  await db.formSubmission.update({
    where: { userId_key: { userId, key } },
    data:
      "redirectTo" in answer
        ? { status: "DONE", redirectTo: answer.redirectTo }
        : { status: "DONE", state: answer.state as Prisma.InputJsonValue },
  });
}

/** The action saved nothing (refused or failed): the key is free for the corrected form. */
export async function releaseSubmission(userId: string, key: string): Promise<void> {
  await db.formSubmission.deleteMany({ where: { userId, key } });
}
