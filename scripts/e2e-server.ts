/**
 * The server Playwright tests run against (playwright.config.ts starts it): a fresh database of its
 * own (`samverkan_e2e` on the test cluster, or `<name>_e2e` beside DATABASE_URL), migrated and
 * loaded with the demo data (unless E2E_DATABASE_READY=1 says `npm test` has just done so), and
 * the production build served on port 3100 by the app's own server (scripts/serve.mjs, as
 * `npm start` serves it: the peer's address appended to X-Forwarded-For).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, startCluster } from "./lib/local-db";
import { e2eAppEnv, prepareE2eDatabase } from "./lib/e2e-db";
import { startDemoIdp } from "./lib/demo-idp";
import { startTestSmtp } from "./lib/test-smtp";
import { spawnWorker } from "./lib/worker-process";

async function main() {
  const cluster = await startCluster("test", { quiet: true });
  // `npm test` prepares it beside its other checks (scripts/test-all.ts).
  if (process.env.E2E_DATABASE_READY !== "1") await prepareE2eDatabase(cluster.url);
  const port = process.env.E2E_PORT ?? "3100";
  // The digest journeys read what the worker sent from here (tests/e2e/mail.ts), E2E_SMTP_PORT.
  const smtp = await startTestSmtp({
    port: Number(process.env.E2E_SMTP_PORT ?? 2625),
    dir: path.join(ROOT, "test-results", "e2e-mail"),
  });
  const env = { ...(await e2eAppEnv(cluster.url)), SMTP_URL: smtp.url, APP_URL: `http://127.0.0.1:${port}` };
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawn(process.execPath, [next, "build"], { cwd: ROOT, env, stdio: "inherit" });
    const code = await new Promise<number>((resolve) => build.on("close", (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error("next build failed");
  }
  // The journeys sign in through the same test IdP as the demo (E2E_IDP_PORT, default 3910).
  const idp = await startDemoIdp({
    databaseUrl: env.DATABASE_URL,
    authSecret: env.AUTH_SECRET,
    port: Number(process.env.E2E_IDP_PORT ?? 3910),
    appOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  });
  const serve = path.join(ROOT, "scripts", "serve.mjs");
  const server = spawn(process.execPath, [serve, "--port", port], {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  const worker = spawnWorker(env);
  const shutdown = () => {
    worker.kill("SIGTERM");
    server.kill("SIGTERM");
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  const code = await new Promise<number>((resolve) => server.on("close", (c) => resolve(c ?? 0)));
  worker.kill("SIGTERM");
  await idp?.stop();
  await smtp.stop();
  await cluster.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
