import { expect, test, type Page } from "@playwright/test";
import { giveAccessReasonIfAsked, signIn, signOut } from "./helpers";

/** Opens the first person of the people list whose name matches `search`, returns their URL. */
async function openFirstPerson(page: Page): Promise<string> {
  await page.goto("/people");
  const table = page.getByRole("table");
  const first = table.getByRole("link").first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await giveAccessReasonIfAsked(page);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

test("a police coordinator logs a custom notification; errors keep what was typed", async ({ page }) => {
  test.slow(); // two users, and the caseload gate may ask each for a reason
  await signIn(page, "POLICE");
  const personUrl = await openFirstPerson(page);
  await page.getByRole("link", { name: "Registrera individuellt samtal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registrera individuellt samtal" })).toBeVisible();

  const nextStep = `Nytt möte på frivården ${Date.now()}`;
  await page.getByRole("radio", { name: "Hemma" }).check();
  await page.getByLabel("Nästa steg").fill(nextStep);
  await page.getByLabel("Intern anteckning för Polisen").fill("Polisens egen anteckning från e2e.");
  // No outcome chosen: the server refuses, says why next to the field, and keeps the input.
  await page.getByRole("button", { name: "Spara samtal" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Kontrollera fälten som är markerade nedan." })).toBeVisible();
  await expect(page.getByRole("group", { name: "Utfall" })).toContainText("Fyll i fältet.");
  await expect(page.getByLabel("Nästa steg")).toHaveValue(nextStep);
  await expect(page.getByRole("radio", { name: "Hemma" })).toBeChecked();

  // Delivered without a response: also refused, next to the response field.
  await page.getByRole("radio", { name: "Budskapet framfört" }).check();
  await page.getByRole("button", { name: "Spara samtal" }).click();
  await expect(page.getByText("Ange personens reaktion när budskapet framförts.")).toBeVisible();
  await expect(page.getByLabel("Nästa steg")).toHaveValue(nextStep);

  await page.getByLabel("Personens reaktion").selectOption({ label: "Positiv" });
  await page.getByLabel("Personen bad om hjälp på plats").check();
  await page.getByRole("button", { name: "Spara samtal" }).click();

  await expect(page).toHaveURL(`${personUrl}?saved=notification`);
  await expect(page.getByRole("status").filter({ hasText: "Samtalet är registrerat." })).toBeVisible();
  const entry = page.getByRole("article").filter({ hasText: nextStep });
  await expect(entry).toContainText("Budskapet framfört · Positiv");
  await expect(entry).toContainText("Bad om hjälp på plats");
  await expect(entry).toContainText("Polisens egen anteckning från e2e.");
  await expect(entry).toContainText("Registrerat av Jonas Berglund (Polisen)");

  // Social services see the joint activity, but not the police's internal note.
  await signOut(page);
  await signIn(page, "SOCIAL");
  await page.goto(personUrl);
  await giveAccessReasonIfAsked(page);
  const seenBySocial = page.getByRole("article").filter({ hasText: nextStep });
  await expect(seenBySocial).toBeVisible();
  await expect(seenBySocial).not.toContainText("Polisens egen anteckning");
  expect(await page.content()).not.toContain("Polisens egen anteckning från e2e.");
});

test("a date in the future is refused", async ({ page }) => {
  await signIn(page, "PROBATION");
  await openFirstPerson(page);
  await page.getByRole("link", { name: "Registrera individuellt samtal" }).click();
  await page.getByLabel("Datum och tid").fill("2099-01-01T10:00");
  await page.getByRole("radio", { name: "Frivårdskontor" }).check();
  await page.getByRole("radio", { name: "Försök, ej genomfört" }).check();
  await page.getByRole("button", { name: "Spara samtal" }).click();
  await expect(page.getByText("Datumet kan inte ligga i framtiden.")).toBeVisible();
  await expect(page.getByLabel("Datum och tid")).toHaveValue("2099-01-01T10:00");
  await expect(page.getByRole("radio", { name: "Försök, ej genomfört" })).toBeChecked();
});

test("a person id that does not exist answers not found", async ({ page }) => {
  await signIn(page, "POLICE");
  for (const id of ["00000000-0000-7000-8000-000000000000", "not-a-uuid"]) {
    const response = await page.goto(`/people/${id}`);
    expect(response?.status()).toBe(404);
  }
});
