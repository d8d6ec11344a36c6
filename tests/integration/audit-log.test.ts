import { beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { recordAuditNow } from "@/lib/audit";
import { chainAll, chainAuditLog, pgChainStep } from "@/lib/audit/chain";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db } from "@/lib/db";
import { makeWorld, type World } from "./fixtures";
import { testDatabaseUrl } from "./database";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  return client;
}

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The app's own audit INSERT shape, as one pg connection would send it inside its transaction. */
const APPEND = `INSERT INTO "AuditEvent" ("siteId", "actorId", "actorRole", action, "entityType", "entityId")
  VALUES ($1::uuid, $2::uuid, 'SOCIAL', 'READ', 'Person', $3)`;

async function chain() {
  return (await db.auditChain.findMany({ orderBy: { position: "asc" } })).map((l) => ({
    ...l,
    position: Number(l.position),
  }));
}

describe("the audit log in the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of the log and of its chain", async () => {
    await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person", personId: w.person.id });
    await chainAuditLog(testDatabaseUrl());
    await withClient(async (client) => {
      for (const sql of [
        "UPDATE \"AuditEvent\" SET reason = 'x'",
        'DELETE FROM "AuditEvent"',
        'TRUNCATE "AuditEvent"',
        "UPDATE \"AuditChain\" SET hash = 'x'",
        'DELETE FROM "AuditChain"',
        'TRUNCATE "AuditChain"',
      ]) {
        // TRUNCATE of the log meets the chain's foreign key before the trigger: refused either way.
        await expect(client.query(sql), sql).rejects.toThrow(/append-only|referenced in a foreign key/);
      }
    });
    expect(await db.auditEvent.count()).toBe(1);
    expect(await db.auditChain.count()).toBe(1);
  });

  it("queues each append and chains it, in order, to the link before it", async () => {
    for (let i = 0; i < 5; i++)
      await recordAuditNow(w.actors.SOCIAL, { action: "READ", entityType: "Person", personId: w.person.id });
    expect(await db.auditPending.count()).toBe(5);
    expect(await chainAuditLog(testDatabaseUrl())).toBe(5);
    expect(await db.auditPending.count()).toBe(0);
    const links = await chain();
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    expect(links.map((l) => l.position)).toEqual([1, 2, 3, 4, 5]);
    expect(links.map((l) => l.eventId)).toEqual(events.map((e) => e.id));
    expect(links[0]!.prevHash).toBe("genesis");
    for (let i = 1; i < links.length; i++) expect(links[i]!.prevHash).toBe(links[i - 1]!.hash);
    for (const link of links) expect(link.hash).toMatch(/^[0-9a-f]{64}$/);
    // A second run finds nothing left.
    expect(await chainAuditLog(testDatabaseUrl())).toBe(0);
  });

  it("takes no lock that an append holds until its commit: two open transactions append side by side", async () => {
    const [a, b] = [await connect(), await connect()];
    try {
      // A guard, not a timing: under the old trigger the second INSERT waited for the first COMMIT.
      await b.query("SET statement_timeout = '20s'");
      await a.query("BEGIN");
      await a.query(APPEND, [w.site.id, w.users.SOCIAL.id, "a"]);
      await b.query("BEGIN");
      await b.query(APPEND, [w.site.id, w.users.SOCIAL.id, "b"]);
      const locks = await withClient((c) =>
        c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid IN ($1, $2)`,
          [(a as unknown as { processID: number }).processID, (b as unknown as { processID: number }).processID],
        ),
      );
      expect(locks.rows[0]!.n).toBe(0);
      // B commits first; its row is linked while A is still in flight, A's once it has committed.
      await b.query("COMMIT");
      expect(await chainAuditLog(testDatabaseUrl())).toBe(1);
      expect((await chain()).map((l) => l.eventId)).toHaveLength(1);
      await a.query("COMMIT");
      expect(await chainAuditLog(testDatabaseUrl())).toBe(1);
      const report = await verifyAuditChain(testDatabaseUrl());
      expect(report).toMatchObject({ ok: true, checked: 2, pending: 0 });
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it("keeps an audit row in its transaction: rolled back, it is neither logged nor queued", async () => {
    await withClient(async (c) => {
      await c.query("BEGIN");
      await c.query(APPEND, [w.site.id, w.users.SOCIAL.id, "rolled back"]);
      await c.query("ROLLBACK");
    });
    expect(await db.auditEvent.count()).toBe(0);
    expect(await db.auditPending.count()).toBe(0);
    expect(await chainAuditLog(testDatabaseUrl())).toBe(0);
  });

  it("keeps the chain whole when many transactions append and several chainers run at once", async () => {
    const writers = await Promise.all(Array.from({ length: 8 }, connect));
    const chainers = await Promise.all(Array.from({ length: 3 }, connect));
    try {
      let done = false;
      const appending = Promise.all(
        writers.map(async (c, i) => {
          for (let n = 0; n < 40; n++) {
            await c.query("BEGIN");
            await c.query(APPEND, [w.site.id, w.users.SOCIAL.id, `${i}-${n}`]);
            if (n % 3 === 0) await c.query(APPEND, [w.site.id, w.users.SOCIAL.id, `${i}-${n}-second`]);
            await c.query(n % 7 === 6 ? "ROLLBACK" : "COMMIT");
          }
        }),
      ).finally(() => (done = true));
      const chaining = Promise.all(
        chainers.map(async (c) => {
          // Small batches, so that runs interleave with the appends and with each other.
          const step = pgChainStep(c);
          while (!done) await chainAll(step, 5);
        }),
      );
      const appended = Promise.all(
        Array.from({ length: 40 }, () => recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person" })),
      );
      await Promise.all([appending, chaining, appended]);
    } finally {
      await Promise.all([...writers, ...chainers].map((c) => c.end()));
    }
    await chainAuditLog(testDatabaseUrl());

    const events = await db.auditEvent.count();
    // 8 writers × (40 + 14 second rows) minus the rolled back ones, plus the 40 of the app's own.
    const rolledBack = 8 * Array.from({ length: 40 }, (_, n) => n).filter((n) => n % 7 === 6).length;
    const rolledBackSeconds =
      8 * Array.from({ length: 40 }, (_, n) => n).filter((n) => n % 7 === 6 && n % 3 === 0).length;
    expect(events).toBe(8 * 40 + 8 * 14 - rolledBack - rolledBackSeconds + 40);
    const links = await chain();
    expect(links).toHaveLength(events);
    expect(links.map((l) => l.position)).toEqual(links.map((_, i) => i + 1));
    expect(new Set(links.map((l) => l.eventId)).size).toBe(events);
    expect(await db.auditPending.count()).toBe(0);
    expect(await verifyAuditChain(testDatabaseUrl(), { batchSize: 50 })).toMatchObject({
      ok: true,
      checked: events,
      pending: 0,
      firstBreak: null,
    });
  }, 60_000);

  it("refuses to chain from a REPEATABLE READ snapshot, which could miss the head", async () => {
    await recordAuditNow(w.actors.SOCIAL, { action: "READ", entityType: "Person" });
    await withClient(async (c) => {
      await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await expect(c.query("SELECT audit_chain()")).rejects.toThrow(/READ COMMITTED/);
      await c.query("ROLLBACK");
    });
    expect(await db.auditChain.count()).toBe(0);
  });
});
