/**
 * `npm test`: every check, in order, each run even if an earlier one failed, then one line of
 * totals over all of them, exactly `N passed, N failed` (CI reads it):
 *   lint (ESLint and Prettier, 1 check), typecheck (1 check), Vitest unit + integration on a real PostgreSQL (per test),
 *   Playwright end-to-end in Chromium (per test).
 * Beside the checks, from the start: the production build the end-to-end tests serve, their
 * database (migrated and seeded), and a browser (scripts/lib/browser.ts). Each phase's wall time
 * is in the summary.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureBrowser } from "./lib/browser";
import { e2eAppEnv, prepareE2eDatabase } from "./lib/e2e-db";
import { ROOT, startCluster } from "./lib/local-db";

type Totals = { passed: number; failed: number; seconds?: number };

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function check(name: string, command: string, args: string[]): Promise<Totals> {
  console.log(`\n── ${name} ──`);
  const code = await run(command, args);
  console.log(code === 0 ? `${name}: ok` : `${name}: FAILED (exit ${code})`);
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

async function vitest(): Promise<Totals> {
  console.log("\n── Vitest: unit and integration (PostgreSQL) ──");
  const report = path.join(ROOT, "test-results", "vitest.json");
  rmSync(report, { force: true });
  const code = await run(bin("vitest"), ["run"]);
  const json = readJson<{ numPassedTests: number; numFailedTests: number }>(report);
  if (!json) return { passed: 0, failed: 1 };
  // A failing suite (e.g. an import error) has no failed tests of its own: count it.
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests + (code !== 0 && json.numFailedTests === 0 ? 1 : 0),
  };
}

/**
 * The production build the end-to-end tests serve, started first, beside lint and typecheck
 * (each of which keeps one core busy) and then Vitest. The typecheck step checks the types, so the
 * build does not check them again (next.config.ts). Its output goes to a log, shown if it fails.
 * The environment is scripts/e2e-server.ts's (e2eAppEnv).
 */
async function startBuild(clusterUrl: string): Promise<() => Promise<boolean>> {
  const log = path.join(ROOT, "test-results", "next-build.log");
  mkdirSync(path.dirname(log), { recursive: true });
  const env = { ...(await e2eAppEnv(clusterUrl)), SAMVERKAN_TYPES_CHECKED_BY_TEST: "1" };
  const out = createWriteStream(log);
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const done = new Promise<boolean>((resolve) => {
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
  return async () => {
    const ok = await done;
    out.end();
    if (!ok) console.log(`next build failed:\n${readFileSync(log, "utf8").slice(-4000)}`);
    return ok;
  };
}

async function playwright(ready: boolean): Promise<Totals> {
  console.log("\n── Playwright: end-to-end in Chromium ──");
  if (!ready) return { passed: 0, failed: 1 };
  const report = path.join(ROOT, "test-results", "e2e.json");
  rmSync(report, { force: true });
  const code = await run(bin("playwright"), ["test"], { E2E_SKIP_BUILD: "1", E2E_DATABASE_READY: "1" });
  const json = existsSync(report)
    ? readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(report)
    : null;
  if (!json) return { passed: 0, failed: 1 };
  return {
    passed: json.stats.expected + json.stats.flaky,
    failed: json.stats.unexpected + (code !== 0 && json.stats.unexpected === 0 ? 1 : 0),
  };
}

async function timed(phase: () => Promise<Totals>): Promise<Totals> {
  const started = Date.now();
  const totals = await phase();
  return { ...totals, seconds: Math.round((Date.now() - started) / 1000) };
}

/** The end-to-end database, migrated and seeded while the checks run (scripts/e2e-server.ts is told it is ready). */
async function startE2eDatabase(clusterUrl: string): Promise<() => Promise<boolean>> {
  const done = prepareE2eDatabase(clusterUrl).then(
    () => true,
    (error: unknown) => {
      console.log(`The end-to-end database could not be prepared: ${error instanceof Error ? error.message : error}`);
      return false;
    },
  );
  return () => done;
}

async function main() {
  const started = Date.now();
  const results: [string, Totals][] = [];
  // One test cluster for the whole run: Vitest's global setup and the end-to-end server find it
  // running and leave it be, instead of each starting and stopping it.
  const cluster = await startCluster("test", { quiet: true });
  const built = await startBuild(cluster.url);
  const e2eDatabase = await startE2eDatabase(cluster.url);
  const browser = ensureBrowser();
  // ESLint, then Prettier: an unformatted file fails the lint step (npm run format fixes it).
  results.push(["lint", await timed(() => check("Lint (ESLint, Prettier)", "npm", ["run", "--silent", "lint"]))]);
  results.push(["typecheck", await timed(() => check("TypeScript", "npm", ["run", "--silent", "typecheck"]))]);
  results.push(["vitest", await timed(vitest)]);
  const buildOk = await built();
  const ready = (await e2eDatabase()) && (await browser) && buildOk;
  results.push(["playwright", await timed(() => playwright(ready))]);
  await cluster.stop();

  const total = results.reduce((a, [, t]) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed }), {
    passed: 0,
    failed: 0,
  });
  console.log("\nSummary:");
  for (const [name, t] of results)
    console.log(`  ${name.padEnd(10)} ${t.passed} passed, ${t.failed} failed (${t.seconds ?? 0} s)`);
  console.log(`  (${Math.round((Date.now() - started) / 1000)} s)`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed === 0 ? 0 : 1);
}

void main();
