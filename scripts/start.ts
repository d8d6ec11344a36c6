/**
 * `npm start` (production build) and `npm run dev` (hot reload): one command from a fresh clone to
 * a running app on http://localhost:3000.
 *
 * 1. secrets: AUTH_SECRET from the environment, or generated once and kept in .data/local.json;
 * 2. database: DATABASE_URL, or an embedded PostgreSQL under .data/postgres (started here);
 * 3. migrations applied; the demo data loaded into an empty database (not one marked production,
 *    and not when DEMO_SEED=off); a second start reuses the data as it is;
 * 4. with the demo data, the test IdP on loopback (scripts/lib/demo-idp.ts, TEST_IDP_PORT, default
 *    3900) for "Logga in med e-legitimation (test-IdP)";
 * 5. with the demo data, a test SMTP server on loopback (scripts/lib/test-smtp.ts, TEST_SMTP_PORT,
 *    default 2525) that receives the daily digest and keeps each message in .data/mail/*.eml,
 *    unless SMTP_URL names a real one; and the job worker (scripts/worker.ts: retention, digest);
 * 6. `next build` when the sources are newer than the last build (start only), then the server:
 *    scripts/serve.mjs, Next.js's custom server, which puts the TCP peer's address into
 *    X-Forwarded-For (the audit log and the sign-in throttle must not take the client's word).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "./lib/build";
import { startDemoIdp } from "./lib/demo-idp";
import { startTestSmtp, type TestSmtp } from "./lib/test-smtp";
import { spawnWorker } from "./lib/worker-process";
import { appSecrets, ensureDatabase, ROOT, startCluster } from "./lib/local-db";
import { runPrismaOrThrow } from "./lib/prisma-cli";
import { seedDemoDatabase } from "./lib/seed-runner";

const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SERVE = path.join(ROOT, "scripts", "serve.mjs");

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, env, stdio: "inherit" });
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
}

async function main() {
  const dev = process.argv.includes("--dev");
  const cluster = await startCluster("app");
  let stopping = false;
  let idp: Awaited<ReturnType<typeof startDemoIdp>> = null;
  let smtp: TestSmtp | null = null;
  let worker: ChildProcess | null = null;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    worker?.kill("SIGTERM");
    await idp?.stop();
    await smtp?.stop();
    await cluster.stop();
    process.exit(code);
  };

  try {
    await ensureDatabase(cluster.url);
    await runPrismaOrThrow(["migrate", "deploy"], cluster.url, { quiet: true });
    if (process.env.DEMO_SEED !== "off") await seedDemoDatabase(cluster.url, { auto: true });

    const secrets = await appSecrets();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: cluster.url,
      ...secrets,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const port = process.env.PORT ?? "3000";
    idp = await startDemoIdp({
      databaseUrl: cluster.url,
      authSecret: secrets.AUTH_SECRET,
      port: Number(process.env.TEST_IDP_PORT ?? 3900),
      appOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
    });
    if (idp) console.log(`Test-IdP för demodata (ingen riktig e-legitimation): ${idp.issuer}`);
    if (idp && !env.SMTP_URL) {
      smtp = await startTestSmtp({
        port: Number(process.env.TEST_SMTP_PORT ?? 2525),
        dir: path.join(ROOT, ".data", "mail"),
        onMessage: (m) =>
          console.log(
            `Test-SMTP tog emot e-post till ${
              m.to
                ? [m.to]
                    .flat()
                    .map((a) => a.text)
                    .join(", ")
                : "?"
            }: ${m.subject ?? ""}`,
          ),
      });
      env.SMTP_URL = smtp.url;
      env.APP_URL ??= `http://localhost:${port}`;
      console.log(`Test-SMTP för demodata (skickar aldrig vidare): ${smtp.url}, e-posten sparas i .data/mail`);
    }
    worker = spawnWorker(env);

    if (!dev && buildIsStale()) {
      console.log("Bygger appen (next build) …");
      const code = await waitFor(run(["build"], { ...env, NODE_ENV: "production" }));
      if (code !== 0) throw new Error("next build failed");
    }

    const server = spawn(process.execPath, [SERVE, ...(dev ? ["--dev"] : []), "--port", port], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: dev ? "development" : "production" },
      stdio: "inherit",
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        server.kill(signal);
      });
    }
    console.log(
      `Samverkan: http://localhost:${port}${cluster.shownDir ? ` (inbyggd PostgreSQL i ${cluster.shownDir})` : ""}`,
    );
    await stop(await waitFor(server));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
