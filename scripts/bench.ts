/**
 * `npm run bench`: times the app's own functions against the scale database that
 * `npm run db:seed:scale` fills (never the demo's), and the very same SQL run directly through pg.
 *
 *   dashboard  getDashboard() for a manager: the latest round, this month, this year, since the
 *              start, and two custom ranges (each with its comparison period; the read's audit
 *              event included)
 *   search     findPeople() for a police officer: a name prefix, a personnummer
 *
 * For each: p50/p95 over --runs runs (after --warmup runs), beside p50/p95 of the SQL statements the
 * function sent (captured from Prisma's query log in a first run, then replayed with pg one after
 * another, as psql would run them; the audit INSERT included, since every read writes one), and
 * the ratio of the two p95s: the app's overhead (Prisma, the access checks, shaping the result).
 * The app runs independent statements side by side (the dashboard's nine, a page and its count),
 * so a ratio under 1 means that concurrency gained more than the app's own work cost.
 * Targets: dashboard p95 ≤ 250 ms, search p95 ≤ 50 ms, ratio ≤ 2. A search over its target
 * prints its query plans.
 *
 * Run through the lib functions on purpose: when lib/people or lib/dashboard change, the same
 * command measures the new code. Options: --runs N (default 30), --warmup N (default 3),
 * --only dashboard|search, --statements (each statement's own p50, to see where the time goes),
 * --explain (every statement's plan), --database NAME.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { scaleDatabase } from "./lib/scale-db";

type Case = { group: "dashboard" | "search"; name: string; target: number; run: () => Promise<unknown> };
type Statement = { sql: string; params: unknown[] };

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "30" },
    warmup: { type: "string", default: "3" },
    only: { type: "string" },
    statements: { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    database: { type: "string" },
  },
});
const RUNS = Math.max(3, Number(args.runs));
const WARMUP = Math.max(0, Number(args.warmup));

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** Prisma logs each statement with its parameters as JSON; dates arrive as strings, which PostgreSQL casts back. */
function parseParams(params: string): unknown[] {
  try {
    const parsed = JSON.parse(params) as unknown;
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** Replayed: reads, and the audit event every read appends (the scale database's log is synthetic). Never other writes. */
const REPLAYABLE = /^\s*(SELECT|WITH)\b|^\s*INSERT INTO "AuditEvent"/i;

async function main() {
  const { cluster, url } = await scaleDatabase(args.database);
  const direct = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const { rows } = await direct
      .query<{ value: string }>(`SELECT value FROM "SystemSetting" WHERE key = 'scaleSeed'`)
      .catch(() => ({ rows: [] as { value: string }[] }));
    if (!rows[0])
      throw new Error(
        `${new URL(url).pathname.slice(1)} holds no scale data: run \`npm run db:seed:scale -- --people 100000\` first.`,
      );
    const seed = JSON.parse(rows[0].value) as { people: number; until: string };

    // The app's modules read their configuration through lib/env.ts, and lib/db.ts reuses a client
    // already on globalThis: give it one that logs every statement, so the bench can replay them.
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
    // Required by lib/env.ts since the second factor; the bench signs nobody in.
    process.env.TOTP_ENCRYPTION_KEY ??= randomBytes(32).toString("base64url");
    process.env.LOG_LEVEL = "silent";
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const appPool = new pg.Pool({ connectionString: url, max: 10 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(appPool), log: [{ emit: "event", level: "query" }] });
    let capture: Statement[] | null = null;
    prisma.$on("query", (e) => {
      if (capture && REPLAYABLE.test(e.query)) capture.push({ sql: e.query, params: parseParams(e.params) });
    });
    // lib/db.ts's per-process client (globalThis.samverkanDb): the app's functions use this one.
    (globalThis as unknown as { samverkanDb: { prisma: unknown; pool: pg.Pool } }).samverkanDb = {
      prisma,
      pool: appPool,
    };

    // lib/authz's Actor as lib/auth would load it (lib/auth itself needs Next's request context).
    const { AGENCY_OF_ROLE } = await import("@/lib/authz/actor");
    const actorOf = (u: { id: string; siteId: string; role: keyof typeof AGENCY_OF_ROLE; name: string }) => ({
      id: u.id,
      siteId: u.siteId,
      role: u.role,
      agency: AGENCY_OF_ROLE[u.role],
      name: u.name,
    });
    const { getDashboard } = await import("@/lib/dashboard/queries");
    const { findPeople } = await import("@/lib/people/queries");
    const { ZFindPeople } = await import("@/lib/people/schemas");
    const { formatIdentityNumber } = await import("@/lib/validation/personnummer");

    const manager = actorOf(await prisma.user.findUniqueOrThrow({ where: { email: "ledning@scale.samverkan.test" } }));
    const officer = actorOf(await prisma.user.findUniqueOrThrow({ where: { email: "police1@scale.samverkan.test" } }));
    // Mid-way through the people, so a search cannot get lucky at the start of an index.
    const someone = await prisma.person.findFirstOrThrow({
      where: { siteId: officer.siteId },
      orderBy: { id: "asc" },
      skip: Math.floor(seed.people / 2),
      select: { identityNumber: true },
    });
    const now = new Date(`${seed.until}T12:00:00Z`);

    /** The month (YYYY-MM) `n` months before the month of `day`. */
    const monthsBefore = (day: string, n: number) =>
      new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - n, 1)).toISOString().slice(0, 7);
    const cases: Case[] = [
      ...(["round", "month", "year", "all"] as const).map((period): Case => ({
        group: "dashboard",
        name: `getDashboard: ${period === "round" ? "latest round" : period === "all" ? "since the start" : `this ${period}`}`,
        target: 250,
        run: () => getDashboard({ actor: manager, params: { period }, now }),
      })),
      // Custom ranges (whole months, decision 009) that do not begin on 1 January are counted from
      // the records (decision 006): twelve months, and nearly ten years.
      ...[
        { name: "getDashboard: custom, twelve months", from: monthsBefore(seed.until, 11), to: seed.until.slice(0, 7) },
        { name: "getDashboard: custom, 2017-02 on", from: "2017-02", to: seed.until.slice(0, 7) },
      ].map((c): Case => ({
        group: "dashboard",
        name: c.name,
        target: 250,
        run: () => getDashboard({ actor: manager, params: { period: "custom", from: c.from, to: c.to }, now }),
      })),
      {
        group: "search" as const,
        name: 'findPeople: name prefix "And"',
        target: 50,
        run: () => findPeople({ actor: officer, query: ZFindPeople.parse({ q: "And" }) }),
      },
      {
        group: "search" as const,
        name: 'findPeople: name prefix "Moh Ber"',
        target: 50,
        run: () => findPeople({ actor: officer, query: ZFindPeople.parse({ q: "Moh Ber" }) }),
      },
      {
        group: "search" as const,
        name: "findPeople: personnummer",
        target: 50,
        run: () =>
          findPeople({
            actor: officer,
            query: ZFindPeople.parse({ q: formatIdentityNumber(someone.identityNumber!) }),
          }),
      },
    ].filter((c) => !args.only || c.group === args.only);

    console.log(
      `Skaldatabas ${new URL(url).pathname.slice(1)}: ${seed.people.toLocaleString("sv-SE")} personer, data t.o.m. ${seed.until}.`,
    );
    console.log(
      `${RUNS} körningar per fall efter ${WARMUP} uppvärmning; maskinens last (1 min) vid start: ${loadavg()[0]!.toFixed(1)} på 2 kärnor.\n`,
    );
    const header = ["case", "app p50", "app p95", "SQL p50", "SQL p95", "ratio", "target", ""];
    const table: string[][] = [];
    const misses: { c: Case; statements: Statement[] }[] = [];
    for (const c of cases) {
      capture = [];
      const result = await c.run();
      const statements = capture;
      // A search that finds nobody measures an empty result (the scale data once lacked the search columns).
      if (c.group === "search" && (result as { items: unknown[] }).items.length === 0)
        throw new Error(`${c.name}: found nobody; is the scale database's search text filled?`);
      capture = null;
      // Nothing captured means the app used another client than the bench's: the ratio would be meaningless.
      if (statements.length === 0)
        throw new Error(
          `${c.name}: no SQL captured; lib/db.ts no longer picks up the bench's client (globalThis.samverkanDb).`,
        );
      const app = await time(c.run);
      const sql = await time(async () => {
        for (const s of statements) await direct.query(s.sql, s.params);
      });
      const ratio = app.p95 / sql.p95;
      const ok = app.p95 <= c.target && ratio <= 2;
      if ((app.p95 > c.target && c.group === "search") || args.explain) misses.push({ c, statements });
      table.push([
        c.name,
        app.p50.toFixed(1),
        app.p95.toFixed(1),
        sql.p50.toFixed(1),
        sql.p95.toFixed(1),
        ratio.toFixed(2),
        `≤ ${c.target}`,
        ok ? "ok" : "MISS",
      ]);
      console.log(
        `  ${c.name}: app p95 ${app.p95.toFixed(1)} ms, SQL p95 ${sql.p95.toFixed(1)} ms (${statements.length} statements)`,
      );
      if (args.statements) {
        for (const st of statements) {
          const own = await time(() => direct.query(st.sql, st.params));
          console.log(`    ${own.p50.toFixed(1).padStart(7)} ms  ${st.sql.replace(/\s+/g, " ").slice(0, 110)}`);
        }
      }
    }
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      `| ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
    console.log(
      `\nTimes in ms.\n${line(header)}\n|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
    );
    for (const r of table) console.log(line(r));
    console.log(`\nLast (1 min) vid slut: ${loadavg()[0]!.toFixed(1)}.`);

    for (const { c, statements } of misses) {
      console.log(`\n${c.name}${args.explain ? "" : " is over its target"}. Query plans of its statements:`);
      for (const s of statements.filter((st) => !/^\s*INSERT/i.test(st.sql))) {
        const plan = await direct.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
        console.log(
          `\n${s.sql.slice(0, 300)}${s.sql.length > 300 ? " …" : ""}\n${plan.rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`,
        );
      }
    }
    await prisma.$disconnect();
    await appPool.end();
  } finally {
    await direct.end();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
