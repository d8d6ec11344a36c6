import { afterAll, beforeEach } from "vitest";
import pg from "pg";
import { testDatabaseUrl } from "./database";

// The app's modules read their configuration through lib/env.ts: point them at this worker's database.
process.env.DATABASE_URL = testDatabaseUrl();
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.TOTP_ENCRYPTION_KEY ??= "integration-tests-totp-key-integration-tests-totp-key";
process.env.LOG_LEVEL = "silent";

const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
let truncate: string | undefined;

/**
 * Every test starts from empty tables. The audit log refuses TRUNCATE by trigger; the test's
 * superuser connection switches triggers off for this statement only (session_replication_role),
 * which the app's own database role could not do in production.
 */
beforeEach(async () => {
  if (!truncate) {
    const { rows } = await pool.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    truncate = `TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`;
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(truncate);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
});

afterAll(async () => {
  await pool.end();
});
