import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export type Database = { prisma: PrismaClient; pool: pg.Pool };

/**
 * A Prisma client over a pg pool that survives a PostgreSQL restart: connections that the server
 * closed are dropped from the pool (the adapter listens for their errors, so they never crash the
 * process) and new ones are opened on the next query. Connecting gives up after a few seconds, so
 * requests during an outage fail fast with a "try again" page instead of hanging.
 */
export function createDatabase(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle connection that the server closes (restart, failover) is an 'error' event on the pool:
  // without a listener, Node.js would end the whole process. The adapter adds one too, but
  // removes it on $disconnect; this one stays as long as the pool.
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection closed by the server"));
  // Prisma's pg adapter sends instants as timestamps without a zone, which PostgreSQL reads in the
  // session's time zone: on a server set to anything but UTC every instant written would move
  // (a call-in at 23:15 UTC stored 14 hours early on a server in Pacific/Kiritimati;
  // tests/integration/dashboard-time-zone.test.ts). Every connection of the app talks UTC; the
  // dashboard's Swedish calendar is explicit in SQL (AT TIME ZONE 'Europe/Stockholm'). Queued on
  // the new client before anything the pool hands it out for.
  pool.on("connect", (client) => {
    client.query("SET TIME ZONE 'UTC'").catch((error: unknown) => logger.warn({ err: error }, "could not set UTC"));
  });
  const adapter = new PrismaPg(pool, {
    onConnectionError: (error) => logger.warn({ err: error }, "database connection lost"),
  });
  // "minimal": error messages without the query's arguments, which could hold personal data.
  return { prisma: new PrismaClient({ adapter, errorFormat: "minimal" }), pool };
}

// One client per process, created on first use (so `next build` needs no database), kept on
// globalThis so hot reload in `next dev` does not open a new pool on every change.
const globalForPrisma = globalThis as unknown as { samverkanDb?: Database };

function database(): Database {
  globalForPrisma.samverkanDb ??= createDatabase(env().DATABASE_URL);
  return globalForPrisma.samverkanDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = database().prisma;
    const value: unknown = Reflect.get(real, property);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** The pool under `db`, for libraries that speak pg themselves (the login throttle's store). */
export function dbPool(): pg.Pool {
  return database().pool;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// SQLSTATE classes and driver codes that mean "the database is not there right now", as opposed
// to a bug or bad data: 08 connection exception, 57P01-03 shutdown / starting up, 53300 too many
// connections; Prisma's P1001 (cannot reach), P1017 (server closed the connection), P2024 (pool timeout).
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1017",
  "P2024",
]);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection refused/i,
  /ECONNREFUSED/,
  /server closed the connection/i,
  /database system is (starting up|shutting down)/i,
  /terminating connection/i,
  /Client has encountered a connection error/i,
  /Can't reach database server/i,
];
// The driver adapter's own kinds. A raw query ($queryRaw) reports an outage as P2010 "raw query
// failed", with the adapter's kind only in meta (found when the session check became one raw
// query: the e2e restart test then got the generic error page instead of "try again").
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** Whether `error` (or its cause) says the database cannot be reached, rather than anything else. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (e.meta?.driverAdapterError && isDatabaseUnavailable(e.meta.driverAdapterError, depth + 1)) return true;
  if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith("08"))) return true;
  if (typeof e.originalCode === "string" && (UNAVAILABLE_CODES.has(e.originalCode) || e.originalCode.startsWith("08")))
    return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string)))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
