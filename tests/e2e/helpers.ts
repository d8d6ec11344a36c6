import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type BrowserContext, type Cookie, type Locator, type Page } from "@playwright/test";
import { totpCode, totpStep, TOTP_PERIOD_SECONDS } from "@/lib/auth/totp";
import { DEMO_TOTP_SECRETS } from "../../prisma/seed/demo-totp";

/** The demo accounts (prisma/seed/demo.ts); demo passwords and TOTP secrets are for development only. */
export const DEMO_PASSWORD = "Samverkan-demo-2026";
export const ACCOUNTS = {
  POLICE: { email: "polis@malmo.samverkan.test", name: "Jonas Berglund", start: "/caseload", heading: "Mina ärenden" },
  SOCIAL: { email: "social@malmo.samverkan.test", name: "Maria Ekström", start: "/caseload", heading: "Mina ärenden" },
  PROBATION: {
    email: "frivard@malmo.samverkan.test",
    name: "Karin Nyström",
    start: "/caseload",
    heading: "Mina ärenden",
  },
  MANAGER: { email: "ledning@malmo.samverkan.test", name: "Lena Åberg", start: "/dashboard", heading: "Översikt" },
  ADMIN: { email: "admin@malmo.samverkan.test", name: "Tomas Wik", start: "/admin/users", heading: "Användare" },
} as const;
export type DemoRole = keyof typeof ACCOUNTS;

/** Step 1 of the login form: e-mail and password (stays on the page if they are refused). */
export async function enterPassword(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
}

const onLoginPages = (url: URL) => url.pathname.startsWith("/login");

// The TOTP steps used in this run, per secret, shared by every worker: a file per secret, taken
// under a lock directory (mkdir is atomic). Workers share the demo accounts, and the server
// accepts each step once: without the ledger, two workers signing one account in raced for the
// same steps, and a worker that signs out and in again between tests could win every race and
// leave the other refused for a minute (seen in CI: "the second factor was refused six times").
const LEDGER = path.join(os.tmpdir(), "samverkan-e2e-totp");

/**
 * The time a sign-in spent waiting for the ledger or for a free step is added to the test's own
 * timeout: the wait is the test set-up's, not the journey's (up to 30 s a step when the other
 * worker has just signed the same account in).
 */
function allowFor(ms: number) {
  try {
    const info = test.info();
    info.setTimeout(info.timeout + ms);
  } catch {
    // Outside a test (a script's own sign-in): no timeout to extend.
  }
}

async function withLedger<T>(secret: string, run: (lastUsedStep: number | null) => Promise<[T, number]>): Promise<T> {
  const key = createHash("sha256").update(secret).digest("hex").slice(0, 16);
  const lock = path.join(LEDGER, `${key}.lock`);
  const file = path.join(LEDGER, `${key}.step`);
  fs.mkdirSync(LEDGER, { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(lock);
      allowFor(waited);
      break;
    } catch {
      // A lock older than two minutes is a killed worker's (a holder needs at most ~90 s).
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    const last = fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) : null;
    const [result, used] = await run(Number.isFinite(last) ? last : null);
    fs.writeFileSync(file, String(Math.max(used, last ?? used)));
    return result;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Step 2: a TOTP code computed from the account's secret, as the user's phone would. The server
 * accepts each code once (replay protection) and one step either side of now. The ledger above
 * gives each sign-in a step no other sign-in of this run has used; the code of the next step is
 * used rather than waiting up to 30 s when the current one is taken. A refused code (the step
 * used by someone outside the ledger) moves on to the next step; a refused replay never counts
 * towards a lockout.
 */
export async function enterTotp(page: Page, secret: string) {
  const answers: string[] = [];
  const signedIn = await withLedger(secret, async (lastUsedStep) => {
    let floor = lastUsedStep ?? -Infinity;
    for (let attempt = 0; attempt < 4; attempt++) {
      let step = Math.max(totpStep(Date.now()), floor + 1);
      // More than one step ahead is outside the server's tolerance: wait until it is not.
      while (step > totpStep(Date.now()) + 1) {
        const wait = (TOTP_PERIOD_SECONDS - ((Date.now() / 1000) % TOTP_PERIOD_SECONDS) + 0.2) * 1000;
        allowFor(wait);
        await page.waitForTimeout(wait);
        step = Math.max(totpStep(Date.now()), floor + 1);
      }
      floor = step;
      await page.getByLabel("Engångskod").fill(await totpCode(secret, { step }));
      // Bounded: on a loaded machine a click right after a refused code has been seen to submit
      // nothing, and an unbounded wait then ate the whole test's time. The next round fills again.
      const answered = page
        .waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login/verify", {
          timeout: 20_000,
        })
        .catch(() => null);
      await page.getByRole("button", { name: "Verifiera" }).click();
      const response = await answered;
      // A server action that signed in answers with a redirect (Next.js's x-action-redirect header).
      if (response?.headers()["x-action-redirect"] || !onLoginPages(new URL(page.url())))
        return [true, step] as [boolean, number];
      // What the page said, for the error below: a replay and a wrong code read alike ("Koden
      // stämmer inte."), a lockout or an outage do not; after a lockout, trying again is pointless.
      await page
        .getByRole("alert")
        .filter({ hasNotText: "Tvåstegsverifiering" })
        .first()
        .waitFor({ timeout: 3_000 })
        .catch(() => undefined);
      const said = (
        await page
          .getByRole("alert")
          .allTextContents()
          .catch(() => [])
      )
        .join(" ")
        .trim();
      answers.push(`step ${step}, ${response ? response.status() : "no answer"}: ${said || "(no message)"}`);
      if (said.includes("För många")) break;
    }
    return [false, floor] as [boolean, number];
  });
  if (!signedIn) throw new Error(`the second factor was refused: ${answers.join(" | ")}`);
  await page.waitForURL((url) => !onLoginPages(url));
}

/** The whole login: password, then the TOTP code. Lands where the role starts. */
export async function signInAs(page: Page, email: string, password: string, secret: string) {
  await enterPassword(page, email, password);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await enterTotp(page, secret);
}

// Sessions this worker has signed in, per role. Playwright runs one worker's tests one after
// another, so a test never shares a live session with a test running at the same time.
const sessions = new Map<DemoRole, Cookie[]>();

async function resumeSession(context: BrowserContext, page: Page, role: DemoRole): Promise<boolean> {
  const cookies = sessions.get(role);
  if (!cookies) return false;
  await context.addCookies(cookies);
  await page.goto(ACCOUNTS[role].start);
  if (new URL(page.url()).pathname === ACCOUNTS[role].start) return true;
  // Signed out (or timed out) since: the server refused the session. Sign in anew.
  sessions.delete(role);
  await context.clearCookies();
  return false;
}

/**
 * Signs in as a demo role and lands on its start page. The first time in a worker (and after a
 * sign-out) it walks the whole login, password and TOTP code; afterwards it resumes that session,
 * which the server still checks on every request. A TOTP code is accepted once per account: fresh
 * logins for every test would queue on the 30-second steps of the five shared demo accounts.
 */
export async function signIn(page: Page, role: DemoRole) {
  const account = ACCOUNTS[role];
  const context = page.context();
  if (!(await resumeSession(context, page, role))) {
    await signInAs(page, account.email, DEMO_PASSWORD, DEMO_TOTP_SECRETS[account.email]!);
    sessions.set(
      role,
      (await context.cookies()).filter((c) => c.name.includes("session-token")),
    );
  }
  await expect(page).toHaveURL(new RegExp(`${account.start}$`), { timeout: 20_000 });
}

/** Signs out and waits until the sign-out has gone through (a navigation right after the click would race it). */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Logga in", exact: true })).toBeVisible();
}

/**
 * The caseload gate (issue 4): opening the file of a person outside one's own caseload asks for a
 * reason first. Waits for the navigation to a person's file to settle; gives a reason if asked.
 */
export async function giveAccessReasonIfAsked(page: Page, ready?: Locator) {
  // Either the reason form or the page asked for (by default the file, whose header links to the
  // person's consent; for a referral, a follow-up or a form about the person, what that page
  // shows) — the URL alone can show the page's address before the server's redirect is followed.
  const shown = ready ?? page.getByRole("main").getByRole("link", { name: "Samtycke", exact: true });
  const asked = page.getByRole("heading", { level: 1, name: "Skäl för åtkomst" });
  await expect(asked.or(shown).first()).toBeVisible({ timeout: 20_000 });
  if (!(await asked.isVisible())) return;
  await page.getByRole("radio", { name: "Gemensam planering mellan myndigheterna" }).check();
  await page.getByRole("button", { name: "Öppna personakten" }).click();
  await expect(shown.first()).toBeVisible({ timeout: 20_000 });
}
