import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database: shared by the full config
 * (lib/auth/index.ts) and proxy.ts, which only needs to know whether a session cookie is valid.
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
          // When the user authenticated: sessions older than User.sessionsValidAfter are void.
          token.authTime = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: String(token.uid ?? "") },
          authTime: Number(token.authTime ?? 0),
        };
      },
    },
  };
}
