/**
 * Backups with PostgreSQL's own tools: pg_dump's custom format (compressed, restorable table by
 * table) and pg_restore. Debian's postgresql-client-15 matches the embedded PostgreSQL 15
 * (docs/decisions/002); against a newer server use client tools of at least its version.
 * The password travels in PGPASSWORD, never on a command line that `ps` would show.
 */
import { spawn } from "node:child_process";
import { chmod, stat } from "node:fs/promises";
import pg from "pg";
import { databaseName, ensureDatabase, withDatabase } from "./local-db";

function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: "10" } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new Error(
              `${command} not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client).`,
            )
          : error,
      ),
    );
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} failed (exit ${code}): ${err.trim()}`)),
    );
  });
}

/** Dumps the database at `url` to `file` (readable by its owner only), then checks the file reads back. */
export async function backupDatabase(url: string, file: string): Promise<{ bytes: number; entries: number }> {
  const { dbname, env } = connection(url);
  await run(
    "pg_dump",
    ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${dbname}`],
    env,
  );
  await chmod(file, 0o600);
  const listing = await run("pg_restore", ["--list", file], env);
  return { bytes: (await stat(file)).size, entries: listing.split("\n").filter((l) => l && !l.startsWith(";")).length };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Restores `file` as the database named in `url`. The dump is loaded into a new database first,
 * in one transaction, so a damaged file leaves everything as it was; only then is it swapped in,
 * and the database it replaces is kept as `<name>_before_restore` (the previous one of that name
 * is dropped). Connections to the replaced database are ended: a running app reconnects by itself.
 */
export async function restoreDatabase(file: string, url: string): Promise<{ previous: string | null }> {
  const name = databaseName(url);
  const staging = `${name}_restoring`;
  const previous = `${name}_before_restore`;
  await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quote(staging)} WITH (FORCE)`));
  const stagingUrl = withDatabase(url, staging);
  await ensureDatabase(stagingUrl);
  const { dbname, env } = connection(stagingUrl);
  try {
    await run(
      "pg_restore",
      ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${dbname}`, file],
      env,
    );
  } catch (error) {
    await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quote(staging)} WITH (FORCE)`));
    throw error;
  }
  return withAdmin(url, async (c) => {
    const exists = (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
    if (exists) {
      await c.query(`DROP DATABASE IF EXISTS ${quote(previous)} WITH (FORCE)`);
      await c.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      await c.query(`ALTER DATABASE ${quote(name)} RENAME TO ${quote(previous)}`);
    }
    await c.query(`ALTER DATABASE ${quote(staging)} RENAME TO ${quote(name)}`);
    return { previous: exists ? previous : null };
  });
}
