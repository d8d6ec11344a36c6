import { expect, test } from "@playwright/test";
import { DEMO_TOTP_SECRETS } from "../../prisma/seed/demo-totp";
import { ACCOUNTS, DEMO_PASSWORD, enterPassword, signIn, signInAs, signOut, type DemoRole } from "./helpers";

const ROLES = Object.keys(ACCOUNTS) as DemoRole[];
const OTHER_PAGES: Record<DemoRole, string[]> = {
  POLICE: ["/admin/users"],
  SOCIAL: ["/admin/users"],
  PROBATION: ["/admin/users"],
  MANAGER: ["/caseload", "/people", "/admin/users"],
  ADMIN: ["/caseload", "/people", "/dashboard"],
};

test("an anonymous visitor is sent to the login page", async ({ page }) => {
  await page.goto("/people");
  await expect(page).toHaveURL(/\/login\?next=%2Fpeople$/);
  await expect(page.getByRole("heading", { name: "Logga in", exact: true })).toBeVisible();
  await expect(page.getByRole("note", { name: "Demodata" })).toBeVisible();
});

for (const role of ROLES) {
  test(`${role} lands on its own start page and cannot open the other roles' pages`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole("heading", { level: 1, name: ACCOUNTS[role].heading })).toBeVisible();
    await expect(page.getByText(`Inloggad som ${ACCOUNTS[role].name}`)).toBeVisible();
    await expect(page.getByRole("note", { name: "Demodata" })).toBeVisible();
    for (const path of OTHER_PAGES[role]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
    }
  });
}

test("wrong password and unknown account get the same Swedish message", async ({ page }) => {
  for (const email of [ACCOUNTS.POLICE.email, "finns.inte@malmo.samverkan.test"]) {
    await enterPassword(page, email, "fel-lösenord-123");
    await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();
    await expect(page.getByLabel("E-postadress")).toHaveValue(email);
    await expect(page).toHaveURL(/\/login/);
  }
});

test("the password alone does not sign in: the second factor is asked for every time", async ({ page }) => {
  await enterPassword(page, ACCOUNTS.MANAGER.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/login\/verify$/);
  await expect(page.getByRole("heading", { name: "Tvåstegsverifiering" })).toBeVisible();
  // No session yet: the app's pages still send the visitor to the login page.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
  // A wrong code is refused in Swedish, without saying more.
  await enterPassword(page, ACCOUNTS.MANAGER.email, DEMO_PASSWORD);
  await page.getByLabel("Engångskod").fill("000000");
  await page.getByRole("button", { name: "Verifiera" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Koden stämmer inte." })).toBeVisible();
  await expect(page).toHaveURL(/\/login\/verify$/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "PROBATION");
  const cookies = await page.context().cookies();
  await signOut(page);
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/login/);
  // The old session cookie, put back, opens nothing: the session ended on the server.
  await page.context().addCookies(cookies);
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/login\?session=ended$/);
  await expect(page.getByText("Din inloggning har avslutats. Logga in igen.")).toBeVisible();
  // The account still works afterwards (the sign-out did not break it).
  await signInAs(page, ACCOUNTS.PROBATION.email, DEMO_PASSWORD, DEMO_TOTP_SECRETS[ACCOUNTS.PROBATION.email]!);
  await expect(page).toHaveURL(/\/caseload$/);
});
