import { expect as baseExpect, test } from "@playwright/test";
import { dateTimeIn, idFromLink } from "./fixtures";
import { giveAccessReasonIfAsked, signIn, signOut } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

test("police record a detention; the person shows as deprived of liberty to the other agencies", async ({ page }) => {
  await signIn(page, "POLICE");
  // Someone still at liberty, from the people list.
  await page.goto("/people?page=2");
  const row = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByText("Aktiv", { exact: true }) })
    .first();
  const link = row.getByRole("link").first();
  const name = (await link.textContent())!.trim();
  const personId = await idFromLink(page, link);

  await page.goto(`/enforcement/new?personId=${personId}`);
  // Someone from the list, not on the officer's caseload: a reason first, then back to the form.
  await giveAccessReasonIfAsked(page, page.getByText(`Åtgärd mot ${name}`));
  await expect(page.getByText(`Åtgärd mot ${name}`)).toBeVisible();
  // A weapon seizure does not take anyone's liberty: refused, with the input kept.
  await page.getByRole("radio", { name: "Vapenbeslag" }).check();
  await page.getByLabel("Beskrivning").fill("Häktad efter vapenfynd vid husrannsakan.");
  await page.getByLabel(`Registrera ${name} som frihetsberövad`).check();
  await page.getByRole("button", { name: "Registrera åtgärd" }).click();
  await expect(
    page.getByText("Bara gripande, häktning och fängelsedom innebär att personen blir frihetsberövad."),
  ).toBeVisible();
  await expect(page.getByLabel("Beskrivning")).toHaveValue("Häktad efter vapenfynd vid husrannsakan.");
  // Nor may it lie in the future.
  await page.getByRole("radio", { name: "Häktning" }).check();
  await page.getByLabel("Datum och tid").fill(dateTimeIn(1));
  await page.getByRole("button", { name: "Registrera åtgärd" }).click();
  await expect(page.getByText("Datumet kan inte ligga i framtiden.")).toBeVisible();

  await page.getByLabel("Datum och tid").fill(dateTimeIn(-1));
  await page.getByRole("button", { name: "Registrera åtgärd" }).click();
  await expect(page).toHaveURL(/\/enforcement\?saved=deprived$/);
  await expect(page.getByRole("status").filter({ hasText: "personen visas nu som frihetsberövad" })).toBeVisible();
  const entry = page.getByRole("article").filter({ hasText: "Häktad efter vapenfynd vid husrannsakan." }).first();
  await expect(entry).toContainText("Häktning");
  await expect(entry).toContainText(name);
  await expect(entry).toContainText("Frihetsberövad");
  await expect(entry).toContainText("Registrerad av Jonas Berglund");

  // Filtering by type and name finds it.
  await page.getByLabel("Sök på personens namn").fill(name.split(" ")[0]!);
  await page.getByLabel("Typ av åtgärd").selectOption({ label: "Häktning" });
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page.getByRole("article").filter({ hasText: "Häktad efter vapenfynd" }).first()).toBeVisible();

  // Probation sees that the person is deprived of liberty, never the action itself.
  await signOut(page);
  await signIn(page, "PROBATION");
  await page.goto(`/people/${personId}`);
  await giveAccessReasonIfAsked(page);
  await expect(page.getByText("Frihetsberövad", { exact: true }).first()).toBeVisible();
  expect(await page.content()).not.toContain("Häktad efter vapenfynd");
  expect((await page.goto("/enforcement"))?.status()).toBe(404);
  expect((await page.goto(`/enforcement/new?personId=${personId}`))?.status()).toBe(404);
});

test("police record an action against a group", async ({ page }) => {
  await signIn(page, "POLICE");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Polisiära åtgärder" }).click();
  await page.getByRole("link", { name: "Registrera åtgärd" }).click();
  await page.getByRole("button", { name: "Registrera åtgärd" }).click();
  await expect(page.getByText("Välj en gruppering, eller registrera åtgärden från personens sida.")).toBeVisible();
  await page.getByLabel("Gruppering").selectOption({ label: "Hamnligan" });
  await page.getByRole("radio", { name: "Husrannsakan" }).check();
  await page.getByLabel("Beskrivning").fill("Samordnad husrannsakan mot Hamnligan.");
  await page.getByRole("button", { name: "Registrera åtgärd" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Åtgärden är registrerad." })).toBeVisible();
  await expect(
    page.getByRole("article").filter({ hasText: "Samordnad husrannsakan mot Hamnligan." }).first(),
  ).toContainText("Mot grupperingen Hamnligan");
});

test("police correct an action; a stale second save explains the conflict and keeps what was typed", async ({
  page,
  context,
}) => {
  const original = `Vapenbeslag i källaren (${Date.now()}).`;
  await signIn(page, "POLICE");
  await page.goto("/enforcement/new");
  await page.getByLabel("Gruppering").selectOption({ label: "Norra nätverket" });
  await page.getByRole("radio", { name: "Vapenbeslag" }).check();
  await page.getByLabel("Beskrivning").fill(original);
  await page.getByRole("button", { name: "Registrera åtgärd" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Åtgärden är registrerad." })).toBeVisible();

  // From the list to the action, and to its edit form.
  await page
    .getByRole("article")
    .filter({ hasText: original })
    .getByRole("link", { name: /^Visa åtgärden Vapenbeslag/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: /^Vapenbeslag / })).toBeVisible();
  await expect(page.getByText(original)).toBeVisible();
  await page.getByRole("link", { name: "Ändra åtgärden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ändra polisiär åtgärd" })).toBeVisible();
  const editUrl = page.url();
  // A colleague (here: a second tab) opens the same form before the first save.
  const other = await context.newPage();
  await other.goto(editUrl);
  await expect(other.getByLabel("Beskrivning")).toHaveValue(original);

  // Bad input first: refused next to the field, the typed text kept.
  await page.getByLabel("Beskrivning").fill("Husrannsakan, inget vapen hittades.");
  await page.getByLabel("Datum och tid").fill(dateTimeIn(1));
  await page.getByRole("button", { name: "Spara ändringarna" }).click();
  await expect(page.getByText("Datumet kan inte ligga i framtiden.")).toBeVisible();
  await expect(page.getByLabel("Beskrivning")).toHaveValue("Husrannsakan, inget vapen hittades.");

  await page.getByLabel("Datum och tid").fill(dateTimeIn(-1));
  await page.getByRole("radio", { name: "Husrannsakan" }).check();
  await page.getByRole("button", { name: "Spara ändringarna" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ändringarna är sparade." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /^Husrannsakan / })).toBeVisible();
  await expect(page.getByText("Husrannsakan, inget vapen hittades.")).toBeVisible();

  // The stale save: refused with an explanation, nothing lost from the form.
  await other.getByLabel("Beskrivning").fill("Min egen rättelse.");
  await other.getByRole("button", { name: "Spara ändringarna" }).click();
  await expect(
    other.getByText("Någon annan har ändrat uppgifterna sedan du öppnade dem.", { exact: false }),
  ).toBeVisible();
  await expect(other.getByLabel("Beskrivning")).toHaveValue("Min egen rättelse.");
  await other.close();
  await page.reload();
  await expect(page.getByText("Husrannsakan, inget vapen hittades.")).toBeVisible();
  const actionUrl = new URL(page.url()).pathname;

  // Social services never see the action, nor its edit form.
  await signOut(page);
  await signIn(page, "SOCIAL");
  expect((await page.goto(actionUrl))?.status()).toBe(404);
  expect((await page.goto(`${actionUrl}/edit`))?.status()).toBe(404);
});
