import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { accessReviewStatus } from "@/lib/access-review/rules";
import { canUseArea, type Actor, type Area } from "@/lib/authz";
import { db, isDatabaseUnavailable } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { ServiceUnavailableError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { actorOf } from "./actor";
import { auth } from "./index";
import { judgeSession, sessionLimits, touchSession, type SessionEnd } from "./sessions";

/** Why there is no actor: the session's end (lib/auth/sessions.ts), or the account suspended until its access is reviewed. */
export type SessionEndReason = SessionEnd | "suspended";

export type CurrentSession =
  | {
      actor: Actor;
      sessionId: string;
      ended?: undefined;
      /**
       * The user has not accepted the site's current confidentiality pledge: only the pledge page
       * and signing out may act for them (requireActor sends everything else to /pledge).
       */
      pledgeRequired?: true;
    }
  | { actor: null; sessionId?: undefined; ended: SessionEndReason | null; pledgeRequired?: undefined };

type SessionCheckRow = {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  id: string;
  siteId: string;
  role: Role;
  name: string;
  isActive: boolean;
  sessionsValidAfter: Date;
  userCreatedAt: Date;
  accessReviewedAt: Date | null;
  accessReviewMonths: number;
  accessReviewGraceDays: number;
  pledgeAccepted: boolean;
};

/**
 * Everything a request's check needs in one statement: the session, its user, the site's review
 * interval and whether the user accepted the site's highest pledge version (the lateral join
 * reads one row of the unique index (siteId, version) backwards; the acceptance is a probe of
 * (userId, pledgeId)). Prisma's nested select sent one query per relation (measured: 2 for the
 * session and its user before the pledge, 6 with the site, its pledge and the acceptances, and
 * without pushing `take: 1` down): one round trip per request instead
 * (tests/integration/pledge.test.ts counts them). A site without a pledge row requires one too.
 */
async function loadSessionCheck(sessionId: string): Promise<SessionCheckRow | null> {
  const rows = await db.$queryRaw<SessionCheckRow[]>`
    SELECT s."createdAt", s."lastSeenAt", s."expiresAt",
           u.id, u."siteId", u.role::text AS role, u.name, u."isActive", u."sessionsValidAfter",
           u."createdAt" AS "userCreatedAt", u."accessReviewedAt",
           site."accessReviewMonths", site."accessReviewGraceDays",
           (cp.id IS NOT NULL AND EXISTS (
             SELECT 1 FROM "PledgeAcceptance" a WHERE a."userId" = u.id AND a."pledgeId" = cp.id
           )) AS "pledgeAccepted"
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
      JOIN "Site" site ON site.id = u."siteId"
      LEFT JOIN LATERAL (
        SELECT p.id FROM "ConfidentialityPledge" p WHERE p."siteId" = u."siteId" ORDER BY p.version DESC LIMIT 1
      ) cp ON true
     WHERE s.id = ${sessionId}::uuid`;
  return rows[0] ?? null;
}

/**
 * The signed-in user, checked against the database on every request (once per request): the
 * session row must exist and be neither idle nor past its absolute lifetime, and the user must
 * be active and not suspended for an overdue access review (lib/access-review/rules.ts: IMY
 * expects access reviewed; an account past its grace period stops working at once, not at its
 * next sign-in). So signing out, deactivation, suspension and timeouts take effect at once, not
 * when the cookie expires. Every page, server action and route handler that needs a user comes
 * through here. Whether the user still has to accept the pledge is answered too.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  if (!sessionId) return { actor: null, ended: null };
  if (!isUuid(sessionId)) return { actor: null, ended: "revoked" };
  try {
    const row = await loadSessionCheck(sessionId);
    const now = new Date();
    let ended: SessionEndReason | null = judgeSession(row, row, now, sessionLimits());
    if (!ended && row) {
      const review = accessReviewStatus(
        { accessReviewedAt: row.accessReviewedAt, createdAt: row.userCreatedAt },
        row,
        now,
      );
      if (review.status === "suspended") ended = "suspended";
    }
    if (ended || !row) {
      if (row && ended !== "revoked") await db.session.deleteMany({ where: { id: sessionId } });
      return { actor: null, ended: ended ?? "revoked" };
    }
    await touchSession(sessionId, row.lastSeenAt, now);
    const actor = actorOf(row);
    return row.pledgeAccepted ? { actor, sessionId } : { actor, sessionId, pledgeRequired: true };
  } catch (error) {
    // A database outage is not a sign-out: the user gets "try again", and the session survives.
    if (isDatabaseUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  }
});

/** The actor, for code that answers "nobody" rather than redirecting (route handlers); null until the pledge is accepted. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const current = await getCurrentSession();
  return current.pledgeRequired ? null : current.actor;
});

/**
 * For pages and server actions: the actor, or off to the login page (saying why, if the session
 * ended), or to the confidentiality pledge while the user has not accepted the site's current
 * version (issue 14: read and accepted before anything else). `beforePledge` is for the pledge
 * page and its action only.
 */
export async function requireActor({ beforePledge = false }: { beforePledge?: boolean } = {}): Promise<Actor> {
  const current = await getCurrentSession();
  if (!current.actor)
    redirect(current.ended ? `/login?session=${current.ended === "revoked" ? "ended" : current.ended}` : "/login");
  if (current.pledgeRequired && !beforePledge) redirect("/pledge");
  return current.actor;
}

/** For pages: the actor, if their role works in `area`; otherwise the page does not exist. */
export async function requireArea(area: Area): Promise<Actor> {
  const actor = await requireActor();
  if (!canUseArea(actor.role, area)) notFound();
  return actor;
}
