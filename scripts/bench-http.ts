/**
 * `npm run bench:http`: the production app over HTTP, signed in, under load (issue 13). It builds
 * when the sources are newer than the build (as `npm start` does), serves it with the app's own
 * server (scripts/serve.mjs, as `npm start` serves it) against a database with data, signs a real
 * account in through the login form in a browser (password, then a TOTP code), and then runs
 * autocannon, 10 connections for 20 s, against
 *   - a static file (the floor: what this machine serves with no page, no session and no database),
 *   - `/people` (the people list, signed in),
 *   - one person's file (signed in, on the account's caseload, every read audited),
 * printing req/s, latency p50/p95/p99, errors and non-2xx per case, each page's ratio to the
 * static file and the machine's load. Targets: `/people` ≥ 40 % of the static file's req/s, the
 * person file ≥ 25 %, no errors and no non-2xx; a miss exits 1.
 *
 * Options:
 *   --db demo|scale     the demo database (migrated and seeded if empty, default) or the scale
 *                       test's (`npm run db:seed:scale` first)
 *   --duration S        seconds per case (default 20); --connections N (default 10)
 *   --port P            the app's port (default E2E_PORT, else 3200)
 *   --profile           run the server under `node --cpu-prof` and print, for each signed-in
 *                       case, the top self-time functions of the samples taken while it ran (the
 *                       numbers then include the profiler's cost)
 *   --instances 2       several instances (issue 16): two servers of the build on the same
 *                       database, each case run through a loopback proxy (scripts/lib/round-robin-
 *                       proxy.ts) to one instance and through one to both (round-robin per request),
 *                       the two interleaved for --rounds rounds (default 2; the order swapped every
 *                       round), each with its own static-file floor; then a summary per round of
 *                       req/s and the ratio to that round's floor, with the load. --port is unused.
 *
 * The account is the bench's own (bench-http@malmo.samverkan.test, a police officer, made once by
 * the same user factory as the seed's, its TOTP secret sealed with the app's key as the app seals
 * it), with one person on its caseload through an Assignment, as the e2e fixtures make accounts.
 * The session is opened by the app's own sign-in; nothing in the app knows about the bench.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { loadavg, cpus } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import pg from "pg";
import { buildIsStale } from "./lib/build";
import { startInstances } from "./lib/instances";
import { startRoundRobinProxy } from "./lib/round-robin-proxy";
import { appSecrets, DATA_DIR, ensureDatabase, ROOT, startCluster, withDatabase } from "./lib/local-db";
import { runPrismaOrThrow } from "./lib/prisma-cli";
import { seedDemoDatabase } from "./lib/seed-runner";

const TARGETS = { people: 0.4, person: 0.25 } as const;
const STATIC_PATH = "/robots.txt";
const ACCOUNT_EMAIL = "bench-http@malmo.samverkan.test";
const ACCOUNT_PASSWORD = "bench-http lösenord som är långt";
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

function options() {
  const { values } = parseArgs({
    options: {
      db: { type: "string", default: "demo" },
      duration: { type: "string", default: "20" },
      connections: { type: "string", default: "10" },
      port: { type: "string" },
      profile: { type: "boolean", default: false },
      instances: { type: "string", default: "1" },
      rounds: { type: "string", default: "2" },
    },
    allowPositionals: false,
  });
  if (values.db !== "demo" && values.db !== "scale") throw new Error("--db is demo or scale");
  if (values.instances !== "1" && values.instances !== "2") throw new Error("--instances is 1 or 2");
  if (values.instances === "2" && values.profile) throw new Error("--profile is for one instance");
  return {
    db: values.db,
    duration: Number(values.duration),
    connections: Number(values.connections),
    port: Number(values.port ?? process.env.E2E_PORT ?? 3200),
    profile: values.profile,
    instances: Number(values.instances),
    rounds: Math.max(1, Number(values.rounds)),
  };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on("close", (code) => resolve(code ?? 1));
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not answer /api/health within 120 s");
}

/** The bench's own account and the person on its caseload whose file it reads. */
async function benchAccount(databaseUrl: string, totpKey: string): Promise<{ secret: string; personId: string }> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { acceptCurrentPledge, createAssignment, createUser } = await import("@/prisma/factories");
  const { open, seal } = await import("@/lib/auth/secret-box");
  const { newTotpSecret } = await import("@/lib/auth/totp");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    const site = await prisma.site.findUniqueOrThrow({ where: { code: "malmo" }, select: { id: true } });
    let user = await prisma.user.findUnique({ where: { email: ACCOUNT_EMAIL } });
    let secret: string;
    const stored = user?.totpSecret ? open(totpKey, "totp-secret", user.totpSecret) : null;
    if (user && stored) {
      secret = stored;
    } else if (user) {
      throw new Error(`${ACCOUNT_EMAIL} exists, but its TOTP secret does not open with this app's key`);
    } else {
      secret = newTotpSecret();
      user = await createUser(prisma, {
        siteId: site.id,
        email: ACCOUNT_EMAIL,
        name: "Prestandatest (HTTP)",
        role: "POLICE",
        password: ACCOUNT_PASSWORD,
        totpSecret: seal(totpKey, "totp-secret", secret),
        totpEnabledAt: new Date(),
      });
    }
    // The site's current confidentiality pledge, accepted (the app asks for it before any page), as the e2e accounts do.
    await acceptCurrentPledge(prisma, { siteId: site.id, userIds: [user.id] });
    const own = await prisma.assignment.findFirst({
      where: { userId: user.id, endedAt: null },
      select: { personId: true },
    });
    if (own) return { secret, personId: own.personId };
    // A file with much in it: the coordinated person with the most custom notifications.
    const [busiest] = await prisma.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM "Person" p
       WHERE p."siteId" = ${site.id}::uuid
         AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."personId" = p.id AND a."endedAt" IS NULL)
       ORDER BY (SELECT count(*) FROM "CustomNotification" n WHERE n."personId" = p.id) DESC, p.id
       LIMIT 1`;
    if (!busiest) throw new Error("no coordinated person in site malmo");
    await createAssignment(prisma, { siteId: site.id, personId: busiest.id, userId: user.id, agency: "POLICE" });
    return { secret, personId: busiest.id };
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

/** Signs in through the login form, as a user does; returns the session cookie as a header. */
async function signIn(base: string, secret: string): Promise<string> {
  const { totpCode, totpStep, TOTP_PERIOD_SECONDS } = await import("@/lib/auth/totp");
  const browser = await chromium.launch(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {});
  try {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-postadress").fill(ACCOUNT_EMAIL);
    await page.getByLabel("Lösenord").fill(ACCOUNT_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(/\/login\/verify$/, { timeout: 30_000 });
    // Each code is accepted once: after a run less than a step ago, the next step's code works.
    for (let attempt = 0; attempt < 4; attempt++) {
      const code = await totpCode(secret, { step: totpStep(Date.now()) + (attempt % 2) });
      await page.getByLabel("Engångskod").fill(code);
      await page.getByRole("button", { name: "Verifiera" }).click();
      const left = await page
        .waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
      if (left) {
        const cookies = (await context.cookies()).filter((c) => c.name.includes("session-token"));
        if (cookies.length === 0) throw new Error("signed in, but no session cookie");
        return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      }
      if (attempt % 2 === 1)
        await page.waitForTimeout((TOTP_PERIOD_SECONDS - ((Date.now() / 1000) % TOTP_PERIOD_SECONDS) + 0.5) * 1000);
    }
    throw new Error("the TOTP code was refused four times");
  } finally {
    await browser.close();
  }
}

type CaseResult = {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The server process's CPU time (user + system) per request, from /proc: less noisy than req/s on a shared machine. */
  cpuMsPerRequest: number | null;
  load: string;
  /** The measured run, in the monotonic clock's microseconds (the clock of a V8 CPU profile's timestamps). */
  window: { from: number; to: number };
};

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** A process's CPU time in ms (Linux), or null where /proc is not there. */
function processCpuMs(pid: number | number[] | undefined): number | null {
  if (Array.isArray(pid)) {
    const each = pid.map((p) => processCpuMs(p));
    return each.some((ms) => ms === null) ? null : each.reduce<number>((a, b) => a + b!, 0);
  }
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100/s).
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function runCase(
  base: string,
  name: string,
  urlPath: string,
  opts: { connections: number; duration: number; serverPid?: number | number[]; cookie?: string },
): Promise<CaseResult> {
  const headers: Record<string, string> = opts.cookie ? { cookie: opts.cookie } : {};
  // A check and a warm-up: the page must answer 200 signed in (a redirect to /login would be a
  // 307, counted as non-2xx below, but better said at once), and the first requests compile nothing
  // in production yet warm V8 and the pool.
  const check = await fetch(`${base}${urlPath}`, { headers, redirect: "manual" });
  if (check.status !== 200)
    throw new Error(`${name} (${urlPath}) answered ${check.status} ${check.headers.get("location") ?? ""}`.trim());
  await autocannon({ url: `${base}${urlPath}`, connections: opts.connections, amount: 50, headers });

  const latencies: number[] = [];
  const cpuBefore = processCpuMs(opts.serverPid);
  const from = monotonicMicros();
  // autocannon's own percentiles skip p95: the latencies are kept here, one per response.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${base}${urlPath}`, connections: opts.connections, duration: opts.duration, headers, timeout: 10 },
      (error: unknown, done) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const to = monotonicMicros();
  const cpuAfter = processCpuMs(opts.serverPid);
  latencies.sort((a, b) => a - b);
  return {
    name,
    path: urlPath,
    rps: result.requests.total / (result.duration || opts.duration),
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || result.requests.total === 0
        ? null
        : (cpuAfter - cpuBefore) / result.requests.total,
    load: load(),
    window: { from, to },
  };
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/**
 * The top self-time functions of the server's CPU profile, and the same by package, for the
 * samples taken while `window` ran (the server's start, the sign-in and the other cases left out).
 */
function summariseProfile(profile: Profile, name: string, window: { from: number; to: number }): void {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= window.from && at <= window.to) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of self) {
    const frame = nodes.get(id)!.callFrame;
    const where = frame.url.replace(/^file:\/\//, "").replace(`${ROOT}/`, "");
    const key = `${frame.functionName || "(anonymous)"}  ${where ? `${where}:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const pkg =
      where.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
      (where.startsWith(".next/") ? ".next (app bundles)" : where === "" ? frame.functionName : where.split("/")[0]!);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    total += micros;
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join("\n");
  console.log(`\nCPU profile of the server during "${name}" (${(total / 1e6).toFixed(1)} s sampled)`);
  console.log("Top self time by function:\n" + top(byFunction, 25));
  console.log("\nSelf time by package:\n" + top(byPackage, 12));
}

async function summariseProfiles(dir: string, results: CaseResult[]): Promise<void> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length !== 1) throw new Error(`expected one CPU profile in ${dir}, found ${files.length}`);
  const profile = JSON.parse(await readFile(path.join(dir, files[0]!), "utf8")) as Profile;
  for (const r of results) if (r.path !== STATIC_PATH) summariseProfile(profile, r.name, r.window);
}

/** The three cases one after another, their table and the targets. */
async function runAll(
  base: string,
  run: { connections: number; duration: number; serverPid?: number | number[] },
  cookie: string,
  personId: string,
): Promise<{ results: CaseResult[]; missed: string[] }> {
  const results = [
    await runCase(base, "static file", STATIC_PATH, run),
    await runCase(base, "/people", "/people", { ...run, cookie }),
    await runCase(base, "person file", `/people/${personId}`, { ...run, cookie }),
  ];
  const floor = results[0]!.rps;
  const target = (r: CaseResult) =>
    r.name === "/people" ? TARGETS.people : r.name === "person file" ? TARGETS.person : null;
  const rows = results.map((r) => {
    const ratio = r.rps / floor;
    const t = target(r);
    const clean = r.errors === 0 && r.timeouts === 0 && r.non2xx === 0;
    return { r, ratio, t, ok: clean && (t === null || ratio >= t) };
  });
  const pad = (v: string | number, n: number) => String(v).padStart(n);
  console.log(
    `\n${"case".padEnd(12)} ${pad("req/s", 8)} ${pad("p50 ms", 7)} ${pad("p95 ms", 7)} ${pad("p99 ms", 7)} ` +
      `${pad("requests", 9)} ${pad("errors", 7)} ${pad("timeouts", 8)} ${pad("non2xx", 7)} ${pad("CPU ms/req", 10)} ` +
      `${pad("ratio", 7)} ${pad("target", 7)}  load after (1/5/15 min)`,
  );
  for (const { r, ratio, t, ok } of rows)
    console.log(
      `${r.name.padEnd(12)} ${pad(r.rps.toFixed(1), 8)} ${pad(r.p50, 7)} ${pad(r.p95, 7)} ${pad(r.p99, 7)} ` +
        `${pad(r.requests, 9)} ${pad(r.errors, 7)} ${pad(r.timeouts, 8)} ${pad(r.non2xx, 7)} ` +
        `${pad(r.cpuMsPerRequest === null ? "-" : r.cpuMsPerRequest.toFixed(1), 10)} ` +
        `${pad(`${(100 * ratio).toFixed(1)}%`, 7)} ${pad(t === null ? "-" : `≥${100 * t}%`, 7)}  ${r.load}  ${ok ? "ok" : "MISS"}`,
    );
  const missed = rows.filter((row) => !row.ok).map((row) => row.r.name);
  console.log(missed.length ? `\nMissed: ${missed.join(", ")}` : "\nAll targets met.");
  return { results, missed };
}

/**
 * `--instances 2`: one instance against two behind the proxy, interleaved. Both arms go through a
 * proxy (one with a single instance behind it) so that the proxy's own cost is in both; the
 * session is signed in once and holds on both instances (it is the database's). Each arm's pages
 * are compared with its own static-file floor of the same round, never with another run's.
 */
async function benchInstances(
  env: NodeJS.ProcessEnv,
  opts: ReturnType<typeof options>,
  secret: string,
  personId: string,
): Promise<number> {
  const instances = await startInstances(2, env, { timeoutMs: 120_000 });
  const pids = instances.pids;
  const one = await startRoundRobinProxy([instances.urls[0]!], { keepLog: false });
  const two = await startRoundRobinProxy(instances.urls, { keepLog: false });
  try {
    const cookie = await signIn(one.url, secret);
    console.log(
      `bench:http --instances 2 — ${opts.db} database, ${opts.connections} connections × ${opts.duration} s per case, ` +
        `${opts.rounds} rounds, ${cpus().length} CPUs; load before: ${load()}`,
    );
    const arms = {
      "1 instance": { url: one.url, serverPid: pids[0] },
      "2 instances": { url: two.url, serverPid: pids },
    } as const;
    type Arm = keyof typeof arms;
    const summary: { round: number; arm: Arm; results: CaseResult[] }[] = [];
    let missed = 0;
    for (let round = 1; round <= opts.rounds; round++) {
      const order: Arm[] = round % 2 === 1 ? ["1 instance", "2 instances"] : ["2 instances", "1 instance"];
      for (const arm of order) {
        console.log(`
Round ${round}, ${arm} behind the proxy:`);
        const { url, serverPid } = arms[arm];
        const outcome = await runAll(
          url,
          { connections: opts.connections, duration: opts.duration, serverPid },
          cookie,
          personId,
        );
        summary.push({ round, arm, results: outcome.results });
        missed += outcome.missed.length;
      }
    }
    const pad = (v: string | number, n: number) => String(v).padStart(n);
    console.log(
      `
Summary (req/s; in brackets the ratio to the same arm's static file in the same round; load after each case)`,
    );
    console.log(
      `${"round".padEnd(6)} ${"arm".padEnd(12)} ${pad("static", 8)} ${pad("/people", 18)} ${pad("person file", 18)}`,
    );
    for (const { round, arm, results } of summary) {
      const [floor, people, person] = results;
      const cell = (r: CaseResult) => `${r.rps.toFixed(1)} (${((100 * r.rps) / floor!.rps).toFixed(0)}%)`;
      console.log(
        `${String(round).padEnd(6)} ${arm.padEnd(12)} ${pad(floor!.rps.toFixed(1), 8)} ${pad(cell(people!), 18)} ` +
          `${pad(cell(person!), 18)}   load ${results.map((r) => r.load.split(" ")[0]).join(" / ")}`,
      );
    }
    return missed ? 1 : 0;
  } finally {
    await one.close();
    await two.close();
    await instances.stop();
  }
}

async function main() {
  const opts = options();
  const cluster = await startCluster("app", { quiet: true });
  const profileDir = path.join(DATA_DIR, "profiles");
  let server: ChildProcess | undefined;
  let results: CaseResult[] = [];
  let exitCode = 1;
  try {
    const databaseUrl = opts.db === "scale" ? withDatabase(cluster.url, "samverkan_scale") : cluster.url;
    if (opts.db === "demo") {
      await ensureDatabase(databaseUrl);
      await runPrismaOrThrow(["migrate", "deploy"], databaseUrl, { quiet: true });
      await seedDemoDatabase(databaseUrl, { auto: true });
    } else {
      await runPrismaOrThrow(["migrate", "deploy"], databaseUrl, { quiet: true });
    }
    const secrets = await appSecrets();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...secrets,
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    };
    if (buildIsStale()) {
      console.log("Bygger appen (next build) …");
      const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
      const build = spawn(process.execPath, [next, "build"], { cwd: ROOT, env, stdio: "inherit" });
      if ((await waitForExit(build)) !== 0) throw new Error("next build failed");
    }

    const { secret, personId } = await benchAccount(databaseUrl, secrets.TOTP_ENCRYPTION_KEY);
    if (opts.profile) {
      await rm(profileDir, { recursive: true, force: true });
      await mkdir(profileDir, { recursive: true });
    }
    if (opts.instances === 2) {
      exitCode = await benchInstances(env, opts, secret, personId);
    } else {
      const base = `http://127.0.0.1:${opts.port}`;
      const serve = path.join(ROOT, "scripts", "serve.mjs");
      server = spawn(
        process.execPath,
        [
          ...(opts.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
          serve,
          ...["--port", String(opts.port), "--hostname", "127.0.0.1"],
        ],
        // Its log (JSON lines on stdout) is written as in production, but not shown: it would drown the table.
        { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] },
      );
      await waitForHealth(base, server);
      const cookie = await signIn(base, secret);

      console.log(
        `bench:http — ${opts.db} database, ${opts.connections} connections × ${opts.duration} s per case, ` +
          `${cpus().length} CPUs${opts.profile ? ", server under --cpu-prof" : ""}; load before: ${load()}`,
      );
      const outcome = await runAll(
        base,
        { connections: opts.connections, duration: opts.duration, serverPid: server.pid },
        cookie,
        personId,
      );
      results = outcome.results;
      exitCode = outcome.missed.length ? 1 : 0;
    }
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    exitCode = 1;
  } finally {
    if (server && server.exitCode === null) {
      // The profile is written when the server exits.
      server.kill("SIGTERM");
      await waitForExit(server);
    }
    if (opts.profile && results.length)
      await summariseProfiles(profileDir, results).catch((e: unknown) => console.error(e));
    await cluster.stop();
  }
  process.exit(exitCode);
}

void main();
