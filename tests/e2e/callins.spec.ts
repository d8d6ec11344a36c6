import { expect as baseExpect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

test("a call-in with speakers and attendees: planned, then attendance and responses recorded", async ({ page }) => {
  await signIn(page, "POLICE");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Stormöten" }).click();
  await page.getByRole("link", { name: "Planera stormöte" }).click();
  const venue = `Rådhuset, sal ${Date.now()}`;
  await page.getByLabel("Datum och tid").fill("2026-01-15T17:00");
  await page.getByLabel("Lokal").fill(venue);
  await page.getByRole("group", { name: "Från polisen" }).getByRole("checkbox", { name: "Jonas Berglund" }).check();
  await page
    .getByRole("group", { name: "Från socialtjänsten" })
    .getByRole("checkbox", { name: "Maria Ekström" })
    .check();
  await page.getByRole("group", { name: "Från frivården" }).getByRole("checkbox", { name: "Karin Nyström" }).check();
  await page.getByLabel("Röster från samhället").fill("Mammor mot våld\nImam från Rosengård");
  await page.getByRole("group", { name: "Grupperingar" }).getByRole("checkbox", { name: "Stationsgänget" }).check();
  // A wrong personnummer is refused and everything else stays.
  await page.getByLabel("Personnummer", { exact: true }).fill("19811218-9875");
  await page.getByRole("button", { name: "Spara stormöte" }).click();
  await expect(page.getByText("Minst ett av personnumren är ogiltigt.")).toBeVisible();
  await expect(page.getByLabel("Lokal")).toHaveValue(venue);
  await expect(
    page.getByRole("group", { name: "Från socialtjänsten" }).getByRole("checkbox", { name: "Maria Ekström" }),
  ).toBeChecked();
  await expect(page.getByLabel("Röster från samhället")).toHaveValue("Mammor mot våld\nImam från Rosengård");

  await page.getByLabel("Personnummer", { exact: true }).fill("");
  await page.getByRole("button", { name: "Spara stormöte" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Stormötet är sparat." })).toBeVisible();
  const speakers = page.getByRole("region", { name: "Talare" });
  for (const who of [
    "Jonas Berglund – Polisen",
    "Maria Ekström – Socialtjänsten",
    "Karin Nyström – Frivården",
    "Mammor mot våld – Röst från samhället",
  ])
    await expect(speakers).toContainText(who);
  const attendees = page.getByRole("region", { name: "Inbjudna" });
  const invited = await attendees.getByRole("listitem").count();
  expect(invited).toBeGreaterThan(2);
  await expect(attendees.getByRole("listitem").first()).toContainText("Inbjuden");

  // After the meeting: who came, how they responded, who asked for help.
  await page.getByRole("link", { name: "Ändra och registrera närvaro" }).click();
  const rows = page.getByRole("group", { name: "Inbjudna och närvaro" }).getByRole("listitem");
  const first = rows.nth(0);
  const second = rows.nth(1);
  const firstName = (await first.locator("legend").first().textContent())!.replace(/\(.*\)/, "").trim();
  // One control per invitee: the answers as radio buttons.
  await first.getByRole("group", { name: "Inbjudan" }).getByRole("radio", { name: "Deltog" }).check();
  await first.getByLabel("Reaktion").selectOption({ label: "Positiv" });
  await first.getByLabel("Bad om hjälp").check();
  await second.getByRole("group", { name: "Inbjudan" }).getByRole("radio", { name: "Uteblev" }).check();
  await second.getByLabel("Reaktion").selectOption({ label: "Negativ" });
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  // The error lands on the row it concerns; the rest of the input stays.
  await expect(second).toContainText("Reaktion kan bara anges för den som deltog.");
  await expect(first.getByLabel("Bad om hjälp")).toBeChecked();
  await expect(first.getByRole("group", { name: "Inbjudan" }).getByRole("radio", { name: "Deltog" })).toBeChecked();
  await second.getByLabel("Reaktion").selectOption({ label: "– Ingen –" });
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ändringarna är sparade." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mötet" })).toContainText(
    `${invited} inbjudna, 1 deltog, 1 bad om hjälp`,
  );
  await expect(
    page.getByRole("region", { name: "Inbjudna" }).getByRole("listitem").filter({ hasText: firstName }),
  ).toContainText("Deltog · Positiv");

  // Everyone still invited came: one action marks them all; then one more invited by name.
  await page.getByRole("button", { name: "Markera alla som närvarande" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Alla inbjudna är markerade som närvarande." }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Mötet" })).toContainText(`${invited} inbjudna, ${invited - 1} deltog`);
  const invite = page.getByRole("region", { name: "Bjud in fler" });
  await invite.getByLabel("Sök person").fill("Abdi");
  await invite.getByRole("button", { name: "Sök" }).click();
  const match = invite
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: /^Bjud in / }) })
    .first();
  const matchName = (await match.locator("span.font-medium").first().textContent())!.trim();
  await match.getByRole("button", { name: /^Bjud in / }).click();
  await expect(page.getByRole("status").filter({ hasText: "Personen är inbjuden." })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Inbjudna" }).getByRole("listitem").filter({ hasText: matchName }),
  ).toContainText("Inbjuden");

  // The list finds it by venue.
  await page.goto("/call-ins");
  await page.getByLabel("Sök på lokal").fill(venue);
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page.getByRole("status")).toHaveText("1 stormöte");
});

test("two people editing the same call-in: the second save explains the conflict and keeps the input", async ({
  page,
  browser,
}) => {
  await signIn(page, "SOCIAL");
  await page.goto("/call-ins?period=past");
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("link", { name: "Ändra och registrera närvaro" }).click();
  await expect(page).toHaveURL(/\/call-ins\/[0-9a-f-]{36}\/edit$/);
  const editUrl = page.url();
  const other = await browser.newPage({ storageState: await page.context().storageState() });
  await other.goto(editUrl);

  await page.getByLabel("Beskrivning").fill("Första ändringen.");
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ändringarna är sparade." })).toBeVisible();

  await other.getByLabel("Beskrivning").fill("Andra ändringen.");
  await other.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(
    other.getByRole("alert").filter({ hasText: "Någon annan har ändrat uppgifterna sedan du öppnade dem." }),
  ).toBeVisible();
  await expect(other.getByLabel("Beskrivning")).toHaveValue("Andra ändringen.");
  await other.close();
  await page.reload();
  await expect(page.getByRole("region", { name: "Mötet" })).toContainText("Första ändringen.");
});
