import { expect as baseExpect, test } from "@playwright/test";
import { dateTimeIn } from "./fixtures";
import { signIn, signOut } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

test("police record and correct a shooting; managers read it without the people", async ({ page }) => {
  await signIn(page, "POLICE");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Våldshändelser" }).click();
  await page.getByRole("link", { name: "Registrera händelse" }).click();
  const place = `Korsningen vid torget ${Date.now()}`;
  await page.getByRole("radio", { name: "Skottlossning" }).check();
  await page.getByLabel("Område").fill("Rosengård");
  await page.getByLabel("Plats").fill(place);
  await page.getByLabel("Antal skadade").fill("2");
  await page.getByRole("radio", { name: "Ja" }).check();
  await page
    .getByRole("group", { name: "Misstänkta grupperingar" })
    .getByRole("checkbox", { name: "Västra gänget" })
    .check();
  // In the future, and with a wrong personnummer: both refused, nothing typed lost.
  await page.getByLabel("Datum och tid").fill(dateTimeIn(1));
  await page.getByLabel("Lägg till offer").fill("19811218-9875");
  await page.getByRole("button", { name: "Registrera händelse" }).click();
  await expect(page.getByText("Datumet kan inte ligga i framtiden.", { exact: true })).toBeVisible();
  await expect(page.getByText("Minst ett av personnumren är ogiltigt.")).toBeVisible();
  await expect(page.getByLabel("Plats")).toHaveValue(place);
  await expect(
    page.getByRole("group", { name: "Misstänkta grupperingar" }).getByRole("checkbox", { name: "Västra gänget" }),
  ).toBeChecked();

  await page.getByLabel("Datum och tid").fill(dateTimeIn(-1));
  await page.getByLabel("Lägg till offer").fill("");
  await page.getByRole("button", { name: "Registrera händelse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Händelsen är registrerad." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Skottlossning i Rosengård");
  await expect(page.getByRole("region", { name: "Grupperingar" })).toContainText("Västra gänget – Misstänkt");
  const incidentUrl = page.url().split("?")[0]!;

  await page.getByRole("link", { name: "Ändra" }).click();
  await page.getByLabel("Antal döda").fill("1");
  await page.getByLabel("Antal skadade").fill("1");
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ändringarna är sparade." })).toBeVisible();
  const facts = page.getByRole("region", { name: "Händelsen" });
  await expect(facts).toContainText(place);

  // The list filtered to the district finds it.
  await page.goto("/incidents");
  await page.getByLabel("Område").selectOption("Rosengård");
  await page.getByLabel("Typ").selectOption({ label: "Skottlossning" });
  await page.getByRole("button", { name: "Filtrera" }).click();
  await expect(page).toHaveURL(/district=Rosengård|district=Roseng%C3%A5rd/);
  await expect(page.getByRole("status")).toContainText("händelser");

  await signOut(page);
  await signIn(page, "MANAGER");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Våldshändelser" }).click();
  await expect(page.getByRole("link", { name: "Registrera händelse" })).toHaveCount(0);
  await page.goto(incidentUrl);
  await expect(page.getByRole("region", { name: "Händelsen" })).toContainText("1");
  await expect(page.getByText("Personer och grupperingar visas inte i programledningens vy.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Grupperingar" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Ändra" })).toHaveCount(0);
  expect((await page.goto(`${incidentUrl}/edit`))?.status()).toBe(404);
});

test("a social secretary reads incidents but cannot record them", async ({ page }) => {
  await signIn(page, "SOCIAL");
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { level: 1, name: "Våldshändelser" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Registrera händelse" })).toHaveCount(0);
  expect((await page.goto("/incidents/new"))?.status()).toBe(404);
});
