import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { recordAuditNow } from "@/lib/audit";
import { chainAuditLog } from "@/lib/audit/chain";
import { formatAnchor, verifyAuditChain, type Anchor } from "@/lib/audit/verify";
import { db } from "@/lib/db";
import { makeWorld, type World } from "./fixtures";
import { testDatabaseUrl } from "./database";

/** The verifier reads the log over a connection of its own, as `npm run audit:verify` does. */
const verify = (opts: { anchor?: Anchor; batchSize?: number } = {}) => verifyAuditChain(testDatabaseUrl(), opts);

let w: World;
/** The six events' ids in chain order (positions 1…6). */
let ids: bigint[];
beforeEach(async () => {
  w = await makeWorld();
  for (let i = 0; i < 6; i++)
    await recordAuditNow(i % 2 ? w.actors.POLICE : w.actors.SOCIAL, {
      action: "READ",
      entityType: "Person",
      personId: w.person.id,
      metadata: { i },
    });
  await chainAuditLog(testDatabaseUrl());
  ids = (await db.auditChain.findMany({ orderBy: { position: "asc" }, select: { eventId: true } })).map(
    (l) => l.eventId,
  );
});

/** The chain's links whose hash the database's own audit_event_digest() approves. */
const APPROVED = `SELECT count(*)::int AS n FROM "AuditChain" c JOIN "AuditEvent" e ON e.id = c."eventId" WHERE c.hash = audit_event_digest(c."prevHash", e)`;

/**
 * What an attacker with superuser rights could do: switch the append-only triggers off for one
 * statement (session_replication_role) and change the log directly.
 */
async function tamper(sql: string) {
  await asSuperuser(async (client) => {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql);
    await client.query("COMMIT");
  });
}

async function asSuperuser<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** `npm run audit:verify [-- args]`: its exit code and output. */
async function runScript(args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = path.resolve("scripts/audit-verify.ts");
  const tsx = path.resolve("node_modules/.bin/tsx");
  const env = { ...process.env, DATABASE_URL: testDatabaseUrl() };
  return promisify(execFile)(tsx, [script, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

/**
 * Runs `during` while the database's own definition of something the old verifier relied on is
 * replaced, as a superuser could; the original is put back afterwards, whatever happens, so the
 * insert trigger of the tests after this one hashes as the migration says.
 */
async function withForgery(forge: string, undo: string, during: () => Promise<void>) {
  await asSuperuser((client) => client.query(forge));
  try {
    await during();
  } finally {
    await asSuperuser((client) => client.query(undo));
  }
}

describe("verifying the audit log's chain", () => {
  it("reports an intact chain with its head", async () => {
    const report = await verify({ batchSize: 4 });
    const last = await db.auditChain.findFirstOrThrow({ orderBy: { position: "desc" } });
    expect(last.eventId).toBe(ids[5]);
    expect(report).toEqual({
      ok: true,
      checked: 6,
      pending: 0,
      head: { id: last.eventId, hash: last.hash },
      firstBreak: null,
    });
  });

  it("counts events not chained yet as pending, not as a break", async () => {
    await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person", personId: w.person.id });
    expect(await verify()).toMatchObject({ ok: true, checked: 6, pending: 1 });
    await chainAuditLog(testDatabaseUrl());
    expect(await verify()).toMatchObject({ ok: true, checked: 7, pending: 0 });
  });

  it("finds an edited event by its link's hash, even when the edit looks harmless", async () => {
    // Past the first batch, so the walk's keyset pagination is crossed too.
    await tamper(`UPDATE "AuditEvent" SET reason = 'OTHER: i efterhand' WHERE id = ${ids[4]}`);
    const report = await verify({ batchSize: 4 });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ id: ids[4], kind: "hash", position: 5n });
    expect(report.checked).toBe(5);
  });

  it("finds a deleted event by its link, and a deleted event and link by the next link", async () => {
    await tamper(`DELETE FROM "AuditEvent" WHERE id = ${ids[2]}`);
    expect((await verify()).firstBreak).toMatchObject({ id: ids[2], kind: "missing", position: 3n });
    await tamper(`DELETE FROM "AuditChain" WHERE "eventId" = ${ids[2]}`);
    expect((await verify()).firstBreak).toMatchObject({ id: ids[3], kind: "prevHash", position: 4n });
  });

  it("finds a link whose hash was recomputed to fit an edit, at the next link", async () => {
    await tamper(`UPDATE "AuditEvent" SET "actorId" = NULL WHERE id = ${ids[1]}`);
    await tamper(
      `UPDATE "AuditChain" c SET hash = audit_event_digest(c."prevHash", e) FROM "AuditEvent" e WHERE e.id = c."eventId" AND e.id = ${ids[1]}`,
    );
    // The edited event now hashes correctly, but the next link still follows its old hash.
    expect((await verify()).firstBreak).toMatchObject({ id: ids[2], kind: "prevHash" });
  });

  it("finds an event inserted in the middle: outside the chain, or linked in between", async () => {
    // With the triggers off it is never queued: it is neither in the chain nor waiting.
    const slipped = ids[5]! + 100n;
    await tamper(
      `INSERT INTO "AuditEvent" (id, "occurredAt", action) SELECT ${slipped}, "occurredAt", 'READ' FROM "AuditEvent" WHERE id = ${ids[2]}`,
    );
    expect(await verify()).toMatchObject({ ok: false, checked: 6, firstBreak: { id: slipped, kind: "unchained" } });

    // Linked in between, with a correct hash: the link after it no longer follows.
    await tamper(`
      UPDATE "AuditChain" SET "position" = "position" + 100 WHERE "position" > 3;
      UPDATE "AuditChain" SET "position" = "position" - 99 WHERE "position" > 100;
      INSERT INTO "AuditChain" ("position", "eventId", "prevHash", hash)
        SELECT 4, e.id, c.hash, audit_event_digest(c.hash, e) FROM "AuditEvent" e, "AuditChain" c
        WHERE e.id = ${slipped} AND c."position" = 3`);
    expect((await verify()).firstBreak).toMatchObject({ id: ids[3], kind: "prevHash", position: 5n });
  });

  it("finds a second link to an event already in the chain", async () => {
    await withForgery(
      `DROP INDEX "AuditChain_eventId_key"`,
      `SET session_replication_role = replica; DELETE FROM "AuditChain" WHERE "position" > 6;
       SET session_replication_role = origin; CREATE UNIQUE INDEX "AuditChain_eventId_key" ON "AuditChain"("eventId")`,
      async () => {
        await tamper(`INSERT INTO "AuditChain" ("position", "eventId", "prevHash", hash)
          SELECT 7, e.id, c.hash, audit_event_digest(c.hash, e) FROM "AuditEvent" e, "AuditChain" c
          WHERE e.id = ${ids[1]} AND c."position" = 6`);
        expect((await verify()).firstBreak).toMatchObject({ id: ids[1], kind: "duplicate", position: 7n });
      },
    );
  });

  it("finds links cut off at the end; with an anchor, also links cut off with their events", async () => {
    const { head } = await verify();
    await tamper(`DELETE FROM "AuditChain" WHERE "eventId" = ${head!.id}`);
    // The event is still there, neither linked nor queued.
    expect((await verify()).firstBreak).toMatchObject({ id: head!.id, kind: "unchained" });
    await tamper(`DELETE FROM "AuditEvent" WHERE id = ${head!.id}`);
    expect((await verify()).ok).toBe(true);
    expect((await verify({ anchor: head! })).firstBreak).toMatchObject({ id: head!.id, kind: "anchor", found: null });
  });

  it("`npm run audit:verify` chains what waits, exits 0 on an intact log and non-zero naming the first broken link", async () => {
    await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person", personId: w.person.id });
    const run = promisify(execFile);
    const script = path.resolve("scripts/audit-verify.ts");
    const tsx = path.resolve("node_modules/.bin/tsx");
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl() };
    const ok = await run(tsx, [script], { env });
    expect(ok.stdout).toContain("Chained 1 events that were waiting.");
    expect(ok.stdout).toContain("Audit log intact: 7 events checked");
    const head = (await verify()).head!;
    expect(ok.stdout).toContain(formatAnchor(head));

    await tamper(`UPDATE "AuditEvent" SET "entityId" = 'x' WHERE id = ${ids[3]}`);
    const broken = await run(tsx, [script], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(broken?.code).toBe(1);
    expect(broken?.stderr).toContain(`Audit log BROKEN at event id ${ids[3]} (chain position 4)`);
  }, 60_000);

  it("is not fooled by a redefined audit_event_digest() that approves an edited row, with or without an anchor", async () => {
    const anchor = (await verify()).head!;
    await tamper(`UPDATE "AuditEvent" SET "entityId" = 'i efterhand', reason = NULL WHERE id = ${ids[2]}`);
    const original = await asSuperuser(
      async (client) =>
        (
          await client.query<{ def: string }>(
            `SELECT pg_get_functiondef('audit_event_digest(text, "AuditEvent")'::regprocedure) AS def`,
          )
        ).rows[0]!.def,
    );
    await withForgery(
      `CREATE OR REPLACE FUNCTION audit_event_digest(prev_hash text, e "AuditEvent") RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT hash FROM "AuditChain" WHERE "eventId" = e.id $$`,
      original,
      async () => {
        // The forgery works on the database itself: its own function now approves every row.
        const approved = await asSuperuser(async (client) => (await client.query(APPROVED)).rows[0].n);
        expect(approved).toBe(6);
        expect((await verify()).firstBreak).toMatchObject({ id: ids[2], kind: "hash" });
        expect((await verify({ anchor })).firstBreak).toMatchObject({ id: ids[2], kind: "hash" });
        for (const args of [[], ["--anchor", formatAnchor(anchor)]]) {
          const run = await runScript(args);
          expect(run.code, args.join(" ")).toBe(1);
          expect(run.stderr).toContain(`Audit log BROKEN at event id ${ids[2]}`);
        }
      },
    );
    expect((await verify()).firstBreak).toMatchObject({ id: ids[2], kind: "hash" });
  }, 90_000);

  it("is not fooled by a cast (jsonb AS text) that shows an edited row's old metadata", async () => {
    const before = await asSuperuser(
      async (client) =>
        (await client.query(`SELECT metadata::text AS m FROM "AuditEvent" WHERE id = ${ids[3]}`)).rows[0].m as string,
    );
    await tamper(`UPDATE "AuditEvent" SET metadata = '{"i": 99}' WHERE id = ${ids[3]}`);
    await withForgery(
      `CREATE FUNCTION forged_jsonb_text(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN j = '{"i": 99}'::jsonb THEN '${before}' ELSE textin(jsonb_out(j)) END $$;
       CREATE CAST (jsonb AS text) WITH FUNCTION forged_jsonb_text(jsonb)`,
      `DROP CAST (jsonb AS text); DROP FUNCTION forged_jsonb_text(jsonb)`,
      async () => {
        // Inside SQL the edited row now hashes as before the edit, with the migration's own function.
        const approved = await asSuperuser(async (client) => (await client.query(APPROVED)).rows[0].n);
        expect(approved).toBe(6);
        expect((await verify()).firstBreak).toMatchObject({ id: ids[3], kind: "hash" });
      },
    );
  }, 60_000);

  it("computes the very digest the chainer computed, for awkward content", async () => {
    // Written as the app's own role would (triggers on): the trigger queues each row, audit_chain() hashes it. Numbers as
    // typed (1.0, 1e3) and key order are jsonb's own; JSON.parse and JSON.stringify would change them.
    const metadata = [
      `{"a": 1.0, "b": 1e3, "c": 1.50, "d": -0, "e": 1E-7, "f": 123456789012345678901234567890}`,
      JSON.stringify({
        text: 'åäö Ωmega 🙂 "quoted" \\back\\slash\\ \u0001\u001f\u007f\u0085 \n\t\r',
        "nyckel med mellanslag": "x",
        "": "empty key",
      }),
      JSON.stringify({ nested: { deeper: [1, { b: null, c: [true, false] }], empty: {} }, list: [], zeros: [0, 0.0] }),
      String.raw`{"escaped": "\u00e5\ud83d\ude42\"\\", "dup": 1, "dup": 2}`,
      `[]`,
      `"just a string"`,
      `null`,
    ];
    await asSuperuser(async (client) => {
      for (const [i, m] of metadata.entries()) {
        await client.query(
          `INSERT INTO "AuditEvent" ("occurredAt", action, "entityType", "entityId", reason, metadata, "ipAddress", "requestId")
           VALUES (now() - make_interval(secs => $1), 'READ', $2, $3, $4, $5::jsonb, $6, $7)`,
          [
            i + 0.1,
            i % 2 ? null : "Person",
            i % 3 ? null : "ä;\u001f",
            i % 2 ? null : 'OTHER: "citat" \\ ü',
            m,
            i % 2 ? null : "::1",
            i % 2 ? null : `req-${i}`,
          ],
        );
      }
      // Whole seconds and a SQL NULL metadata too: the text output drops trailing zeros of the fraction.
      await client.query(
        `INSERT INTO "AuditEvent" ("occurredAt", action) VALUES (date_trunc('second', now()), 'READ'), (date_trunc('second', now()) + interval '0.1 s', 'EXPORT')`,
      );
    });
    await chainAuditLog(testDatabaseUrl());
    const report = await verify({ batchSize: 3 });
    expect(report.firstBreak).toBeNull();
    expect(report).toMatchObject({ ok: true, checked: 6 + metadata.length + 2 });
  });
});
