import { beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { recordAuditNow } from "@/lib/audit";
import { db } from "@/lib/db";
import { makeWorld, type World } from "./fixtures";
import { testDatabaseUrl } from "./database";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

describe("the audit log in the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person", personId: w.person.id });
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      for (const sql of [
        "UPDATE \"AuditEvent\" SET reason = 'x'",
        'DELETE FROM "AuditEvent"',
        'TRUNCATE "AuditEvent"',
      ]) {
        await expect(client.query(sql), sql).rejects.toThrow(/append-only/);
      }
    } finally {
      await client.end();
    }
    expect(await db.auditEvent.count()).toBe(1);
  });

  it("chains every row to the one before it", async () => {
    for (let i = 0; i < 5; i++)
      await recordAuditNow(w.actors.SOCIAL, { action: "READ", entityType: "Person", personId: w.person.id });
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows[0]!.prevHash).toBe("genesis");
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps the chain whole when transactions append concurrently", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAuditNow(i % 2 ? w.actors.POLICE : w.actors.SOCIAL, { action: "READ", entityType: "Person" }),
      ),
    );
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows).toHaveLength(20);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
  });
});
