import { expect, test } from "@playwright/test";
import { demoPerson } from "./fixtures";
import { signIn } from "./helpers";

// In the field: the caseload gate, the reveal and the consent page work on a phone-width screen.
test("giving a reason, revealing the personnummer and reading consent on a phone", async ({ page }) => {
  const person = await demoPerson(7); // not on the demo police user's caseload
  await signIn(page, "POLICE");
  await page.goto(`/people/${person.id}`);
  await page.getByRole("radio", { name: "Planerat samtal eller möte med personen" }).check();
  await page.getByRole("button", { name: "Öppna personakten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  await page.getByRole("button", { name: "Visa hela" }).click();
  await expect(page.getByTestId("identity-number")).toHaveText(
    `${person.identityNumber.slice(0, 8)}-${person.identityNumber.slice(8)}`,
  );
  await page.getByRole("link", { name: "Samtycke" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Samtycke" })).toBeVisible();
  // Touch targets of at least 44 px: the button, and each checkbox with its label.
  for (const target of [
    page.getByRole("button", { name: "Spara samtycke" }),
    page
      .locator("label")
      .filter({ has: page.getByRole("checkbox", { name: /^Socialtjänsten → Polisen: status för insatser/ }) }),
  ]) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
