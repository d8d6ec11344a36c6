import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { baseAuthConfig } from "./config";
import { openGrant } from "./grant";
import { endSession } from "./sessions";

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
export const { auth, signIn, signOut } = NextAuth(() => {
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
