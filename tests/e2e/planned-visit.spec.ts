import { expect, test } from "@playwright/test";
import { createTestPerson } from "./fixtures";
import { giveAccessReasonIfAsked, signIn } from "./helpers";

/*
 * Issue 15: a police coordinator warns about a person (a dog), plans a visit with a team, sees the
 * warning on the plan and on the notification form, and logs the visit from the plan: the staff who
 * took part are checkboxes with the coordinator ticked, and the plan shows as done afterwards.
 */
test("a coordinator sets a warning, plans a visit and logs it from the plan", async ({ page }) => {
  test.slow(); // several pages, each a server render under load
  const person = await createTestPerson();
  await signIn(page, "POLICE");
  await page.goto(`/people/${person.id}`);
  await giveAccessReasonIfAsked(page);
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();

  // The warning: the kind for everyone, the reason for the police.
  await page.getByRole("link", { name: "Sätt varning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sätt varning" })).toBeVisible();
  await page.getByRole("radio", { name: "Hund" }).check();
  await page.getByLabel("Skäl").fill("Stor hund i hallen vid förra besöket.");
  await page.getByRole("button", { name: "Sätt varning" }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${person.id}\\?saved=warningFlag$`));
  const fileWarning = page.locator("#warning-flags");
  await expect(fileWarning).toContainText("Hund – satt av Polisen");
  await expect(fileWarning).toContainText("Stor hund i hallen vid förra besöket.");

  // The plan: this week, with the coordinator on the team; the warning is on the form and the plan.
  await page.getByRole("link", { name: "Planera besök" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Planera besök" })).toBeVisible();
  await expect(page.locator("#warning-flags")).toContainText("Hund");
  const team = page.getByRole("group", { name: "Team" });
  await expect(team.getByRole("checkbox", { name: "Jonas Berglund (Polisen)" })).toBeChecked();
  await page.getByLabel("Platsbeskrivning").fill("Trapphus B");
  await page.getByRole("button", { name: "Planera besök" }).click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]+\?saved=planned$/);
  const planUrl = page.url().replace(/\?.*$/, "");
  await expect(page.getByRole("status").filter({ hasText: "Besöket är planerat." })).toBeVisible();
  await expect(page.locator("#warning-flags")).toContainText("Hund – satt av Polisen");
  await expect(page.getByRole("region", { name: "Planeringen" })).toContainText("Ska göras nu");

  // Logging it from the plan: the form starts from the plan, staff as checkboxes, self ticked.
  await page.getByRole("link", { name: "Registrera besöket" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registrera individuellt samtal" })).toBeVisible();
  await expect(page.locator("#warning-flags")).toContainText("Hund");
  await expect(page.getByText("Registreras från ett planerat besök")).toBeVisible();
  const staff = page.getByRole("group", { name: "Medverkande personal" });
  await expect(staff.getByRole("checkbox", { name: "Jonas Berglund (Polisen)" })).toBeChecked();
  await expect(page.getByText("Håll ned Ctrl")).toHaveCount(0);
  await expect(page.getByLabel("Platsbeskrivning")).toHaveValue("Trapphus B");
  await page.getByRole("radio", { name: "Budskapet framfört" }).check();
  await page.getByLabel("Personens reaktion").selectOption({ label: "Positiv" });
  await page.getByRole("button", { name: "Spara samtal" }).click();

  await expect(page).toHaveURL(`${planUrl}?saved=logged`);
  await expect(
    page.getByRole("status").filter({ hasText: "Samtalet är registrerat och besöket är genomfört." }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Planeringen" })).toContainText("Genomfört");
  await expect(page.getByRole("link", { name: "Registrera besöket" })).toHaveCount(0);
});
