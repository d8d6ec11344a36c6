import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signIn, signOut, type DemoRole } from "./helpers";

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
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
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
    await page.goto("/login");
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Lösenord").fill("fel-lösenord-123");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();
    await expect(page.getByLabel("E-postadress")).toHaveValue(email);
    await expect(page).toHaveURL(/\/login/);
  }
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "PROBATION");
  await signOut(page);
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/login/);
  // The password still works afterwards (the sign-out did not break the account).
  await page.getByLabel("E-postadress").fill(ACCOUNTS.PROBATION.email);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
});
