import "server-only";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";

/*
 * Server-side sessions (OWASP ASVS 3.3): the session cookie (an Auth.js JWT) only names a row of
 * "Session"; the row, checked on every request, decides whether the session still holds. So
 * signing out, an idle timeout, the absolute lifetime, a password change and deactivation end a
 * session at once on the server, not whenever a cookie would have expired.
 */

export type SessionLimits = { idleMs: number; maxMs: number };

export function sessionLimits(): SessionLimits {
  const e = env();
  return { idleMs: e.SESSION_IDLE_MINUTES * 60_000, maxMs: e.SESSION_MAX_HOURS * 3_600_000 };
}

/** Why a session no longer holds, as the login page explains it. */
export type SessionEnd = "idle" | "expired" | "revoked";

type SessionRow = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };
type UserRow = { isActive: boolean; sessionsValidAfter: Date };

/** The rule, on its own: null while the session holds, otherwise why it ended. */
export function judgeSession(
  session: SessionRow | null,
  user: UserRow | null,
  now: Date,
  limits: SessionLimits,
): SessionEnd | null {
  if (!session || !user || !user.isActive) return "revoked";
  // Sessions that began before a deactivation, 2FA reset or password change are void, even if a
  // row was created in the same instant as the revocation removed the others.
  if (session.createdAt < user.sessionsValidAfter) return "revoked";
  if (now >= session.expiresAt) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs) return "idle";
  return null;
}

/**
 * Opens a session for a user who has just passed both factors, or their agency's IdP (which then
 * also names the IdP and keeps its ID token for signing out there); returns its id for the cookie.
 */
export async function startSession(
  tx: Tx,
  userId: string,
  now = new Date(),
  federated: { identityProviderId: string; idTokenHint: string } | null = null,
): Promise<string> {
  const { maxMs, idleMs } = sessionLimits();
  // Housekeeping on the way in: this user's sessions that can no longer be used.
  await tx.session.deleteMany({
    where: { userId, OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - idleMs) } }] },
  });
  const session = await tx.session.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + maxMs), ...federated },
    select: { id: true },
  });
  return session.id;
}

// Writing lastSeenAt at most once a minute keeps a page with many requests from writing on each.
const TOUCH_INTERVAL_MS = 60_000;

export async function touchSession(sessionId: string, lastSeenAt: Date, now = new Date()): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return;
  await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
}

export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/**
 * Ends every session of a user (deactivation, second-factor reset), or every one but the
 * current (password change): in the same transaction as the change that requires it.
 */
export async function revokeSessions(tx: Tx, userId: string, opts: { except?: string } = {}): Promise<void> {
  await tx.session.deleteMany({ where: { userId, ...(opts.except ? { id: { not: opts.except } } : {}) } });
  if (!opts.except) await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: new Date() } });
}
