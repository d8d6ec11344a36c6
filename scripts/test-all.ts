/**
 * `npm test`: every check, in order, each run even if an earlier one failed, then one line of
 * totals over all of them, exactly `N passed, N failed` (CI reads it):
 *   lint (ESLint and Prettier, 1 check), typecheck (1 check), Vitest unit + integration on a real PostgreSQL (per test),
 *   Playwright end-to-end in Chromium (per test).
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { e2eAppEnv } from "./lib/e2e-db";
import { clusterUrl, ROOT } from "./lib/local-db";

type Totals = { passed: number; failed: number };

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
 * The production build the end-to-end tests serve, started beside Vitest: the integration tests
 * wait on PostgreSQL one file at a time and leave a core free, which the build uses (measured on
 * 2 cores: the whole run 1088 s instead of 1168 s, Vitest itself 302 s instead of 295 s). Its
 * output goes to a log, shown if it fails.
 * The environment is scripts/e2e-server.ts's (e2eAppEnv).
 */
async function startBuild(): Promise<() => Promise<boolean>> {
  const log = path.join(ROOT, "test-results", "next-build.log");
  mkdirSync(path.dirname(log), { recursive: true });
  const env = await e2eAppEnv(await clusterUrl("test"));
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

async function playwright(built: boolean): Promise<Totals> {
  console.log("\n── Playwright: end-to-end in Chromium ──");
  if (!built) return { passed: 0, failed: 1 };
  const report = path.join(ROOT, "test-results", "e2e.json");
  rmSync(report, { force: true });
  const code = await run(bin("playwright"), ["test"], { E2E_SKIP_BUILD: "1" });
  const json = existsSync(report)
    ? readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(report)
    : null;
  if (!json) return { passed: 0, failed: 1 };
  return {
    passed: json.stats.expected + json.stats.flaky,
    failed: json.stats.unexpected + (code !== 0 && json.stats.unexpected === 0 ? 1 : 0),
  };
}

async function main() {
  const started = Date.now();
  const results: [string, Totals][] = [];
  // ESLint, then Prettier: an unformatted file fails the lint step (npm run format fixes it).
  results.push(["lint", await check("Lint (ESLint, Prettier)", "npm", ["run", "--silent", "lint"])]);
  results.push(["typecheck", await check("TypeScript", "npm", ["run", "--silent", "typecheck"])]);
  const built = await startBuild();
  results.push(["vitest", await vitest()]);
  results.push(["playwright", await playwright(await built())]);

  const total = results.reduce((a, [, t]) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed }), {
    passed: 0,
    failed: 0,
  });
  console.log("\nSummary:");
  for (const [name, t] of results) console.log(`  ${name.padEnd(10)} ${t.passed} passed, ${t.failed} failed`);
  console.log(`  (${Math.round((Date.now() - started) / 1000)} s)`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed === 0 ? 0 : 1);
}

void main();
