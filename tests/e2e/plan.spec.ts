import { expect as baseExpect, test } from "@playwright/test";
import { dateIn, demoPerson } from "./fixtures";
import { giveAccessReasonIfAsked, signIn } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

test("a social secretary opens a person's plan, adds a measure and moves it on, seeing its history", async ({
  page,
}) => {
  // Person 24 of the demo has an individual plan agreed in the autumn of 2020 (prisma/seed/demo-plans.ts).
  const person = await demoPerson(24);
  const title = `Kontakt med arbetsförmedlingen ${Date.now().toString(36)}`;
  await signIn(page, "SOCIAL");
  await page.goto(`/people/${person.id}`);
  await giveAccessReasonIfAsked(page);
  await page.getByRole("link", { name: "Öppna planen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Individuell plan för ${person.name}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mål" })).toContainText("Uppföljningen är försenad");
  const own = page.getByRole("region", { name: "Socialtjänstens åtgärder" });
  await expect(own.getByRole("table")).toContainText("Ansökan om boende i annan stadsdel");
  // Probation's measure is shown under the person's consent, which probation confirmed.
  await expect(page.getByRole("region", { name: "Frivårdens åtgärder" }).getByRole("table")).toContainText(
    "Övervakningsmöten varannan vecka",
  );

  // Adding one: a missing title is said next to the field, and what was typed stays.
  await page.getByRole("link", { name: "Lägg till åtgärd" }).click();
  await page.getByLabel("Beskrivning").fill("Boka ett första möte.");
  await page.getByLabel("Klar senast").fill(dateIn(5));
  await page.getByRole("button", { name: "Lägg till åtgärden" }).click();
  await expect(page.getByText("Fyll i fältet.")).toBeVisible();
  await expect(page.getByLabel("Beskrivning")).toHaveValue("Boka ett första möte.");
  await page.getByLabel("Åtgärd", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Lägg till åtgärden" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Åtgärden är tillagd." })).toBeVisible();
  const row = own.getByRole("table").getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Planerad");

  // Its own page: the status moved on with a comment, and the history shows both steps.
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("Ny status").selectOption({ label: "Pågår" });
  await page.getByLabel("Kommentar").fill("Första mötet bokat.");
  await page.getByRole("button", { name: "Ändra status" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Statusen är ändrad." })).toBeVisible();
  const history = page.getByRole("table", { name: "Åtgärdens statusändringar" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("row").nth(1)).toContainText("Planerad → Pågår");
  await expect(history.getByRole("row").nth(1)).toContainText("Första mötet bokat.");
  await expect(history.getByRole("row").nth(2)).toContainText("Registrerad (Planerad)");
  await expect(page.getByRole("region", { name: "Uppgifter" })).toContainText("Pågår");
});
