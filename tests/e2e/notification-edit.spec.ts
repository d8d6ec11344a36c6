import { expect as baseExpect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { giveAccessReasonIfAsked, signIn, signOut } from "./helpers";

// Each journey is many page loads on a 2-core machine shared with the build and the database.
const expect = baseExpect.configure({ timeout: 15_000 });

test("a social secretary edits a logged notification later; the note is social services' own; a stale second save is refused", async ({
  page,
  context,
}) => {
  test.slow();
  const nextStep = `Ändrat nästa steg ${Date.now()}`;
  const note = `Socialtjänstens anteckning ${Date.now()}`;
  await signIn(page, "SOCIAL");
  // Someone with a delivered custom notification (the last column counts them).
  await page.goto("/people?notified=yes");
  const rows = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
  await rows
    .filter({ hasNot: page.getByRole("cell", { name: "0", exact: true }) })
    .first()
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Händelser" })).toBeVisible();
  const personUrl = page.url();
  const editLink = page.getByRole("link", { name: /^Ändra samtalet/ }).first();
  const editUrl = new URL((await editLink.getAttribute("href"))!, page.url()).toString();
  const stale = await context.newPage();
  await stale.goto(editUrl);

  await editLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "Ändra individuellt samtal" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const when = await page.getByLabel("Datum och tid").inputValue();
  await page.getByLabel("Datum och tid").fill("2099-01-01T10:00");
  await page.getByLabel("Nästa steg").fill(nextStep);
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page.getByText("Datumet kan inte ligga i framtiden.")).toBeVisible();
  await expect(page.getByLabel("Nästa steg")).toHaveValue(nextStep);
  await page.getByLabel("Datum och tid").fill(when);
  await page.getByLabel("Intern anteckning för Socialtjänsten").fill(note);
  await page.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(page).toHaveURL(`${personUrl}?saved=notificationUpdated`);
  await expect(page.getByRole("status").filter({ hasText: "Samtalet är ändrat." })).toBeVisible();
  const entry = page.getByRole("article").filter({ hasText: nextStep });
  await expect(entry).toContainText(note);

  await stale.getByLabel("Nästa steg").fill("Min gamla ändring");
  await stale.getByRole("button", { name: "Spara ändringar" }).click();
  await expect(
    stale.getByRole("alert").filter({ hasText: "Någon annan har ändrat uppgifterna sedan du öppnade dem." }),
  ).toBeVisible();
  await expect(stale.getByLabel("Nästa steg")).toHaveValue("Min gamla ändring");

  // The police see the edit, not social services' note; their own edit form does not hold it either.
  await signOut(page);
  await signIn(page, "POLICE");
  await page.goto(personUrl);
  // The person may be a colleague's: a reason for the file covers its edit form too.
  await giveAccessReasonIfAsked(page);
  await expect(page.getByRole("article").filter({ hasText: nextStep })).toBeVisible();
  expect(await page.content()).not.toContain(note);
  await page.goto(editUrl);
  await giveAccessReasonIfAsked(page, page.getByLabel("Intern anteckning för Polisen"));
  await expect(page.getByLabel("Intern anteckning för Polisen")).not.toHaveValue(note);
  expect(await page.content()).not.toContain(note);
});

test("an unknown notification answers not found", async ({ page }) => {
  test.slow();
  await signIn(page, "PROBATION");
  for (const id of ["00000000-0000-7000-8000-000000000000", "inte-ett-id"]) {
    const response = await page.goto(`/notifications/${id}/edit`);
    expect(response?.status()).toBe(404);
  }
});
