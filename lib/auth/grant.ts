import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { open, seal } from "./secret-box";

/*
 * The hand-over from our sign-in steps to Auth.js, which writes the session cookie: a sealed
 * "this session was opened after both factors" that lives one minute. It passes only from a server
 * action to `signIn()` inside the server, never through a browser, and no route exposes Auth.js's
 * credentials endpoint; sealing it keeps that so should one ever be added.
 */

const PURPOSE = "session-grant";
const TTL_MS = 60_000;

const ZGrant = z.object({ userId: z.uuid(), sessionId: z.uuid(), expiresAt: z.number() });

export function sealGrant({ userId, sessionId }: { userId: string; sessionId: string }, now = Date.now()): string {
  return seal(env().AUTH_SECRET, PURPOSE, JSON.stringify({ userId, sessionId, expiresAt: now + TTL_MS }));
}

export function openGrant(sealed: unknown, now = Date.now()): { userId: string; sessionId: string } | null {
  if (typeof sealed !== "string" || sealed.length > 1000) return null;
  const plain = open(env().AUTH_SECRET, PURPOSE, sealed);
  if (!plain) return null;
  try {
    const grant = ZGrant.parse(JSON.parse(plain));
    return grant.expiresAt > now ? { userId: grant.userId, sessionId: grant.sessionId } : null;
  } catch {
    return null;
  }
}
