import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { seal } from "@/lib/auth/secret-box";
import { newTotpSecret } from "@/lib/auth/totp";
import type { Role } from "@/lib/generated/prisma/enums";
import { e2eDatabaseUrl } from "../../scripts/lib/e2e-db";
import { appSecrets, clusterUrl } from "../../scripts/lib/local-db";

/*
 * Accounts of a test's own, written straight into the end-to-end database, for the tests that
 * change an account (lock it out, deactivate it, change its password, enrol it): the demo
 * accounts everybody's tests sign in with must never change.
 */

let pool: pg.Pool | undefined;

export async function e2eDb(): Promise<pg.Pool> {
  pool ??= new pg.Pool({ connectionString: e2eDatabaseUrl(await clusterUrl("test")), max: 2 });
  return pool;
}

export type TestAccount = { id: string; email: string; name: string; password: string; secret: string | null };

export const TEST_ACCOUNT_PASSWORD = "e2e lösenord som är långt";

/** A Malmö account with a TOTP secret (unless `enrolled: false`, for the first-login enrolment). */
export async function createAccount({
  role,
  enrolled = true,
  db: given,
}: {
  role: Role;
  enrolled?: boolean;
  db?: pg.Pool;
}): Promise<TestAccount> {
  const db = given ?? (await e2eDb());
  const id = randomUUID();
  const email = `e2e-${id.slice(0, 8)}@malmo.samverkan.test`;
  const name = `Testperson ${id.slice(0, 4).toUpperCase()}`;
  const secret = enrolled ? newTotpSecret() : null;
  const sealed = secret ? seal((await appSecrets()).TOTP_ENCRYPTION_KEY, "totp-secret", secret) : null;
  const passwordHash = await hash(TEST_ACCOUNT_PASSWORD, {
    algorithm: 2,
    memoryCost: 4096,
    timeCost: 1,
    parallelism: 1,
  });
  await db.query(
    `INSERT INTO "User" (id, "siteId", email, name, role, "passwordHash", "totpSecret", "totpEnabledAt", "updatedAt")
     SELECT $1, id, $2, $3, $4, $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE now() END, now() FROM "Site" WHERE code = 'malmo'`,
    [id, email, name, role, passwordHash, sealed],
  );
  return { id, email, name, password: TEST_ACCOUNT_PASSWORD, secret };
}

/** Moves the account's sessions' last activity back in time, as if the user had left the desk. */
export async function ageSessions(userId: string, minutes: number): Promise<number> {
  const result = await (
    await e2eDb()
  ).query(`UPDATE "Session" SET "lastSeenAt" = now() - make_interval(mins => $2) WHERE "userId" = $1`, [
    userId,
    minutes,
  ]);
  return result.rowCount ?? 0;
}
