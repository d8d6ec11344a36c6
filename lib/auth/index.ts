import "server-only";
import { headers } from "next/headers";
import NextAuth from "next-auth";
import { getToken } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { baseAuthConfig } from "./config";
import { openGrant } from "./grant";
import { endSession } from "./sessions";
import { decodeSessionToken } from "./token-cache";

export { actorOf } from "./actor";
// The sign-in steps (password, then TOTP / recovery code / enrolment): see sign-in.ts.
export {
  authenticate,
  verifyTotp,
  useRecoveryCode,
  completeEnrolment,
  type PasswordResult,
  type SecondFactorResult,
  type EnrolmentResult,
} from "./sign-in";

// No route exposes Auth.js's HTTP endpoints (/api/auth/*): signing in and out happen in server
// actions, which call it in-process, so there is no public credentials callback or session JSON.
export const { signIn, signOut } = NextAuth(() => {
  const e = env();
  const base = baseAuthConfig(e.AUTH_SECRET, e.SESSION_MAX_HOURS * 3600);
  return {
    ...base,
    providers: [
      Credentials({
        credentials: { grant: {} },
        // Only a grant sealed by our own sign-in steps (grant.ts), after both factors, opens a session.
        async authorize(credentials) {
          const grant = openGrant(credentials?.grant);
          if (!grant) return null;
          const session = await db.session.findFirst({
            where: { id: grant.sessionId, userId: grant.userId },
            select: { user: { select: { id: true, name: true } } },
          });
          return session ? { id: session.user.id, name: session.user.name, sessionId: grant.sessionId } : null;
        },
      }),
    ],
    events: {
      // Signing out ends the server-side session, not only the cookie.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string" && sid) await endSession(sid);
      },
    },
  };
});

/**
 * Which server-side session the request's cookie names (session.ts checks the row and the user).
 * Auth.js's own `auth()` answered this by running its whole session endpoint in-process on every
 * request: the configuration built anew, a Request, the cookie decrypted, the callbacks, a fresh
 * cookie encrypted that a page cannot set and that was thrown away, and the JSON parsed back
 * (bench:http's CPU profile, issue 13). This reads the same cookie (the name Auth.js picks: the
 * `__Secure-` one when its URL is https, from AUTH_URL or the request's forwarded protocol, as
 * its createActionURL decides) and decrypts it with the same function and secret. Only the
 * cookie counts, as for Auth.js's session endpoint: no bearer token.
 */
export async function auth(): Promise<{ sessionId: string } | null> {
  const requestHeaders = await headers();
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = configured
    ? new URL(configured).protocol
    : (requestHeaders.get("x-forwarded-proto") ?? "https").replace(/:?$/, ":");
  const token = await getToken({
    req: { headers: new Headers({ cookie: requestHeaders.get("cookie") ?? "" }) },
    secret: env().AUTH_SECRET,
    secureCookie: protocol === "https:",
    decode: decodeSessionToken,
  });
  return typeof token?.sid === "string" && token.sid ? { sessionId: token.sid } : null;
}
