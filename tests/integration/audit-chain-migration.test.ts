/**
 * The move of the audit chain out of "AuditEvent" into "AuditChain" (migration
 * …_audit_chain_without_lock) on a log written by the old trigger: the chain so far is kept link
 * for link, anchors printed before still hold, an edit made before the move is still found, and
 * new events chain on from the old head.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chainAuditLog } from "@/lib/audit/chain";
import { verifyAuditChain } from "@/lib/audit/verify";
import { dropDatabase, ensureDatabase, withDatabase } from "../../scripts/lib/local-db";
import { migrationSql } from "../../scripts/lib/migration-files";

const MIGRATION = "20261202183500_audit_chain_without_lock";
const url = withDatabase(inject("clusterUrl"), "samverkan_audit_chain_migration_it");

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await dropDatabase(url);
  await ensureDatabase(url);
  for (const m of migrationSql({ before: MIGRATION })) await sql(m.sql);
});

afterAll(async () => {
  await dropDatabase(url);
});

describe("moving the chain to AuditChain", () => {
  it("keeps the old chain and its anchors, still finds an old edit, and chains new events on", async () => {
    // Written by the old trigger, which chained in id order under its lock.
    for (let i = 0; i < 5; i++)
      await sql(`INSERT INTO "AuditEvent" (action, "entityType", metadata) VALUES ('READ', 'Person', $1::jsonb)`, [
        JSON.stringify({ i }),
      ]);
    const old = await sql<{ id: string; prevHash: string; hash: string }>(
      `SELECT id, "prevHash", hash FROM "AuditEvent" ORDER BY id`,
    );
    const oldHead = { id: BigInt(old[4]!.id), hash: old[4]!.hash };

    for (const m of migrationSql({ only: MIGRATION })) await sql(m.sql);

    const links = await sql<{ position: string; eventId: string; prevHash: string; hash: string }>(
      `SELECT "position", "eventId", "prevHash", hash FROM "AuditChain" ORDER BY "position"`,
    );
    expect(links).toEqual(
      old.map((o, i) => ({ position: String(i + 1), eventId: o.id, prevHash: o.prevHash, hash: o.hash })),
    );
    expect(await verifyAuditChain(url, { anchor: oldHead })).toMatchObject({ ok: true, checked: 5, pending: 0 });

    await sql(`INSERT INTO "AuditEvent" (action) VALUES ('READ'), ('EXPORT')`);
    expect(await chainAuditLog(url)).toBe(2);
    const report = await verifyAuditChain(url, { anchor: oldHead });
    expect(report).toMatchObject({ ok: true, checked: 7, pending: 0 });
    const sixth = await sql<{ prevHash: string }>(`SELECT "prevHash" FROM "AuditChain" WHERE "position" = 6`);
    expect(sixth[0]!.prevHash).toBe(oldHead.hash);

    // An edit of an event from before the move is found at its (copied) link.
    await sql(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE "AuditEvent" SET "entityId" = 'i efterhand' WHERE id = ${old[1]!.id}; COMMIT`);
    expect((await verifyAuditChain(url)).firstBreak).toMatchObject({ id: BigInt(old[1]!.id), kind: "hash" });
  });
});
