import { expect, test } from "@playwright/test";
import { giveAccessReasonIfAsked, signIn } from "./helpers";

// Coordinators log meetings in the field: the whole flow works on a phone-width screen.
test("logging a notification on a phone", async ({ page }) => {
  await signIn(page, "POLICE");
  await page.goto("/people");
  const first = page.getByRole("main").getByRole("list").getByRole("link").first();
  await first.click();
  await giveAccessReasonIfAsked(page);
  await page.getByRole("link", { name: "Registrera individuellt samtal" }).click();
  const nextStep = `Telefonregistrering ${Date.now()}`;
  await page.getByRole("radio", { name: "Gatan" }).check();
  await page.getByRole("radio", { name: "Personen påträffades inte" }).check();
  await page.getByLabel("Nästa steg").fill(nextStep);
  await page.getByRole("button", { name: "Spara samtal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Samtalet är registrerat." })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: nextStep })).toContainText("Personen påträffades inte");
  // Nothing overflows sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
