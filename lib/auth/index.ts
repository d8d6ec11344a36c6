import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { AGENCY_OF_ROLE, type Actor } from "@/lib/authz";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { baseAuthConfig } from "./config";
import { verifyAgainstDummy, verifyPassword } from "./password";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1024),
});

export function actorOf(user: { id: string; siteId: string; role: Actor["role"]; name: string }): Actor {
  return { id: user.id, siteId: user.siteId, role: user.role, agency: AGENCY_OF_ROLE[user.role], name: user.name };
}

/** Checks e-mail and password; audits success and failure alike. Null for any failure. */
export async function authenticate(rawCredentials: unknown): Promise<Actor | null> {
  const parsed = ZCredentials.safeParse(rawCredentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email } });
  const ok = user && user.isActive ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !user.isActive || !ok) {
    // The attempted address identifies an account holder, not a person in the register.
    await recordAuditNow(user ? actorOf(user) : null, {
      action: "SIGN_IN_FAILED",
      entityType: "User",
      entityId: user?.id,
      metadata: { email, reason: !user ? "unknownAccount" : !user.isActive ? "inactive" : "wrongPassword" },
    });
    return null;
  }
  const actor = actorOf(user);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, actor, { action: "SIGN_IN", entityType: "User", entityId: actor.id });
  });
  return actor;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  const base = baseAuthConfig(e.AUTH_SECRET, e.SESSION_MAX_HOURS * 3600);
  return {
    ...base,
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials) {
          const actor = await authenticate(credentials);
          return actor ? { id: actor.id, name: actor.name } : null;
        },
      }),
    ],
  };
});
