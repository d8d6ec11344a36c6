import { afterAll, beforeEach } from "vitest";
import pg from "pg";
import { emptying, testDatabaseUrl } from "./database";

// The app's modules read their configuration through lib/env.ts: point them at this worker's database.
process.env.DATABASE_URL = testDatabaseUrl();
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";
process.env.TOTP_ENCRYPTION_KEY ??= "integration-tests-totp-key-integration-tests-totp-key";
process.env.LOG_LEVEL = "silent";

const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
let emptyAll: string | undefined;

/**
 * Every test starts from empty tables and sequences. DELETE, not TRUNCATE: the tables hold a
 * test's few rows, and TRUNCATE gives each of the ~60 tables and their indexes new files, which cost
 * 110–280 ms per test here against 7 ms for the DELETEs (measured on 2 cores, before each of
 * ~1100 tests: a minute or two of the run). The audit log refuses deletion by trigger, and the
 * foreign keys are triggers too; the test's superuser connection switches triggers off for this
 * transaction only (session_replication_role), which the app's own database role could not do in
 * production. Sequences restart, as TRUNCATE … RESTART IDENTITY did.
 */
beforeEach(async () => {
  if (!emptying.eachTest && emptying.done) return;
  emptying.done = true;
  if (!emptyAll) {
    const { rows } = await pool.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    const { rows: sequences } = await pool.query<{ sequencename: string }>(
      "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'",
    );
    emptyAll = [
      ...rows.map((r) => `DELETE FROM "${r.tablename}";`),
      ...sequences.map((r) => `ALTER SEQUENCE "${r.sequencename}" RESTART;`),
    ].join("\n");
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(emptyAll);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
});

afterAll(async () => {
  await pool.end();
});
