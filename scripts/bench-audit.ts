/**
 * `npm run bench:audit [-- --connections 50 --seconds 10 --rounds 2]`: how many audited reads per
 * second one database takes, for the audit log's chain as it was and as it is (issue 13,
 * docs/decisions/003). A benchmark, not a test: it prints numbers and the machine's load.
 *
 * Two throwaway databases on the local embedded server (never the demo's or the scale one's
 * data): one migrated up to the migration before …_audit_chain_without_lock (the old trigger),
 * one migrated fully. N pg connections each run, for a fixed time, the person file's audited
 * read as the app sends it: BEGIN; the very INSERT recordAudit sends (lib/audit/index.ts);
 * COMMIT, each a round trip as in the app's interactive transaction. Variants, interleaved in
 * rounds so that the machine's load falls on all alike:
 *
 *   lock to COMMIT   the old trigger: one advisory lock from the INSERT to the end of COMMIT
 *   no chain         the old database with its chain trigger off: the table's own ceiling
 *   lock at commit   the candidate: a deferred constraint trigger takes the lock and writes the
 *                    link in the last statement before COMMIT (only the commit itself waits)
 *   chainer          this migration: no lock; the app's chainer (audit_chain() every 200 ms, as
 *                    lib/audit/chainer.ts) links committed rows meanwhile
 *   chainer, autocommit  the same with recordAuditNow's shape: the INSERT alone (most reads)
 *
 * Then it chains what is left and verifies the whole chain as `npm run audit:verify` does.
 */
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import pg from "pg";
import { chainAll, pgChainStep } from "@/lib/audit/chain";
import { verifyAuditChain } from "@/lib/audit/verify";
import { dropDatabase, ensureDatabase, startCluster, withDatabase } from "./lib/local-db";
import { migrationSql } from "./lib/migration-files";

const NEW_MIGRATION = "20261202183500_audit_chain_without_lock";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} wants a positive number`);
  return value;
}

const CONNECTIONS = option("connections", 50);
const SECONDS = option("seconds", 10);
const ROUNDS = option("rounds", 2);
/** `--only chainer,ceiling`: a subset of the variants, by a word of their names. */
const ONLY = (() => {
  const i = process.argv.indexOf("--only");
  return i === -1 ? null : (process.argv[i + 1] ?? "").split(",").filter(Boolean);
})();

/** The exact statement of recordAudit (lib/audit/index.ts), as Prisma's $executeRaw sends it. */
const AUDIT_INSERT = `
    INSERT INTO "AuditEvent" ("siteId", "actorId", "actorRole", action, "entityType", "entityId", "personId", reason, metadata, "ipAddress", "requestId")
    VALUES ($1::uuid, $2::uuid, $3::"Role", $4::"AuditAction",
      $5, $6, $7::uuid, $8,
      $9::jsonb, $10, $11)`;

/** The chain-at-commit candidate, on the migrated database in place of its queue trigger. */
const LOCK_AT_COMMIT = `
  CREATE FUNCTION bench_chain_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE head_position bigint; head_hash text;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('samverkan.audit_chain'));
    SELECT c."position", c.hash INTO head_position, head_hash FROM "AuditChain" c ORDER BY c."position" DESC LIMIT 1;
    head_hash := coalesce(head_hash, 'genesis');
    INSERT INTO "AuditChain" ("position", "eventId", "prevHash", hash)
    VALUES (coalesce(head_position, 0) + 1, NEW.id, head_hash, audit_event_digest(head_hash, NEW));
    RETURN NULL;
  END $$;
  CREATE CONSTRAINT TRIGGER bench_chain_at_commit AFTER INSERT ON "AuditEvent"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bench_chain_at_commit();
  ALTER TABLE "AuditEvent" DISABLE TRIGGER bench_chain_at_commit;`;

type Variant = {
  name: string;
  db: "before" | "after";
  /** SQL that switches the database to this variant (and off the others). */
  setup: string;
  chainer?: boolean;
  /** recordAuditNow's shape (one INSERT, autocommit: most reads) instead of the person file's transaction. */
  autocommit?: boolean;
};

const VARIANTS: Variant[] = [
  {
    name: "lock to COMMIT (old)",
    db: "before",
    setup: `ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_chain`,
  },
  {
    name: "no chain (ceiling)",
    db: "before",
    setup: `ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_chain`,
  },
  {
    name: "lock at commit",
    db: "after",
    setup: `ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_queue; ALTER TABLE "AuditEvent" ENABLE TRIGGER bench_chain_at_commit`,
  },
  {
    name: "chainer (new)",
    db: "after",
    setup: `ALTER TABLE "AuditEvent" DISABLE TRIGGER bench_chain_at_commit; ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_queue`,
    chainer: true,
  },
  {
    name: "chainer, autocommit",
    db: "after",
    setup: `ALTER TABLE "AuditEvent" DISABLE TRIGGER bench_chain_at_commit; ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_queue`,
    chainer: true,
    autocommit: true,
  },
];

function migrations(upTo: "before" | "after"): string[] {
  // "before" stops at the new migration even when later ones exist.
  return migrationSql(upTo === "before" ? { before: NEW_MIGRATION } : {}).map((m) => m.sql);
}

async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

type Fixture = { siteId: string; actorId: string; personId: string };

async function makeDatabase(url: string, upTo: "before" | "after"): Promise<Fixture> {
  await dropDatabase(url);
  await ensureDatabase(url);
  const fixture = { siteId: randomUUID(), actorId: randomUUID(), personId: randomUUID() };
  await withClient(url, async (c) => {
    for (const sql of migrations(upTo)) await c.query(sql);
    if (upTo === "after") await c.query(LOCK_AT_COMMIT);
    // The rows the audit row's foreign keys point at: one site, one handler.
    await c.query(`INSERT INTO "Site" (id, code, name) VALUES ($1, 'bench', 'Bench')`, [fixture.siteId]);
    await c.query(
      `INSERT INTO "User" (id, "siteId", email, name, role, agency, "passwordHash", "updatedAt") VALUES ($1, $2, 'bench@example.invalid', 'Bench', 'SOCIAL', 'SOCIAL', 'x', now())`,
      [fixture.actorId, fixture.siteId],
    );
  });
  return fixture;
}

type Result = {
  events: number;
  seconds: number;
  p50: number;
  p95: number;
  lockWaiters: number;
  backlog: number;
  /** CPU this process (the load generator) used, as a share of one core: near 1 means the client is the limit. */
  clientCpu: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** N connections, each BEGIN / audit INSERT / COMMIT in a loop for `seconds`. */
async function run(url: string, fixture: Fixture, variant: Variant): Promise<Result> {
  await withClient(url, (c) => c.query(variant.setup));
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const monitor = new pg.Client({ connectionString: url });
  await monitor.connect();
  const chainerClient = variant.chainer ? new pg.Client({ connectionString: url }) : null;
  await chainerClient?.connect();

  const latencies: number[] = [];
  let stop = false;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const workers = clients.map(async (c) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      if (!variant.autocommit) await c.query("BEGIN");
      await c.query(AUDIT_INSERT, [
        fixture.siteId,
        fixture.actorId,
        "SOCIAL",
        "READ",
        "Person",
        fixture.personId,
        fixture.personId,
        null,
        null,
        "127.0.0.1",
        randomUUID(),
      ]);
      if (!variant.autocommit) await c.query("COMMIT");
      latencies.push(performance.now() - t0);
    }
  });

  // Backends waiting on a heavyweight lock (the advisory lock among them), sampled every 250 ms.
  const samples: number[] = [];
  let backlog = 0;
  const sampler = (async () => {
    while (!stop) {
      const { rows } = await monitor.query<{ waiting: number; pending: number }>(
        `SELECT (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock') AS waiting,
                ${variant.chainer ? `(SELECT count(*)::int FROM "AuditPending")` : "0"} AS pending`,
      );
      samples.push(rows[0]!.waiting);
      backlog = Math.max(backlog, rows[0]!.pending);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  // The app's chainer: 200 ms after appends (lib/audit/chainer.ts), as long as they keep coming.
  const chainer = (async () => {
    if (!chainerClient) return;
    const step = pgChainStep(chainerClient);
    while (!stop) {
      await new Promise((r) => setTimeout(r, 200));
      await chainAll(step);
    }
  })();

  await Promise.all(workers);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  stop = true;
  await Promise.all([sampler, chainer]);
  await Promise.all([...clients, monitor].map((c) => c.end()));
  await chainerClient?.end();
  latencies.sort((a, b) => a - b);
  return {
    events: latencies.length,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    lockWaiters: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
    backlog,
    clientCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function main(): Promise<number> {
  const cluster = await startCluster("app", { quiet: true });
  const urls = {
    before: withDatabase(cluster.url, "samverkan_bench_audit_before"),
    after: withDatabase(cluster.url, "samverkan_bench_audit_after"),
  };
  try {
    // The maintenance database: the demo's need not exist yet on a fresh machine.
    const settings = await withClient(withDatabase(cluster.url, "postgres"), async (c) => {
      const { rows } = await c.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'max_connections', 'server_version')`,
      );
      return rows.map((r) => `${r.name}=${r.setting}`).join(" ");
    });
    console.log(`Audited reads: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds; ${settings}`);
    console.log(`Load average at start: ${load()}`);
    const fixtures = {
      before: await makeDatabase(urls.before, "before"),
      after: await makeDatabase(urls.after, "after"),
    };

    const variants = VARIANTS.filter((v) => !ONLY || ONLY.some((word) => v.name.includes(word)));
    const results = new Map<string, Result[]>(variants.map((v) => [v.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const variant of variants) {
        const loadBefore = load();
        const r = await run(urls[variant.db], fixtures[variant.db], variant);
        results.get(variant.name)!.push(r);
        console.log(
          `round ${round}  ${variant.name.padEnd(20)} ${(r.events / r.seconds).toFixed(0).padStart(6)} events/s` +
            `  tx p50 ${r.p50.toFixed(1)} ms p95 ${r.p95.toFixed(1)} ms  backends waiting on a lock ${r.lockWaiters.toFixed(1)}` +
            (variant.chainer ? `  most queued ${r.backlog}` : "") +
            `  client CPU ${(r.clientCpu * 100).toFixed(0)}% of a core` +
            `  (load ${loadBefore})`,
        );
      }
    }

    console.log("");
    console.log(`variant                    events/s (best of ${ROUNDS})  median   target ≥ 2000`);
    for (const [name, rs] of results) {
      const rates = rs.map((r) => r.events / r.seconds).sort((a, b) => a - b);
      const median = rates[Math.floor(rates.length / 2)]!;
      console.log(
        `${name.padEnd(27)}${rates[rates.length - 1]!.toFixed(0).padStart(8)}                ${median.toFixed(0).padStart(6)}   ${median >= 2000 ? "met" : "MISSED"}`,
      );
    }

    // What the chainer left (the last round's tail), then how fast one chainer links a backlog
    // (it must outrun the appends), then the whole chain as audit:verify checks it.
    const t0 = performance.now();
    const linked = await withClient(urls.after, (c) => chainAll(pgChainStep(c)));
    const chainSeconds = (performance.now() - t0) / 1000;
    const backlog = 50_000;
    const { siteId, actorId, personId } = fixtures.after;
    await withClient(urls.after, (c) =>
      c.query(
        `INSERT INTO "AuditEvent" ("siteId", "actorId", "actorRole", action, "entityType", "entityId", "personId", "ipAddress", "requestId")
         SELECT $1::uuid, $2::uuid, 'SOCIAL', 'READ', 'Person', $3::text, $3::uuid, '127.0.0.1', gen_random_uuid()::text
         FROM generate_series(1, $4::int)`,
        [siteId, actorId, personId, backlog],
      ),
    );
    const t2 = performance.now();
    const backlogLinked = await withClient(urls.after, (c) => chainAll(pgChainStep(c)));
    const backlogSeconds = (performance.now() - t2) / 1000;
    const t1 = performance.now();
    const report = await verifyAuditChain(urls.after);
    const verifySeconds = (performance.now() - t1) / 1000;
    console.log("");
    console.log(`Chained the last ${linked} queued events in ${chainSeconds.toFixed(2)} s.`);
    console.log(
      `One chainer, a backlog of ${backlogLinked} events: ${(backlogLinked / backlogSeconds).toFixed(0)} events/s (load ${load()}).`,
    );
    console.log(
      report.ok
        ? `Chain verified: intact, ${report.checked} links checked, ${report.pending} pending, in ${verifySeconds.toFixed(1)} s.`
        : `Chain BROKEN: ${JSON.stringify(report.firstBreak, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`,
    );
    console.log(`Load average at end: ${load()}`);
    const chainer = (results.get("chainer (new)") ?? []).map((r) => r.events / r.seconds).sort((a, b) => a - b);
    const met = report.ok && chainer.length > 0 && chainer[Math.floor(chainer.length / 2)]! >= 2000;
    return met ? 0 : 1;
  } finally {
    if (!process.argv.includes("--keep")) {
      await dropDatabase(urls.before).catch(() => {});
      await dropDatabase(urls.after).catch(() => {});
    }
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  },
);
