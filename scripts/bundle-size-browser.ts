/**
 * Checks `npm run bundle:size` against a real browser: for a few pages, the JavaScript Chromium
 * transfers on an empty-cache load (response bodies as sent, gzip), beside the script's figure for
 * the same page. Run it against the build the script read, served by `npm start` (or the e2e server):
 *
 *   npx tsx scripts/bundle-size-browser.ts --base http://127.0.0.1:3000
 *
 * Signs in with the demo accounts (demo data only), so the database must hold the demo seed.
 */
import { chromium, type Browser, type BrowserContext, type Cookie } from "@playwright/test";
import { existsSync } from "node:fs";
import { totpCode, totpStep } from "@/lib/auth/totp";
import { DEMO_TOTP_SECRETS } from "../prisma/seed/demo-totp";
import { firstLoadSizes } from "./bundle-size";

const DEMO_PASSWORD = "Samverkan-demo-2026";
const baseIndex = process.argv.indexOf("--base");
const BASE = baseIndex === -1 ? "http://127.0.0.1:3000" : process.argv[baseIndex + 1]!;

async function signIn(browser: Browser, email: string): Promise<Cookie[]> {
  const context = await browser.newContext({ baseURL: BASE, locale: "sv-SE" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(/\/login\/verify$/);
  await page.getByLabel("Engångskod").fill(await totpCode(DEMO_TOTP_SECRETS[email]!, { step: totpStep(Date.now()) }));
  await page.getByRole("button", { name: "Verifiera" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

type Transfer = { atLoad: number; afterIdle: number; files: number; urls: string[] };

/** A fresh context has an empty cache: every script is fetched. */
async function transferredJs(browser: Browser, cookies: Cookie[], path: string): Promise<Transfer & { url: string }> {
  const context: BrowserContext = await browser.newContext({ baseURL: BASE, locale: "sv-SE" });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  const urls: string[] = [];
  let loaded = false;
  const atLoad: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script") return;
    urls.push(new URL(request.url()).pathname.replace(/^\/_next\//, ""));
    const size = request.sizes().then((s) => s.responseBodySize);
    sizes.push(size);
    if (!loaded) atLoad.push(size);
  });
  await page.goto(path, { waitUntil: "load" });
  loaded = true;
  await page.waitForLoadState("networkidle");
  const sum = async (list: Promise<number>[]) => (await Promise.all(list)).reduce((a, b) => a + b, 0);
  const result = { atLoad: await sum(atLoad), afterIdle: await sum(sizes), files: sizes.length, urls, url: page.url() };
  await context.close();
  return result;
}

async function main() {
  const browser = await chromium.launch(
    existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] } : {},
  );
  const manager = await signIn(browser, "ledning@malmo.samverkan.test");
  const police = await signIn(browser, "polis@malmo.samverkan.test");

  // A person in the officer's own caseload (no access reason asked).
  const context = await browser.newContext({ baseURL: BASE });
  await context.addCookies(police);
  const caseload = await context.newPage();
  await caseload.goto("/caseload");
  const hrefs = await caseload
    .locator('main a[href^="/people/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const personHref = hrefs.find((href) => /^\/people\/[^/]+$/.test(href) && href !== "/people/new");
  await context.close();

  const checks: { route: string; path: string; cookies: Cookie[] }[] = [
    { route: "/login", path: "/login", cookies: [] },
    { route: "/dashboard", path: "/dashboard", cookies: manager },
    { route: "/caseload", path: "/caseload", cookies: police },
    { route: "/people", path: "/people", cookies: police },
    { route: "/people/new", path: "/people/new", cookies: police },
    ...(personHref ? [{ route: "/people/[id]", path: personHref, cookies: police }] : []),
  ];
  const script = new Map(firstLoadSizes().map((p) => [p.route, p]));
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log("page            script (build)   browser, at load   browser, after idle   files (script/browser)");
  for (const check of checks) {
    const measured = await transferredJs(browser, check.cookies, check.path);
    const expected = script.get(check.route);
    const fetched = new Set(measured.urls);
    const counted = new Set(expected?.files ?? []);
    for (const file of counted) if (!fetched.has(file)) console.log(`  counted, not fetched: ${file}`);
    for (const file of fetched) if (!counted.has(file)) console.log(`  fetched, not counted: ${file}`);
    if (new URL(measured.url).pathname !== check.path) console.log(`  (${check.path} landed on ${measured.url})`);
    console.log(
      `${check.route.padEnd(14)}  ${kb(expected?.bytes ?? 0).padStart(14)}   ${kb(measured.atLoad).padStart(16)}   ${kb(measured.afterIdle).padStart(19)}   ${expected?.files.length ?? 0}/${measured.files}`,
    );
  }
  await browser.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
