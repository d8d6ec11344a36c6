import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database: shared by the full config
 * (lib/auth/index.ts) and proxy.ts, which only needs to know whether a session cookie is valid.
 * The cookie carries the id of a server-side session (lib/auth/sessions.ts) and nothing else.
 */
export function baseAuthConfig(secret: string, maxAgeSeconds: number): NextAuthConfig {
  return {
    secret,
    trustHost: true,
    pages: { signIn: "/login" },
    session: { strategy: "jwt", maxAge: maxAgeSeconds },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) {
          token.uid = user.id;
          token.sid = (user as { sessionId?: string }).sessionId;
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: String(token.uid ?? "") },
          sessionId: String(token.sid ?? ""),
        };
      },
    },
  };
}
