import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { simpleParser } from "mailparser";
import { verifyAuditChain } from "@/lib/audit/verify";
import { JOB_SCHEMA, JOBS } from "@/lib/jobs/queues";
import { e2eAppEnv, e2eDatabaseUrl } from "../../scripts/lib/e2e-db";
import { startInstances, type Instances } from "../../scripts/lib/instances";
import { clusterUrl } from "../../scripts/lib/local-db";
import { startRoundRobinProxy, type RoundRobinProxy } from "../../scripts/lib/round-robin-proxy";
import { spawnWorker } from "../../scripts/lib/worker-process";
import { createAccount, query, TEST_ACCOUNT_PASSWORD } from "./fixtures";
import { enterPassword, signInAs } from "./helpers";

/*
 * Several instances on one database (issue 16): two more servers of the same production build
 * (.next) on the end-to-end database, and a second job worker beside the e2e server's, behind a
 * loopback proxy that sends each request to the next instance in turn (scripts/lib/round-robin-proxy.ts).
 * Sessions, the sign-in lockout, server actions, jobs and the audit chain must behave as with one.
 */

test.describe.configure({ mode: "serial", timeout: 120_000 });

const MAIL_DIR = path.join(__dirname, "..", "..", "test-results", "e2e-mail");

let instances: Instances;
let worker: ChildProcess;
let proxy: RoundRobinProxy;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const smtpPort = process.env.E2E_SMTP_PORT ?? "2625";
  const env = { ...(await e2eAppEnv(await clusterUrl("test"))), SMTP_URL: `smtp://127.0.0.1:${smtpPort}` };
  // Both instances start together; the proxy is only told where they are once they answer.
  instances = await startInstances(2, env);
  proxy = await startRoundRobinProxy(instances.urls);
  worker = spawnWorker({ ...env, APP_URL: proxy.url });
});

test.afterAll(async () => {
  worker?.kill("SIGTERM");
  await proxy?.close();
  await instances?.stop();
});

async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: proxy.url, locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  return context.newPage();
}

/** Which instances answered requests of `method` to `pathname` (any query), in order, since `from`. */
function servedBy(method: string, pathname: string, from = 0): number[] {
  return proxy.log
    .slice(from)
    .filter((r) => r.method === method && r.path.split("?")[0] === pathname)
    .map((r) => r.instance);
}

const distinct = (xs: number[]) => [...new Set(xs)].sort();

async function mailsTo(email: string): Promise<number> {
  let files: string[] = [];
  try {
    files = readdirSync(MAIL_DIR).filter((f) => f.endsWith(".eml"));
  } catch {
    return 0;
  }
  let n = 0;
  for (const file of files) {
    const mail = await simpleParser(readFileSync(path.join(MAIL_DIR, file)));
    if ([mail.to].flat().some((a) => a?.text === email)) n += 1;
  }
  return n;
}

test("signed in on one instance, carried on on the other; a form rendered by one is saved by the other; a job sent from both runs once; a stale action says to reload", async ({
  browser,
}) => {
  const account = await createAccount({ role: "PROBATION" });
  const page = await openPage(browser);

  // The whole sign-in on instance 0, the next page on instance 1: the session is the database's.
  proxy.pin(0);
  await signInAs(page, account.email, account.password, account.secret!);
  proxy.pin(1);
  const start = proxy.log.length;
  await page.goto("/account/digest");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/account\/digest$/);
  expect(distinct(servedBy("GET", "/account/digest", start))).toEqual([1]);

  // Rendered by instance 1, posted to instance 0: the same build and action key, so it is saved.
  proxy.pin(0);
  const beforeFirst = proxy.log.length;
  await page.getByRole("button", { name: "Skicka dagens sammanfattning nu" }).click();
  await expect(page.getByText(`Dagens sammanfattning skickas till ${account.email}`)).toBeVisible();
  expect(servedBy("POST", "/account/digest", beforeFirst)).toEqual([0]);

  // The same request again from instance 1: sent twice, one digest (the day's claim).
  proxy.pin(1);
  await page.goto("/account/digest");
  await expect(page.getByText(`Dagens sammanfattning skickas till ${account.email}`)).toBeHidden();
  const beforeSecond = proxy.log.length;
  await page.getByRole("button", { name: "Skicka dagens sammanfattning nu" }).click();
  await expect(page.getByText(`Dagens sammanfattning skickas till ${account.email}`)).toBeVisible();
  expect(servedBy("POST", "/account/digest", beforeSecond)).toEqual([1]);
  const jobStates = () =>
    query<{ state: string }>(`SELECT state FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>'userId' = $2`, [
      JOBS.digestUser.name,
      account.id,
    ]).then((rows) => rows.map((r) => r.state).sort());
  // Two jobs, both run, one of them sending; or, where "send it now" is one job per user and
  // ten-minute slot (pg-boss's singletonKey, a unique index both instances' sends meet), one job.
  await expect
    .poll(
      async () => {
        const states = await jobStates();
        return states.every((s) => s === "completed") ? states.length : 0;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBeGreaterThanOrEqual(1);
  expect((await jobStates()).length).toBeLessThanOrEqual(2);
  const deliveries = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "DigestDelivery" WHERE "userId" = $1`, [
    account.id,
  ]);
  expect(deliveries[0]!.n).toBe(1);
  await expect.poll(() => mailsTo(account.email), { timeout: 10_000 }).toBe(1);

  // Round-robin from here on: pages keep the session whichever instance answers.
  proxy.pin(null);
  const roundRobin = proxy.log.length;
  for (let i = 0; i < 2; i++) {
    await page.goto("/account/digest");
    await expect(page.getByRole("button", { name: "Skicka dagens sammanfattning nu" })).toBeVisible();
  }
  expect(new Set(proxy.log.slice(roundRobin).map((r) => r.instance))).toEqual(new Set([0, 1]));

  // A page from before a deploy posts an action id this build does not know: Next.js answers 409
  // (x-nextjs-action-not-found), and the form says to reload instead of showing an error page.
  const staleId = "7f" + "0".repeat(40);
  let staleStatus = 0;
  await page.route(/\/account\/digest(\?|$)/, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const response = await route.fetch({ headers: { ...request.headers(), "next-action": staleId } });
    staleStatus = response.status();
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "Skicka dagens sammanfattning nu" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Appen har uppdaterats. Ladda om sidan." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Skicka dagens sammanfattning nu" })).toBeVisible();
  expect(staleStatus).toBe(409);
  await page.context().close();
});

test("failed sign-ins on alternating instances lock the account at the same threshold as on one", async ({
  browser,
}) => {
  const account = await createAccount({ role: "SOCIAL" });
  const page = await openPage(browser);
  const start = proxy.log.length;
  for (let i = 0; i < 5; i++) {
    proxy.pin(i % 2);
    await enterPassword(page, account.email, `fel lösenord nummer ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();
  }
  proxy.pin(1);
  await enterPassword(page, account.email, TEST_ACCOUNT_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "För många" })).toHaveText(
    "För många misslyckade inloggningsförsök. Försök igen om 15 minuter.",
  );
  proxy.pin(null);
  expect(servedBy("POST", "/login", start)).toEqual([0, 1, 0, 1, 0, 1]);
  await page.context().close();
});

test("the audit chain both instances have been chaining is whole", async () => {
  const url = e2eDatabaseUrl(await clusterUrl("test"));
  // Every event of this file's accounts linked by the instances' own chainers (200 ms after an append).
  await expect
    .poll(
      async () =>
        (
          await query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "AuditPending" p JOIN "AuditEvent" e ON e.id = p."eventId"
             WHERE e."actorId" IN (SELECT id FROM "User" WHERE email LIKE 'e2e-%')`,
          )
        )[0]!.n,
      { timeout: 20_000, intervals: [500] },
    )
    .toBe(0);
  const report = await verifyAuditChain(url);
  expect(report.firstBreak).toBeNull();
  expect(report.ok).toBe(true);
  expect(report.checked).toBeGreaterThan(0);
});
