import "server-only";
import { AGENCY_OF_ROLE, canUseArea, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { mailEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Mailer } from "@/lib/mail/transport";
import { countTodo } from "@/lib/todo/queries";
import { totalOf } from "@/lib/todo/kinds";
import { parseDateOnly, stockholmToday } from "@/lib/validation/dates";
import { renderDigest } from "./render";

export type DigestOutcome = "sent" | "nothing" | "already" | "off" | "notApplicable";

/**
 * One user's digest for one Swedish calendar day, at most once, whichever worker or retry runs it:
 * the DigestDelivery row (unique per user and day) is claimed first, the mail sent after, and the
 * claim given back if sending fails, so that the queue's retry sends it then. Counts only, through
 * the same where-builders as the user's own list (lib/todo). `force` (the user's "send it now")
 * sends even with nothing due or the digest switched off; still once a day.
 */
export async function sendDigest({
  userId,
  mailer,
  now = new Date(),
  force = false,
}: {
  userId: string;
  mailer: Mailer;
  now?: Date;
  force?: boolean;
}): Promise<DigestOutcome> {
  const user = await db.user.findFirst({
    where: { id: userId, isActive: true },
    select: { id: true, siteId: true, role: true, name: true, email: true, digestEnabled: true },
  });
  if (!user || !canUseArea(user.role, "todo")) return "notApplicable";
  if (!user.digestEnabled && !force) return "off";
  const actor: Actor = {
    id: user.id,
    siteId: user.siteId,
    role: user.role,
    agency: AGENCY_OF_ROLE[user.role],
    name: user.name,
  };
  const counts = await countTodo({ actor, now });
  if (totalOf(counts).all === 0 && !force) return "nothing";
  const day = parseDateOnly(stockholmToday(now))!;
  let claimId: string;
  try {
    ({ id: claimId } = await db.digestDelivery.create({
      data: { siteId: user.siteId, userId: user.id, day, counts },
      select: { id: true },
    }));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "already";
    throw error;
  }
  try {
    await mailer.send({ to: user.email, ...renderDigest({ counts, appUrl: mailEnv().APP_URL }) });
  } catch (error) {
    await db.digestDelivery.delete({ where: { id: claimId } });
    throw error;
  }
  return "sent";
}

/** Everyone who gets a digest today: active coordinators with it switched on. */
export async function digestRecipients(): Promise<string[]> {
  const users = await db.user.findMany({
    where: { isActive: true, digestEnabled: true, role: { in: ["POLICE", "SOCIAL", "PROBATION"] } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return users.map((u) => u.id);
}
