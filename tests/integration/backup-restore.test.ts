import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { recordAuditNow } from "@/lib/audit";
import { chainAuditLog } from "@/lib/audit/chain";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db } from "@/lib/db";
import { runSeed } from "../../prisma/seed";
import { backupDatabase, restoreDatabase } from "../../scripts/lib/backup";
import { dropDatabase, withDatabase } from "../../scripts/lib/local-db";
import { testDatabaseUrl } from "./database";

const restoredUrl = withDatabase(inject("clusterUrl"), "samverkan_restore_it");
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  await dropDatabase(restoredUrl);
  await dropDatabase(withDatabase(inject("clusterUrl"), "samverkan_restore_it_before_restore"));
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Every table with its row count and a digest of all its rows: two databases with equal maps hold the same records. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const out: Record<string, string> = {};
    for (const { tablename } of tables.rows) {
      const { rows } = await client.query<{ n: string; digest: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${tablename}" t`,
      );
      out[tablename] = `${rows[0]!.n} rows ${rows[0]!.digest}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

describe("backup and restore (pg_dump / pg_restore)", () => {
  // One test, one seed and one backup: the demo data fills every kind of record, and seeding is
  // the slow part.
  it("restores a backup into a fresh database with every record and the audit chain intact; over an existing one keeping it; never from a damaged file", async () => {
    const source = testDatabaseUrl();
    expect(await runSeed(source)).toBe("seeded");
    await chainAuditLog(source);
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    // Backed up while still queued for the chainer: the restored database links them.
    for (let i = 0; i < 3; i++)
      await recordAuditNow(
        { id: admin.id, siteId: admin.siteId, role: "ADMIN", agency: null, name: admin.name },
        { action: "READ", entityType: "User" },
      );
    const chained = await verifyAuditChain(source);
    expect(chained).toMatchObject({ ok: true, pending: 3 });
    const before = await fingerprint(source);

    dir = await mkdtemp(path.join(tmpdir(), "samverkan-backup-"));
    const file = path.join(dir, "backup.dump");
    const { bytes, entries } = await backupDatabase(source, file);
    expect(bytes).toBeGreaterThan(10_000);
    expect(entries).toBeGreaterThan(20);
    expect((await stat(file)).mode & 0o077).toBe(0); // owner only: it holds personal data

    // Into a fresh database.
    await dropDatabase(restoredUrl);
    expect(await restoreDatabase(file, restoredUrl)).toEqual({ previous: null });
    const after = await fingerprint(restoredUrl);
    expect(Object.keys(after).length).toBeGreaterThan(25);
    expect(after).toEqual(before);
    expect(Number(after.Person!.split(" ")[0])).toBeGreaterThan(100);
    expect(Number(after.AuditEvent!.split(" ")[0])).toBeGreaterThanOrEqual(3);
    expect(await verifyAuditChain(restoredUrl, { anchor: chained.head! })).toMatchObject({ ok: true, pending: 3 });

    // The restored log still queues and chains new rows and still refuses edits: its triggers and
    // its chainer function came back too.
    await query(restoredUrl, `INSERT INTO "AuditEvent" (action) VALUES ('READ')`);
    expect(await chainAuditLog(restoredUrl)).toBe(4);
    expect(await verifyAuditChain(restoredUrl, { anchor: chained.head! })).toMatchObject({
      ok: true,
      checked: chained.checked + 4,
      pending: 0,
    });
    await expect(query(restoredUrl, `UPDATE "AuditEvent" SET reason = 'x'`)).rejects.toThrow(/append-only/);
    await expect(query(restoredUrl, `DELETE FROM "AuditChain"`)).rejects.toThrow(/append-only/);

    // Over an existing database: it is kept aside, not lost.
    await query(restoredUrl, `CREATE TABLE marker (x int); INSERT INTO marker VALUES (1)`);
    expect(await restoreDatabase(file, restoredUrl)).toEqual({ previous: "samverkan_restore_it_before_restore" });
    expect(await fingerprint(restoredUrl)).toEqual(before);
    expect(
      await query(withDatabase(restoredUrl, "samverkan_restore_it_before_restore"), "SELECT x FROM marker"),
    ).toEqual([{ x: 1 }]);

    // A damaged file fails in the staging database and changes nothing.
    const damaged = path.join(dir, "damaged.dump");
    const bytesOnDisk = await readFile(file);
    await writeFile(damaged, bytesOnDisk.subarray(0, Math.floor(bytesOnDisk.length / 2)));
    await expect(restoreDatabase(damaged, restoredUrl)).rejects.toThrow(/pg_restore failed/);
    expect(await fingerprint(restoredUrl)).toEqual(before);
  }, 180_000);
});
