import { expect as baseExpect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { signIn, signOut } from "./helpers";

// Each journey is many page loads on a 2-core machine shared with the build and the database.
const expect = baseExpect.configure({ timeout: 15_000 });

test("the police register a group, mark it as the enforcement focus, and add a member with graded intelligence", async ({
  page,
}) => {
  test.slow();
  const name = `Testgänget ${Date.now()}`;
  await signIn(page, "POLICE");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Grupperingar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grupperingar" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Registrera gruppering" }).click();
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page.getByText("Fyll i fältet.")).toBeVisible();
  await page.getByLabel("Namn").fill(name);
  await page.getByLabel("Område").fill("Rosengård");
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Grupperingen är registrerad." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const groupUrl = page.url().replace(/\?.*$/, "");

  await expect(page.getByText("Inte prioriterad")).toBeVisible();
  await page.getByRole("button", { name: "Markera som prioriterad" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Prioriteringen är sparad." })).toBeVisible();
  await expect(page.getByText("Prioriterad – aktuellt fokus för polisens insatser")).toBeVisible();
  await expect(page.getByText(/Markerad av Jonas Berglund \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Polisiära åtgärder" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Add a member from a person's file: a start date in the future is refused, the rest kept.
  await page.goto("/people");
  await page.getByRole("table").getByRole("link").first().click();
  const addMembership = page.getByRole("link", { name: "Lägg till tillhörighet" });
  await expect(addMembership).toBeVisible();
  const personName = (await page.getByRole("heading", { level: 1 }).textContent())!;
  await addMembership.click();
  await page.getByLabel("Gruppering", { exact: true }).selectOption({ label: name });
  await page.getByLabel("Från och med").fill("2099-01-01");
  await page.getByLabel("Roll i grupperingen").selectOption({ label: "Kärnmedlem" });
  await page.getByRole("radio", { name: "Sannolik" }).check();
  await page.getByRole("button", { name: "Spara tillhörighet" }).click();
  await expect(page.getByText("Datumet kan inte ligga i framtiden.")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Sannolik" })).toBeChecked();
  await expect(page.getByLabel("Gruppering", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Från och med").fill("2020-02-01");
  await page.getByRole("button", { name: "Spara tillhörighet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tillhörigheten är sparad." })).toBeVisible();
  const groups = page.getByRole("region", { name: "Grupperingar" });
  await expect(groups).toContainText(name);
  await expect(groups).toContainText("Kärnmedlem, Sannolik");
  await expect(groups).toContainText("Källa: Polisen");

  // End the membership: it moves to the former members.
  await page.getByRole("link", { name: `Ändra tillhörighet i ${name}` }).click();
  await page.getByLabel("Till och med").fill("2020-12-31");
  await page.getByLabel("Jag har granskat uppgiften i dag").check();
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tillhörigheten är sparad." })).toBeVisible();
  await page.goto(groupUrl);
  await expect(page.getByRole("table", { name: "Tidigare medlemmar" })).toContainText(personName);

  // Social services see the group and its priority, but neither its enforcement actions nor the button.
  await signOut(page);
  await signIn(page, "SOCIAL");
  await page.goto(groupUrl);
  await expect(page.getByText("Prioriterad – aktuellt fokus för polisens insatser")).toBeVisible();
  await expect(page.getByRole("button", { name: /prioriter/i })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Polisiära åtgärder" })).toHaveCount(0);
});

test("the groups list puts the prioritised groups first and can show only them", async ({ page }) => {
  test.slow();
  await signIn(page, "PROBATION");
  await page.goto("/groups");
  const first = page.getByRole("main").getByRole("listitem").first();
  await expect(first).toContainText("Prioriterad");
  await page.getByLabel("Bara prioriterade").check();
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page).toHaveURL(/prioritized=on/);
  for (const item of await page.getByRole("main").getByRole("listitem").all())
    await expect(item).toContainText("Prioriterad");
  await page.getByRole("link", { name: "Västra gänget" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Nuvarande medlemmar/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Nuvarande medlemmar" }).getByRole("row")).not.toHaveCount(1);
});

test("a conflict or alliance recorded on a group's page shows on the map of the groups and in its table", async ({
  page,
}) => {
  test.slow();
  const name = `Kartgänget ${Date.now()}`;
  await signIn(page, "SOCIAL");
  await page.goto("/groups/new");
  await page.getByLabel("Namn").fill(name);
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Grupperingen är registrerad." })).toBeVisible();

  const relations = page.getByRole("region", { name: "Konflikter och allianser" });
  await expect(relations.getByText("Inga aktuella konflikter eller allianser.")).toBeVisible();
  // Nothing chosen: the error stands next to the field, the rest stays.
  await relations.getByRole("radio", { name: "Allians" }).check();
  await relations.getByRole("button", { name: "Spara" }).click();
  await expect(relations.getByText("Välj den andra grupperingen.")).toBeVisible();
  await expect(relations.getByRole("radio", { name: "Allians" })).toBeChecked();
  await relations.getByLabel("Gruppering", { exact: true }).selectOption({ label: "Västra gänget" });
  await relations.getByLabel("Från och med").fill("2026-01-15");
  await relations.getByRole("button", { name: "Spara" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Konflikten eller alliansen är registrerad." }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Aktuella" })).toContainText("Västra gänget");
  await expect(page.getByRole("table", { name: "Aktuella" })).toContainText("Socialtjänsten");

  await page.getByRole("link", { name: "Karta över konflikter och allianser" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Karta över grupperingarna" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Grupperingar, konflikter och allianser" })).toBeVisible();
  const row = page
    .getByRole("table", { name: "Aktuella konflikter och allianser" })
    .getByRole("row")
    .filter({ hasText: name });
  await expect(row).toContainText("Västra gänget");
  await expect(row).toContainText("Allians");
  await expect(row).toContainText("2026-01-15");
  await expectNoSeriousA11yViolations(page);
});
