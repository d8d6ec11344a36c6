/**
 * Driver adapter for the Prisma 6.19 CLI (WASM schema engine), used by prisma.config.ts only.
 *
 * Prisma 7's CLI and Prisma 6's classic schema engine both download a native binary, which this
 * network cannot reach (docs/decisions/001-prisma-offline.md). The JS engine works offline once the
 * adapter it is given fixes these defects of @prisma/adapter-pg 6.19.3 (upstream prisma/orm#27403,
 * prisma/orm#29635, prisma-engines PR #5819):
 *
 * 1. result columns of type `name` (OID 19) have no column-type mapping → sent as text;
 * 2. columns of type `"char"` (OID 18, e.g. pg_constraint.contype) must reach the engine as the
 *    Character column type, or introspecting any CHECK constraint crashes the WASM engine;
 * 3. `executeScript` splits a migration on every `;` (breaking `$$` plpgsql bodies and leaving a
 *    failed migration half-applied) → the whole script goes as one simple-query message, which
 *    PostgreSQL runs as one implicit transaction;
 * 4. `connectToShadowDb` reuses the main database's connection string and drops the shadow
 *    database while its own pool is still connected → its own URL, pool ended before the drop;
 * 5. a missing database is not created as the classic engine did → created on connect;
 * 6. idle pools keep the CLI alive after it finished → `allowExitOnIdle`.
 *
 * The app's runtime does not use this file: it uses a plain PrismaPg adapter (lib/db.ts).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";

const OID_CHAR = 18;
const OID_NAME = 19;
const OID_TEXT = 25;

/** Result rows arrays → indexes of their `"char"` columns (the engine must see Character). */
const charColumns = new WeakMap<object, number[]>();

type QueryResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] };

function patchResult<T>(result: T): T {
  const r = result as QueryResultLike;
  if (!r || !Array.isArray(r.fields)) return result;
  const chars: number[] = [];
  r.fields.forEach((field, index) => {
    if (field.dataTypeID === OID_NAME) field.dataTypeID = OID_TEXT;
    if (field.dataTypeID === OID_CHAR) {
      field.dataTypeID = OID_TEXT;
      chars.push(index);
    }
  });
  if (chars.length > 0 && r.rows) charColumns.set(r.rows, chars);
  return result;
}

/** A pg Client whose results never carry the two type OIDs the adapter cannot map. */
class PatchedClient extends pg.Client {
  // pg's query has many overloads: the adapter uses the promise form, pg.Pool the callback form.
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, result: unknown) =>
        (callback as (e: unknown, r: unknown) => void)(error, error ? result : patchResult(result));
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(patchResult) as never;
    }
    return out as never;
  }
}

function withCharColumns(result: SqlResultSet): SqlResultSet {
  const chars = charColumns.get(result.rows);
  if (!chars) return result;
  const columnTypes = [...result.columnTypes];
  for (const index of chars) columnTypes[index] = ColumnTypeEnum.Character;
  return { ...result, columnTypes };
}

function patchQueryable<T extends { queryRaw(q: SqlQuery): Promise<SqlResultSet> }>(target: T): T {
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query: SqlQuery) => withCharColumns(await queryRaw(query));
  return target;
}

function poolFor(connectionString: string): pg.Pool {
  return new pg.Pool({ connectionString, Client: PatchedClient, allowExitOnIdle: true, max: 4 });
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs `fn` on a connection to the server's `postgres` maintenance database. */
async function onMaintenanceDb<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(connectionString, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabaseExists(connectionString: string): Promise<void> {
  const database = decodeURIComponent(new URL(connectionString).pathname.slice(1));
  if (!database) throw new Error("DATABASE_URL names no database");
  await onMaintenanceDb(connectionString, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  });
}

async function adapterOn(connectionString: string, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const pool = poolFor(connectionString);
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  patchQueryable(adapter);

  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    patchQueryable<Transaction>(await startTransaction(isolationLevel));

  // One simple-query message: `$$` bodies stay whole and a failing script rolls back entirely.
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      const e = error as { message?: string; code?: string };
      throw new Error(`Migration script failed${e.code ? ` (${e.code})` : ""}: ${e.message ?? String(error)}`);
    }
  };

  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await onDispose?.();
  };
  return adapter;
}

export function migrationAdapter(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      await ensureDatabaseExists(connectionString);
      return adapterOn(connectionString);
    },
    async connectToShadowDb() {
      const shadow = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await onMaintenanceDb(connectionString, (c) => c.query(`CREATE DATABASE ${quoteIdent(shadow)}`));
      // The pool is ended (by the adapter's own dispose) before the database is dropped.
      return adapterOn(withDatabase(connectionString, shadow), async () => {
        await onMaintenanceDb(connectionString, (c) =>
          c.query(`DROP DATABASE IF EXISTS ${quoteIdent(shadow)} WITH (FORCE)`),
        );
      });
    },
  };
}

/**
 * Defect 6, second half: the WASM schema engine arms 10–60 s timers (wasm-bindgen `setTimeout`
 * imports) that it never clears, so every CLI command lingered ~10 s after finishing. Long timers
 * in the CLI process are unref'd: they still fire while the engine has work in flight (its own
 * sockets keep the process alive), but no longer hold a finished command open. Called only from
 * prisma.config.ts, which only the Prisma CLI loads.
 */
export function releaseLingeringTimers(thresholdMs = 5_000): void {
  const original = globalThis.setTimeout;
  const patched = ((handler: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    const timer = original(handler, ms, ...rest);
    if ((ms ?? 0) >= thresholdMs) timer.unref();
    return timer;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, original);
}
