import { expect as baseExpect, test, type Page } from "@playwright/test";
import { generateIdentityNumber } from "@/lib/validation/personnummer";
import { expectNoSeriousA11yViolations } from "./a11y";
import { giveAccessReasonIfAsked, signIn, signOut } from "./helpers";

// Each journey is many page loads on a 2-core machine shared with the build and the database.
const expect = baseExpect.configure({ timeout: 15_000 });

/** A unique, valid personnummer for this run: demo numbers use serials 100–700, these 800–998. */
function uniqueNumber(): string {
  const n = Date.now();
  const birth = new Date(Date.UTC(1980 + (n % 20), (n >> 5) % 12, 1 + ((n >> 9) % 28)));
  return generateIdentityNumber(birth, 799 + (n % 199));
}

async function search(page: Page, q: string) {
  await page.goto("/people");
  await page.getByLabel("Sök på namn, alias eller personnummer").fill(q);
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page).toHaveURL(/\/people\?/);
}

test("a coordinator registers a person, finds them by name, alias and personnummer in any form, and is stopped from registering them twice", async ({
  page,
}) => {
  test.slow();
  const number = uniqueNumber();
  const suffix = String(Date.now()).slice(-6);
  const lastName = `Registrerad${suffix}`;
  await signIn(page, "PROBATION");
  await page.goto("/people");
  await page.getByRole("link", { name: "Registrera person" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registrera person" })).toBeVisible();

  // A wrong check digit is refused next to the field, and nothing typed is lost.
  const wrong = number.slice(0, 11) + String((Number(number[11]) + 1) % 10);
  await page.getByLabel("Förnamn").fill("Elias");
  await page.getByLabel("Efternamn").fill(lastName);
  await page.getByLabel("Personnummer eller samordningsnummer").fill(wrong);
  await page.getByLabel("Alias").fill(`Skuggan${suffix}`);
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page.getByText("Personnumret är ogiltigt. Kontrollera datum och kontrollsiffra.")).toBeVisible();
  await expect(page.getByLabel("Efternamn")).toHaveValue(lastName);
  await expect(page.getByLabel("Alias")).toHaveValue(`Skuggan${suffix}`);
  await expectNoSeriousA11yViolations(page);

  // Typed the way people type it: YYMMDD-NNNN.
  await page.getByLabel("Personnummer eller samordningsnummer").fill(`${number.slice(2, 8)}-${number.slice(8)}`);
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Personen är registrerad." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Elias ${lastName}` })).toBeVisible();
  const personUrl = page.url().replace(/\?.*$/, "");
  // Stored normalised, shown masked: the last four digits never reach the page.
  await expect(page.getByText(`${number.slice(0, 8)}-XXXX`)).toBeVisible();
  const html = await page.content();
  for (const shown of [number, `${number.slice(0, 8)}-${number.slice(8)}`, `${number.slice(2, 8)}-${number.slice(8)}`])
    expect(html).not.toContain(shown);
  await expect(page.getByRole("region", { name: "Uppgifter" })).toContainText("Karin Nyström (Frivården)");

  for (const q of [
    lastName.toLowerCase(),
    `elias ${lastName.slice(0, -1)}`,
    `skuggan${suffix}`,
    number,
    `${number.slice(0, 8)}-${number.slice(8)}`,
    `${number.slice(2, 8)}-${number.slice(8)}`,
    number.slice(2),
  ]) {
    await search(page, q);
    await expect(page.getByRole("status").filter({ hasText: "1 person" }), q).toBeVisible();
    await expect(page.getByRole("link", { name: `Elias ${lastName}` })).toBeVisible();
  }
  // The start of a number (the birth date) finds them too.
  await search(page, number.slice(2, 8));
  await expect(page.getByRole("link", { name: `Elias ${lastName}` })).toBeVisible();

  // The same personnummer again: a clear answer, with a link to the person already registered.
  await page.goto("/people/new");
  await page.getByLabel("Förnamn").fill("Annan");
  await page.getByLabel("Efternamn").fill("Person");
  await page.getByLabel("Personnummer eller samordningsnummer").fill(number);
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page.getByText("Personnumret finns redan registrerat på en annan person.")).toBeVisible();
  await page
    .getByRole("alert")
    .getByRole("link", { name: `Elias ${lastName}` })
    .click();
  await expect(page).toHaveURL(personUrl);
});

test("same name and birth date: the coordinator is warned and confirms", async ({ page }) => {
  test.slow();
  const lastName = `Dubblett${String(Date.now()).slice(-6)}`;
  await signIn(page, "SOCIAL");
  const register = async () => {
    await page.goto("/people/new");
    await page.getByLabel("Förnamn").fill("Noah");
    await page.getByLabel("Efternamn").fill(lastName);
    await page.getByLabel("Födelsedatum").fill("2002-03-04");
    await page.getByRole("button", { name: "Registrera", exact: true }).click();
  };
  await register();
  await expect(page.getByRole("status").filter({ hasText: "Personen är registrerad." })).toBeVisible();
  await register();
  await expect(
    page.getByText("Det finns redan en person med samma födelsedatum och ett namn som kan vara samma"),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: `Noah ${lastName}` })).toBeVisible();
  await expect(page.getByLabel("Efternamn")).toHaveValue(lastName);
  await page.getByLabel("Jag har kontrollerat – det är en annan person. Spara ändå.").check();
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Personen är registrerad." })).toBeVisible();
  await search(page, lastName);
  await expect(page.getByRole("status").filter({ hasText: "2 personer" })).toBeVisible();
});

test("two coordinators edit the same person: the second save explains the conflict and keeps the input", async ({
  page,
  context,
}) => {
  test.slow();
  const lastName = `Konflikt${String(Date.now()).slice(-6)}`;
  await signIn(page, "POLICE");
  await page.goto("/people/new");
  await page.getByLabel("Förnamn").fill("Leo");
  await page.getByLabel("Efternamn").fill(lastName);
  await page.getByRole("button", { name: "Registrera", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Personen är registrerad." })).toBeVisible();
  const editUrl = `${page.url().replace(/\?.*$/, "")}/edit`;

  const other = await context.newPage();
  await other.goto(editUrl);
  await page.goto(editUrl);
  await page.getByLabel("Status").selectOption({ label: "Frihetsberövad" });
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uppgifterna är ändrade." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Uppgifter" })).toContainText("Frihetsberövad");

  await other.getByLabel("Alias").fill("Sent alias");
  await other.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(
    other.getByRole("alert").filter({ hasText: "Någon annan har ändrat uppgifterna sedan du öppnade dem." }),
  ).toBeVisible();
  await expect(other.getByLabel("Alias")).toHaveValue("Sent alias");
  await expectNoSeriousA11yViolations(other);
});

test("the people list filters by status, group, coordinator and notified", async ({ page }) => {
  test.slow();
  await signIn(page, "POLICE");
  await page.goto("/people");
  await page.getByLabel("Status").selectOption({ label: "Frihetsberövad" });
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page).toHaveURL(/status=DEPRIVED_OF_LIBERTY/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Frihetsberövad");
  for (const row of await rows.all())
    if ((await row.getByRole("cell").count()) > 0) await expect(row).toContainText("Frihetsberövad");

  await page.goto("/people");
  await page.getByLabel("Gruppering").selectOption({ label: "Hamnligan" });
  await page.getByLabel("Nåtts av budskapet").selectOption({ label: "Har inte nåtts ännu" });
  await page.getByLabel("Samordnare").selectOption({ label: "Jonas Berglund (Polisen)" });
  await page.getByRole("button", { name: "Sök", exact: true }).click();
  await expect(page).toHaveURL(/notified=no/);
  await expect(page.getByRole("status").filter({ hasText: /\d+ person|Inga träffar/ })).toBeVisible();
  for (const row of await page.getByRole("table").getByRole("row").all()) {
    if ((await row.getByRole("cell").count()) > 0) await expect(row).toContainText("Hamnligan");
  }
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Rensa sökning och filter" }).click();
  await expect(page).toHaveURL(/\/people$/);
});

test("the person's file shows each role what it may see: police the enforcement actions, social services not", async ({
  page,
}) => {
  test.slow();
  await signIn(page, "POLICE");
  await page.goto("/people?status=DEPRIVED_OF_LIBERTY");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Händelser" })).toBeVisible();
  const personUrl = page.url();
  await expect(page.getByRole("article").filter({ hasText: "Polisiär åtgärd" }).first()).toContainText(
    "Registrerat av Jonas Berglund (Polisen)",
  );
  await expect(page.getByRole("link", { name: "Registrera polisiär åtgärd" })).toHaveAttribute(
    "href",
    /\/enforcement\/new\?personId=/,
  );
  await expect(page.getByRole("link", { name: "Registrera uppföljning" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await signOut(page);
  await signIn(page, "SOCIAL");
  await page.goto(personUrl);
  // The person need not be on the social secretary's caseload (the first in the list whatever ran before).
  await giveAccessReasonIfAsked(page);
  await expect(page.getByRole("heading", { level: 2, name: "Händelser" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Uppgifter" })).toContainText("Frihetsberövad");
  await expect(page.getByRole("article").filter({ hasText: "Polisiär åtgärd" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Registrera polisiär åtgärd" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Ny insats via avhopparverksamheten" })).toHaveAttribute(
    "href",
    /\/referrals\/new\?personId=/,
  );
});
