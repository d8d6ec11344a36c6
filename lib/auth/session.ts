import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { canUseArea, type Actor, type Area } from "@/lib/authz";
import { db, isDatabaseUnavailable } from "@/lib/db";
import { ServiceUnavailableError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { actorOf } from "./actor";
import { auth } from "./index";
import { judgeSession, sessionLimits, touchSession, type SessionEnd } from "./sessions";

export type CurrentSession =
  | { actor: Actor; sessionId: string; ended?: undefined }
  | { actor: null; sessionId?: undefined; ended: SessionEnd | null };

/**
 * The signed-in user, checked against the database on every request (once per request): the
 * session row must exist and be neither idle nor past its absolute lifetime, and the user must
 * be active. So signing out, deactivation and timeouts take effect at once, not when the cookie
 * expires. Every page, server action and route handler that needs a user comes through here.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  if (!sessionId) return { actor: null, ended: null };
  if (!isUuid(sessionId)) return { actor: null, ended: "revoked" };
  try {
    const row = await db.session.findUnique({
      where: { id: sessionId },
      select: {
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        user: { select: { id: true, siteId: true, role: true, name: true, isActive: true, sessionsValidAfter: true } },
      },
    });
    const now = new Date();
    const ended = judgeSession(row, row?.user ?? null, now, sessionLimits());
    if (ended || !row) {
      if (row && ended !== "revoked") await db.session.deleteMany({ where: { id: sessionId } });
      return { actor: null, ended: ended ?? "revoked" };
    }
    await touchSession(sessionId, row.lastSeenAt, now);
    return { actor: actorOf(row.user), sessionId };
  } catch (error) {
    // A database outage is not a sign-out: the user gets "try again", and the session survives.
    if (isDatabaseUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  }
});

export const getActor = cache(async (): Promise<Actor | null> => (await getCurrentSession()).actor);

/** For pages and server actions: the actor, or off to the login page (saying why, if the session ended). */
export async function requireActor(): Promise<Actor> {
  const current = await getCurrentSession();
  if (!current.actor)
    redirect(current.ended ? `/login?session=${current.ended === "revoked" ? "ended" : current.ended}` : "/login");
  return current.actor;
}

/** For pages: the actor, if their role works in `area`; otherwise the page does not exist. */
export async function requireArea(area: Area): Promise<Actor> {
  const actor = await requireActor();
  if (!canUseArea(actor.role, area)) notFound();
  return actor;
}
