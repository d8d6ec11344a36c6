import { test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { giveAccessReasonIfAsked, signIn, signOut } from "./helpers";

test("the login page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expectNoSeriousA11yViolations(page);
});

test("a coordinator's pages have no serious accessibility violations", async ({ page }) => {
  test.slow(); // four axe runs, and the caseload gate may ask for a reason
  await signIn(page, "POLICE");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/people");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("table").getByRole("link").first().click();
  await giveAccessReasonIfAsked(page);
  await page.getByRole("link", { name: "Registrera individuellt samtal" }).waitFor();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Registrera individuellt samtal" }).click();
  await page.getByRole("button", { name: "Spara samtal" }).click();
  await page.getByText("Kontrollera fälten som är markerade nedan.").waitFor();
  await expectNoSeriousA11yViolations(page);
});

test("the manager's and the administrator's pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "MANAGER");
  await expectNoSeriousA11yViolations(page);
  await signOut(page);
  await signIn(page, "ADMIN");
  await expectNoSeriousA11yViolations(page);
});
