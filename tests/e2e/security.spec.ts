import { expect, test, type Page, type Response } from "@playwright/test";
import { totpCode, totpStep } from "@/lib/auth/totp";
import { ageSessions, createAccount, e2eDb, TEST_ACCOUNT_PASSWORD } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./a11y";
import { enterPassword, enterTotp, signIn, signInAs, signOut } from "./helpers";

/** Every CSP violation and console error in the page, collected from before its first script runs. */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __violations: string[] }).__violations ??= [];
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

async function violationsIn(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
}

function expectHardened(response: Response | null, path: string) {
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"], path).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/,
  );
  expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], path).not.toContain("unsafe-eval");
  expect(headers["strict-transport-security"], path).toContain("max-age=");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("no-referrer");
  expect(headers["permissions-policy"], path).toContain("camera=()");
  expect(headers["x-request-id"], path).toBeTruthy();
}

/** The page was hydrated by React: its DOM nodes carry React's fiber (scripts ran under the CSP). */
async function expectHydrated(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__reactFiber")),
        ),
      { timeout: 10_000 },
    )
    .toBe(true);
}

test("every page has a nonce CSP and the hardening headers; scripts carry the nonce, pages hydrate, nothing is blocked", async ({
  page,
  request,
}) => {
  test.slow(); // many pages
  const problems = await watchForViolations(page);
  const login = await page.goto("/login");
  expectHardened(login, "/login");
  await expectHydrated(page);

  // The nonce in the header is the one on every script of the HTML, and it changes per request.
  const html = await request.get("/login");
  const nonce = /'nonce-([^']+)'/.exec(html.headers()["content-security-policy"]!)![1];
  const scripts = (await html.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);

  // Signing in uses server-action forms: they work under the policy.
  await signIn(page, "POLICE");
  for (const path of ["/caseload", "/people", "/account/password", "/finns-inte"]) {
    const response = await page.goto(path);
    expectHardened(response, path);
    await expectHydrated(page);
  }
  await page.goto("/people");
  await page.getByRole("table").getByRole("link").first().click();
  await expectHydrated(page);
  expectHardened(await page.reload(), "person file");
  // Files and the health check get the static headers too.
  const health = await request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");

  expect(await violationsIn(page)).toEqual([]);
  expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
});

test("a cross-site POST is refused before it reaches a page or an action", async ({ page, baseURL }) => {
  await signIn(page, "POLICE");
  // A page on another site with a form that posts to Samverkan, as a CSRF attack would.
  await page.route("http://angripare.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" action="${baseURL}/account/password"><input name="newPassword" value="x"><button>Skicka</button></form>`,
    }),
  );
  await page.goto("http://angripare.example/");
  const [response] = await Promise.all([
    page.waitForResponse(`${baseURL}/account/password`),
    page.getByRole("button", { name: "Skicka" }).click(),
  ]);
  expect(response.status()).toBe(403);
  await expect(page.getByText("Förfrågan avvisades: den kom från en annan webbplats.")).toBeVisible();

  // The signed-in session's own cookies with another site's Origin: refused too. The same site: not.
  const forged = await page.request.post("/people", {
    headers: { Origin: "https://angripare.example" },
    form: { q: "x" },
  });
  expect(forged.status()).toBe(403);
  const sameSite = await page.request.post("/people", {
    headers: { Origin: new URL(baseURL!).origin },
    form: { q: "x" },
  });
  expect(sameSite.status()).not.toBe(403);
});

test("an account is locked after five failed attempts, and says so in Swedish even to the right password", async ({
  page,
}) => {
  // (An address without an account is locked the same way: tests/integration/auth.test.ts.)
  const account = await createAccount({ role: "SOCIAL" });
  for (let i = 0; i < 5; i++) {
    await enterPassword(page, account.email, `fel lösenord nummer ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();
  }
  await enterPassword(page, account.email, TEST_ACCOUNT_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "För många" })).toHaveText(
    "För många misslyckade inloggningsförsök. Försök igen om 15 minuter.",
  );
  await expect(page).toHaveURL(/\/login$/);
});

test("a sign-in link with a hostile next lands on the app's own start page, without an error page", async ({
  page,
  baseURL,
}) => {
  test.slow(); // two sign-ins of one account: the second waits for a fresh TOTP step
  const account = await createAccount({ role: "POLICE" });
  // A tab that Chromium strips (/\t/evil.test → //evil.test), and CR LF, which broke the Location header.
  for (const next of ["%2F%09%2Fevil.test%2Fphish", "%2Fpeople%0D%0ASet-Cookie%3A%20x%3D1"]) {
    await page.goto(`/login?next=${next}`);
    await page.getByLabel("E-postadress").fill(account.email);
    await page.getByLabel("Lösenord").fill(account.password);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page).toHaveURL(/\/login\/verify$/);
    await enterTotp(page, account.secret!);
    await expect(page).toHaveURL(`${new URL(baseURL!).origin}/caseload`);
    await expect(page.getByRole("heading", { level: 1, name: "Mina ärenden" })).toBeVisible();
    await signOut(page);
  }
});

test("a forged X-Forwarded-For is neither the audited address nor a way around the per-address sign-in limit", async ({
  page,
}) => {
  // The app is served as `npm start` serves it (scripts/serve.mjs) with no proxy in front
  // (TRUSTED_PROXY_HOPS=0): the address is the TCP peer's, whatever the client writes.
  const account = await createAccount({ role: "PROBATION" });
  const db = await e2eDb();
  const countOf = async (key: string) =>
    Number((await db.query(`SELECT points FROM "RateLimit" WHERE key = $1`, [key])).rows[0]?.points ?? 0);
  const before = await countOf("login-ip:127.0.0.1");
  const forged = ["203.0.113.66", "198.51.100.7, 203.0.113.67", "127.0.0.2"];
  for (const header of forged) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": header });
    await enterPassword(page, account.email, `fel lösenord ${header}`);
    await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();
  }
  const audited = await db.query(
    `SELECT "ipAddress" FROM "AuditEvent" WHERE action = 'SIGN_IN_FAILED' AND "entityId" = $1 ORDER BY id`,
    [account.id],
  );
  expect(audited.rows).toEqual(forged.map(() => ({ ipAddress: "127.0.0.1" })));
  // Every failure counted on the one real address (other workers' failures may add to it), none on a forged one.
  expect(await countOf("login-ip:127.0.0.1")).toBeGreaterThanOrEqual(before + forged.length);
  const forgedKeys = await db.query(`SELECT key FROM "RateLimit" WHERE key = ANY($1)`, [
    ["203.0.113.66", "203.0.113.67", "198.51.100.7", "127.0.0.2"].map((a) => `login-ip:${a}`),
  ]);
  expect(forgedKeys.rows).toEqual([]);
});

test("a malformed address or search string gets a Swedish answer, never a 500", async ({ page, browser }) => {
  const unreadable = "Adressen kunde inte läsas: den innehåller ogiltiga tecken.";
  await signIn(page, "POLICE");
  // An encoded NUL anywhere, or a path that does not percent-decode: one answer for every route.
  for (const path of [
    "/people?q=%00",
    "/enforcement?q=%00",
    "/groups?q=%00",
    "/call-ins?q=%00",
    "/referrals?q=abc%00",
    "/incidents?district=%00",
    "/people/%E0%A4%A",
    "/people/%ZZ",
    "/people%00",
    "/login?next=%00",
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain(unreadable);
    expect(response.headers()["x-request-id"], path).toBeTruthy();
  }
  // Other control characters reach the page, which says so next to the search field and searches nothing.
  for (const [path, label] of [
    ["/people?q=An%01na", "Sök på namn, alias eller personnummer"],
    ["/groups?q=%1B", "Sök på namn"],
    ["/enforcement?q=%7F", "Sök på personens namn"],
    ["/call-ins?q=%08", "Sök på lokal"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("searchbox", { name: label, exact: true }), path).toHaveAccessibleDescription(
      /Texten innehåller otillåtna tecken\./,
    );
  }
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "ADMIN");
  for (const path of ["/admin/users/%ZZ", "/admin/users/%E0%A4%A", "/admin/audit?from=%00"]) {
    const response = await admin.request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain(unreadable);
  }
});

test("a password form of more than 1 MB gets a clear Swedish answer, not a 500", async ({ page }) => {
  const account = await createAccount({ role: "PROBATION" });
  await signInAs(page, account.email, account.password, account.secret!);
  await page.goto("/account/password");
  const submit = async (size: number) => {
    await page.getByLabel("Nuvarande lösenord").fill(account.password);
    await page.getByLabel("Nytt lösenord").fill("en helt ny lång fras");
    // A crafted request: the form's own maxlength would stop a person typing this.
    await page.evaluate((n) => {
      const input = document.querySelector<HTMLInputElement>('input[name="confirmPassword"]')!;
      input.removeAttribute("maxlength");
      input.value = "x".repeat(n);
    }, size);
    const answered = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/account/password",
    );
    await page.getByRole("button", { name: "Byt lösenord" }).click();
    return (await answered).status();
  };
  // Under the limit: the schema answers next to the field.
  expect(await submit(900_000)).toBe(200);
  await expect(page.getByText("Lösenorden är inte likadana.")).toBeVisible();
  // Over it: refused before the action runs, and the page says why.
  expect(await submit(1_100_000)).toBe(413);
  await expect(
    page.getByText(
      "Formuläret är för stort för att skickas (högst 1 MB). Ingenting sparades. Korta texterna och försök igen.",
    ),
  ).toBeVisible();
});

test("an idle session has expired: the next request goes to the login page, which says why", async ({ page }) => {
  const account = await createAccount({ role: "PROBATION" });
  await signInAs(page, account.email, account.password, account.secret!);
  await expect(page).toHaveURL(/\/caseload$/);
  expect(await ageSessions(account.id, 31)).toBe(1);
  await page.goto("/people");
  await expect(page).toHaveURL(/\/login\?session=idle$/);
  await expect(
    page.getByText("Du har loggats ut eftersom du inte har varit aktiv på en stund. Logga in igen."),
  ).toBeVisible();
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/login/);
});

test("a deactivated user's next request is refused, and they cannot sign in again", async ({ page, browser }) => {
  test.slow(); // several sign-ins in one journey
  const account = await createAccount({ role: "POLICE" });
  await signInAs(page, account.email, account.password, account.secret!);
  await expect(page).toHaveURL(/\/caseload$/);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "ADMIN");
  await admin.goto("/admin/users?page=1");
  await admin.goto(`/admin/users/${account.id}`);
  await expect(admin.getByRole("heading", { level: 1, name: account.name })).toBeVisible();
  await admin.getByRole("button", { name: "Inaktivera kontot" }).click();
  await expect(admin.getByText("Bekräfta att åtgärden är rätt.")).toBeVisible();
  await admin.getByLabel("Jag har kontrollerat att åtgärden är rätt").check();
  await admin.getByRole("button", { name: "Inaktivera kontot" }).click();
  await expect(
    admin.getByRole("status").filter({ hasText: "Kontot är inaktiverat och personen är utloggad." }),
  ).toBeVisible();
  await adminContext.close();

  await page.goto("/people");
  await expect(page).toHaveURL(/\/login\?session=ended$/);
  await enterPassword(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();
});

test("first sign-in enrols the authenticator and shows recovery codes once; a recovery code signs in", async ({
  page,
}) => {
  test.slow(); // several sign-ins in one journey
  const account = await createAccount({ role: "SOCIAL", enrolled: false });
  await enterPassword(page, account.email, account.password);
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await expect(page.getByRole("img", { name: "QR-kod som lägger till Samverkan i autentiseringsappen" })).toBeVisible();
  const secret = (await page.getByTestId("totp-manual-key").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Engångskod").fill("000000");
  await page.getByRole("button", { name: "Aktivera" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Koden stämmer inte." })).toBeVisible();
  await page.getByLabel("Engångskod").fill(await totpCode(secret, { step: totpStep(Date.now()) }));
  await page.getByRole("button", { name: "Aktivera" }).click();

  await expect(page.getByRole("heading", { name: "Spara dina reservkoder" })).toBeVisible();
  const codes = await page.getByRole("list", { name: "Reservkoder" }).getByRole("listitem").allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "Jag har sparat koderna – fortsätt" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  await signOut(page);

  await enterPassword(page, account.email, account.password);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.getByRole("link", { name: "Har du inte telefonen med dig? Använd en reservkod" }).click();
  await page.getByLabel("Reservkod").fill(codes[0]!);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(page).toHaveURL(/\/caseload$/);
});

test("changing the password: wrong current password and weak passwords are refused in Swedish; the new one works", async ({
  page,
}) => {
  test.slow(); // several sign-ins in one journey
  const account = await createAccount({ role: "PROBATION" });
  await signInAs(page, account.email, account.password, account.secret!);
  await page.getByRole("link", { name: "Byt lösenord" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Byt lösenord" })).toBeVisible();

  const attempt = async (current: string, next: string, repeat = next) => {
    await page.getByLabel("Nuvarande lösenord").fill(current);
    await page.getByLabel("Nytt lösenord").fill(next);
    await page.getByLabel("Upprepa det nya lösenordet").fill(repeat);
    await page.getByRole("button", { name: "Byt lösenord" }).click();
  };
  await attempt("fel nuvarande lösenord", "en helt ny lång fras");
  await expect(page.getByText("Det nuvarande lösenordet stämmer inte.")).toBeVisible();
  await attempt(account.password, "qwerty123456");
  await expect(page.getByText("Lösenordet är för vanligt och lätt att gissa. Välj ett annat.")).toBeVisible();
  await attempt(account.password, "kort");
  await expect(page.getByText("Lösenordet är för kort.")).toBeVisible();
  await attempt(account.password, "en helt ny lång fras", "en annan lång fras");
  await expect(page.getByText("Lösenorden är inte likadana.")).toBeVisible();
  await attempt(account.password, "en helt ny lång fras");
  await expect(page.getByRole("status").filter({ hasText: "Lösenordet är bytt." })).toBeVisible();

  await signOut(page);
  await enterPassword(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();
  await signInAs(page, account.email, "en helt ny lång fras", account.secret!);
  await expect(page).toHaveURL(/\/caseload$/);
});

test("the sign-in steps have no serious accessibility violations", async ({ page }) => {
  test.slow(); // axe runs three times
  const fresh = await createAccount({ role: "MANAGER", enrolled: false });
  await enterPassword(page, fresh.email, fresh.password);
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await expectNoSeriousA11yViolations(page);

  const enrolled = await createAccount({ role: "MANAGER" });
  await enterPassword(page, enrolled.email, enrolled.password);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await page.getByLabel("Engångskod").fill("000000");
  await page.getByRole("button", { name: "Verifiera" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Koden stämmer inte." })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Har du inte telefonen med dig? Använd en reservkod" }).click();
  await expect(page.getByRole("heading", { name: "Logga in med reservkod" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the password page and user administration have no serious accessibility violations", async ({ page }) => {
  test.slow(); // axe runs twice
  const account = await createAccount({ role: "PROBATION" });
  await signIn(page, "ADMIN");
  await page.goto("/account/password");
  await page.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(page.getByText("Kontrollera fälten som är markerade nedan.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/admin/users");
  // The list is by name and paged: the accounts other journeys add may push the demo's off page 1.
  await expect(page.getByRole("link", { name: /^Hantera / }).first()).toBeVisible();
  await page.goto(`/admin/users/${account.id}`);
  await expect(page.getByRole("heading", { level: 1, name: account.name })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
