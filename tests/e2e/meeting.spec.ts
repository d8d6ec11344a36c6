import { expect as baseExpect, test } from "@playwright/test";
import { createAccount, dateIn, dateTimeIn, demoPerson } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./a11y";
import { signInAs } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

test("a coordinator plans a meeting, puts a person on the agenda, writes minutes and records a decision that becomes their task", async ({
  page,
}) => {
  // An account of the test's own: the task it gives itself shows in nobody else's lists.
  const account = await createAccount({ role: "SOCIAL" });
  const person = await demoPerson(7);
  const place = `Stadshuset ${account.id.slice(0, 6)}`;
  await signInAs(page, account.email, account.password, account.secret!);

  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Samordningsmöten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Samordningsmöten" })).toBeVisible();
  await page.getByRole("link", { name: "Planera möte" }).click();
  await page.getByLabel("Datum och tid").fill(dateTimeIn(3));
  await page.getByLabel("Plats").fill(place);
  await page.getByRole("checkbox", { name: "Polisen", exact: true }).check();
  // The coordinator is ticked as a participant already.
  await expect(page.getByRole("checkbox", { name: new RegExp(`^${account.name}`) })).toBeChecked();
  await page.getByRole("button", { name: "Planera mötet" }).click();
  await expect(page.getByText("Mötet är planerat.")).toBeVisible();

  // The agenda's person, found by the people search.
  await page.getByLabel("Namn eller personnummer").fill(person.identityNumber);
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await page.getByRole("button", { name: `Lägg till ${person.name} på dagordningen` }).click();
  await expect(page.getByText("Personen står på dagordningen.")).toBeVisible();
  const item = page.getByRole("region", { name: `1. ${person.name}` });

  await item.getByLabel(`Anteckningar om ${person.name}`).fill("Pratade om skolan. Positiv.");
  await item.getByRole("button", { name: "Spara anteckningar" }).click();
  await expect(page.getByText("Anteckningarna är sparade.")).toBeVisible();
  await expect(item.getByLabel(`Anteckningar om ${person.name}`)).toHaveValue("Pratade om skolan. Positiv.");

  await item.getByText("Registrera gemensamt beslut").click();
  await item.getByLabel(`Beslut om ${person.name}`).fill("Socialtjänsten bokar ett möte om praktikplats.");
  await item.getByRole("group", { name: "Uppgift 1" }).getByLabel("Vad ska göras").fill("Boka möte om praktik");
  await item.getByRole("group", { name: "Uppgift 1" }).getByLabel("Senast").fill(dateIn(5));
  await item.getByRole("button", { name: "Registrera beslut" }).click();
  await expect(page.getByText("Beslutet är registrerat.")).toBeVisible();

  // The decision with its task, given to the coordinator themself, and the task among the due items.
  await expect(item.getByText("Socialtjänsten bokar ett möte om praktikplats.")).toBeVisible();
  await expect(item.getByRole("table").getByText("Boka möte om praktik")).toBeVisible();
  await expect(item.getByRole("button", { name: "Markera klar: Boka möte om praktik" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
