import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FormState } from "@/lib/form-state";

/**
 * One answer per form submission (model FormSubmission). A connection that drops after the
 * server saved loses the answer, not the record: the browser says "Ingen anslutning – försök
 * igen" and, when the user does, sends the same key, which gets the first answer back instead of
 * a second record. A day is long enough for any retry and short enough to keep nothing needed:
 * rows older than that are removed with every submission, whoever sends it, so none outlives a
 * day by more than the time to the next save on the site (the answer's address can name a person).
 */
const KEPT_MS = 24 * 60 * 60 * 1000;

export type PriorAnswer =
  | { status: "pending" }
  | { status: "changed" }
  | { status: "done"; state: FormState | null; redirectTo: string | null };

/**
 * What the submission was: the action and every field the user sent, as a keyed hash. A key sent
 * again with other input (the user corrected a field after "Ingen anslutning") is not the same
 * submission, and the first answer must not stand in for it. Keyed (AUTH_SECRET), because the
 * fields hold personal data of few possible values, such as a personnummer, that a plain hash
 * would let anyone with the table guess back.
 */
export function fingerprintOf(action: string, fields: Record<string, string | string[]>): string {
  const canonical = JSON.stringify([action, Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  return createHmac("sha256", env().AUTH_SECRET).update("form-submission\0").update(canonical).digest("base64url");
}

/** Takes the key for this submission, or returns what the earlier submission with it answered. */
export async function claimSubmission(
  userId: string,
  key: string,
  fingerprint: string,
  now = new Date(),
): Promise<PriorAnswer | null> {
  await db.formSubmission.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEPT_MS) } } });
  try {
    await db.formSubmission.create({ data: { userId, key, fingerprint, createdAt: now } });
    return null;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
  }
  const prior = await db.formSubmission.findUnique({ where: { userId_key: { userId, key } } });
  if (!prior) return { status: "pending" }; // removed between the two statements: its run failed
  if (prior.fingerprint !== fingerprint) return { status: "changed" };
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
