import "server-only";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/env";
import { open, seal } from "./secret-box";

/*
 * The sign-in ticket: what the server remembers between the password and the second factor. It
 * is sealed (encrypted and authenticated with a key from AUTH_SECRET) in an HttpOnly cookie, so
 * the browser can neither read nor alter it, and it lasts minutes. It proves that the password
 * was right; it is not a session and opens nothing but the second-factor pages.
 */

const COOKIE = "samverkan.sign-in";
const PURPOSE = "sign-in-ticket";
const TTL_SECONDS = { verify: 5 * 60, enrol: 15 * 60 } as const;

const ZTicket = z.object({
  userId: z.uuid(),
  /** verify: the user has a second factor; enrol: they must set one up first (first sign-in, or after a reset). */
  stage: z.enum(["verify", "enrol"]),
  /** For enrolment: the new TOTP secret shown as a QR code, stored only once a code proves it works. */
  secret: z.string().optional(),
  /** Where to go after signing in (a path on this site). */
  next: z.string(),
  issuedAt: z.number(),
  expiresAt: z.number(),
});
export type Ticket = z.infer<typeof ZTicket>;

export function sealTicket(ticket: Omit<Ticket, "issuedAt" | "expiresAt">, key: string, now = Date.now()): string {
  return seal(
    key,
    PURPOSE,
    JSON.stringify({ ...ticket, issuedAt: now, expiresAt: now + TTL_SECONDS[ticket.stage] * 1000 }),
  );
}

export function openTicket(sealed: string | undefined, key: string, now = Date.now()): Ticket | null {
  if (!sealed) return null;
  const plain = open(key, PURPOSE, sealed);
  if (!plain) return null;
  try {
    const ticket = ZTicket.parse(JSON.parse(plain));
    return ticket.expiresAt > now ? ticket : null;
  } catch {
    return null;
  }
}

async function isHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto") === "https";
}

export async function issueTicket(ticket: Omit<Ticket, "issuedAt" | "expiresAt">): Promise<void> {
  (await cookies()).set(COOKIE, sealTicket(ticket, env().AUTH_SECRET), {
    httpOnly: true,
    // Strict: the ticket is never needed on a request that starts on another site.
    sameSite: "strict",
    secure: await isHttps(),
    path: "/login",
    maxAge: TTL_SECONDS[ticket.stage],
  });
}

export async function readTicket(): Promise<Ticket | null> {
  return openTicket((await cookies()).get(COOKIE)?.value, env().AUTH_SECRET);
}

export async function clearTicket(): Promise<void> {
  (await cookies()).set(COOKIE, "", {
    httpOnly: true,
    sameSite: "strict",
    secure: await isHttps(),
    path: "/login",
    maxAge: 0,
  });
}
