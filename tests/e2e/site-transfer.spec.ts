import { expect as baseExpect, test } from "@playwright/test";
import { DEMO_TOTP_SECRETS } from "../../prisma/seed/demo-totp";
import { createTestPerson, dateIn } from "./fixtures";
import { DEMO_PASSWORD, giveAccessReasonIfAsked, signIn, signInAs } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

test("Malmö's social services move a file to Örebro, whose social services check for duplicates and take it over", async ({
  page,
  browser,
}) => {
  const person = await createTestPerson();
  await signIn(page, "SOCIAL");
  await page.goto(`/people/${person.id}`);
  await giveAccessReasonIfAsked(page);
  await page.getByRole("link", { name: "Flytta akten till annan ort" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Flytta akten till annan ort" })).toBeVisible();
  await page.getByLabel("Mottagande ort").selectOption({ label: "Örebro" });
  await page.getByLabel("Samtyckets referens (diarienummer)").fill("SOC 2026/0099");
  await page.getByLabel("Samtycke lämnat").fill(dateIn(-1));
  await page.getByLabel("Insatser via avhopparverksamheten (status och datum)").check();
  await page.getByRole("button", { name: "Skicka akten" }).click();
  await expect(page.getByText("Akten är skickad.", { exact: false })).toBeVisible();
  await expect(page.getByText("väntar på svar", { exact: false }).first()).toBeVisible();

  // Örebro's social secretary, in a browser of her own.
  const orebro = await browser.newContext();
  const other = await orebro.newPage();
  await signInAs(
    other,
    "social@orebro.samverkan.test",
    DEMO_PASSWORD,
    DEMO_TOTP_SECRETS["social@orebro.samverkan.test"]!,
  );
  await other.getByRole("link", { name: "Inkommande akter" }).first().click();
  await expect(other.getByRole("heading", { level: 1, name: "Inkommande akter" })).toBeVisible();
  await other.getByRole("table").getByRole("link", { name: person.name }).click();
  await expect(other.getByRole("heading", { level: 1, name: `Inkommande akt: ${person.name}` })).toBeVisible();
  await expect(other.getByText("Skickad från Malmö", { exact: false })).toBeVisible();
  await expect(
    other.getByText("Ingen person här har samma personnummer eller samma födelsedatum och ett liknande namn."),
  ).toBeVisible();
  await other.getByRole("button", { name: "Ta emot akten" }).click();
  await expect(other.getByText("Akten är mottagen.", { exact: false })).toBeVisible();
  await expect(other.getByText("Akten överförd från Malmö", { exact: false })).toBeVisible();
  await expect(other.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  await orebro.close();

  // Malmö's record is closed and says where the file went.
  await page.goto(`/people/${person.id}`);
  await giveAccessReasonIfAsked(page);
  await expect(page.getByText("Akten flyttad till Örebro", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: "Flytta akten till annan ort" })).toHaveCount(0);
});
