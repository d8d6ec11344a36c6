import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { appSecrets, ROOT } from "../../scripts/lib/local-db";
import { runPrismaOrThrow } from "../../scripts/lib/prisma-cli";
import { freePort, startScratchCluster, type ScratchCluster } from "../../scripts/lib/scratch-cluster";
import { createAccount } from "./fixtures";
import { signInAs } from "./helpers";

/*
 * The app through a PostgreSQL restart: its own PostgreSQL server and its own app server (the
 * production build the other tests use), so stopping the database disturbs nobody else.
 */

let cluster: ScratchCluster;
let app: ChildProcess;
let appUrl: string;
const logLines: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startScratchCluster("restart-e2e");
  await runPrismaOrThrow(["migrate", "deploy"], cluster.url, { quiet: true });
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  app = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...(await appSecrets()),
        DATABASE_URL: cluster.url,
        NODE_ENV: "production",
        LOG_LEVEL: "info",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  for (const stream of [app.stdout!, app.stderr!])
    stream.on("data", (chunk: Buffer) => logLines.push(...chunk.toString().split("\n").filter(Boolean)));
  await expect
    .poll(async () => (await fetch(`${appUrl}/api/health`).catch(() => null))?.status, { timeout: 60_000 })
    .toBe(200);
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await cluster?.destroy();
});

test("during a database restart pages say 'try again' in Swedish, and the app recovers by itself", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const db = new pg.Pool({ connectionString: cluster.url, max: 1 });
  await db.query(`INSERT INTO "Site" (id, code, name) VALUES (gen_random_uuid(), 'malmo', 'Malmö')`);
  const account = await createAccount({ role: "POLICE", db });
  await db.end();

  const context = await browser.newContext({ baseURL: appUrl });
  const page = await context.newPage();
  await signInAs(page, account.email, account.password, account.secret!);
  await expect(page.getByRole("heading", { level: 1, name: "Mina ärenden" })).toBeVisible();

  await cluster.stop();
  const during = await page.goto("/caseload");
  expect(during?.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1, name: "Tjänsten är tillfälligt otillgänglig" })).toBeVisible();
  await expect(page.getByText("Försök igen om en stund.")).toBeVisible();
  const html = await page.content();
  for (const leak of ["ECONNREFUSED", "prisma", "at async", "node_modules", "Error:"]) expect(html).not.toContain(leak);
  const health = await fetch(`${appUrl}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable", database: "unavailable" });

  await cluster.start();
  // No restart of the app: the next requests find the database again, and the session held.
  await expect
    .poll(async () => (await page.goto("/caseload"))?.status(), { timeout: 30_000, intervals: [500] })
    .toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Mina ärenden" })).toBeVisible();
  expect((await fetch(`${appUrl}/api/health`)).status).toBe(200);
  await context.close();

  // The outage is in the server log as JSON lines with the request id, never as free text.
  const failures = logLines
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { msg?: string; requestId?: string; err?: { type?: string } });
  expect(
    failures.some((l) => l.msg === "request failed" && l.requestId && l.err?.type === "ServiceUnavailableError"),
  ).toBe(true);
  const freeText = logLines.filter((l) => !l.startsWith("{") && /error|⨯/i.test(l));
  expect(freeText).toEqual([]);
});
