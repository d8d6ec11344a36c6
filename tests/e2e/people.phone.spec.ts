import { expect as baseExpect, test } from "@playwright/test";
import { giveAccessReasonIfAsked, signIn } from "./helpers";

// Each journey is many page loads on a 2-core machine shared with the build and the database.
const expect = baseExpect.configure({ timeout: 15_000 });

// Coordinators look people up in the field: search, filters and the file work at phone width.
test("finding a person and reading their file on a phone", async ({ page }) => {
  test.slow();
  await signIn(page, "PROBATION");
  await page.goto("/people");
  await page.getByLabel("Status").selectOption({ label: "Aktiv" });
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page).toHaveURL(/status=ACTIVE/);
  const first = page.getByRole("main").getByRole("list").getByRole("link").first();
  const name = (await first.textContent())!.trim();
  await page.getByLabel("Sök på namn, alias eller personnummer").fill(name.split(" ")[1]!);
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await page.getByRole("main").getByRole("list").getByRole("link", { name }).first().click();
  await giveAccessReasonIfAsked(page);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Händelser" })).toBeVisible();
  for (const path of [page.url(), "/people", "/groups", "/caseload"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
