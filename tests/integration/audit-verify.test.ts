import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { recordAuditNow } from "@/lib/audit";
import { formatAnchor, verifyAuditChain } from "@/lib/audit/verify";
import { db } from "@/lib/db";
import { makeWorld, type World } from "./world";

let w: World;
/** The six events' ids in chain order (not 1…6: the sequence also advances for the column default). */
let ids: bigint[];
beforeEach(async () => {
  w = await makeWorld();
  for (let i = 0; i < 6; i++) await recordAuditNow(i % 2 ? w.actors.POLICE : w.actors.SOCIAL, { action: "READ", entityType: "Person", personId: w.person.id, metadata: { i } });
  ids = (await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
});

/**
 * What an attacker with superuser rights could do: switch the append-only triggers off for one
 * statement (session_replication_role) and change the log directly.
 */
async function tamper(sql: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

describe("verifying the audit log's chain", () => {
  it("reports an intact chain with its head", async () => {
    const report = await verifyAuditChain(db, { batchSize: 4 });
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(report).toEqual({ ok: true, checked: 6, head: { id: last.id, hash: last.hash }, firstBreak: null });
  });

  it("finds an edited row by its hash, even when the edit looks harmless", async () => {
    // Past the first batch, so the walk's keyset pagination is crossed too.
    await tamper(`UPDATE "AuditEvent" SET reason = 'OTHER: i efterhand' WHERE id = ${ids[4]}`);
    const report = await verifyAuditChain(db, { batchSize: 4 });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ id: ids[4], kind: "hash" });
    expect(report.checked).toBe(5);
  });

  it("finds a deleted row by the next row's broken link", async () => {
    await tamper(`DELETE FROM "AuditEvent" WHERE id = ${ids[2]}`);
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: ids[3], kind: "prevHash" });
  });

  it("finds a row whose hash was recomputed to fit, at the next link", async () => {
    await tamper(`UPDATE "AuditEvent" SET "actorId" = NULL WHERE id = ${ids[1]}`);
    await tamper(`UPDATE "AuditEvent" SET hash = audit_event_digest("prevHash", "AuditEvent".*) WHERE id = ${ids[1]}`);
    // The edited row now hashes correctly, but the next row still points at its old hash.
    expect((await verifyAuditChain(db)).firstBreak).toMatchObject({ id: ids[2], kind: "prevHash" });
  });

  it("with an anchor, finds rows cut off at the end, which the chain alone cannot show", async () => {
    const { head } = await verifyAuditChain(db);
    await tamper(`DELETE FROM "AuditEvent" WHERE id = ${head!.id}`);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    expect((await verifyAuditChain(db, { anchor: head! })).firstBreak).toMatchObject({ id: head!.id, kind: "anchor", found: null });
  });

  it("`npm run audit:verify` exits 0 on an intact log and non-zero naming the first broken link", async () => {
    const run = promisify(execFile);
    const script = path.resolve("scripts/audit-verify.ts");
    const tsx = path.resolve("node_modules/.bin/tsx");
    const env = { ...process.env, DATABASE_URL: inject("databaseUrl") };
    const ok = await run(tsx, [script], { env });
    expect(ok.stdout).toContain("Audit log intact: 6 events checked");
    const head = (await verifyAuditChain(db)).head!;
    expect(ok.stdout).toContain(formatAnchor(head));

    await tamper(`UPDATE "AuditEvent" SET "entityId" = 'x' WHERE id = ${ids[3]}`);
    const broken = await run(tsx, [script], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(broken?.code).toBe(1);
    expect(broken?.stderr).toContain(`Audit log BROKEN at event id ${ids[3]}`);
  }, 60_000);
});
