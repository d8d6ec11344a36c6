import { expect as baseExpect, test, type Page } from "@playwright/test";
import { createAccount, dateIn, demoPerson } from "./fixtures";
import { giveAccessReasonIfAsked, signInAs } from "./helpers";

/*
 * A save whose connection drops keeps the form and what was typed, says so in Swedish, and the
 * retry saves once (components/ui/form.tsx and its submission key, lib/form-submissions.ts).
 * Each test is a probation officer of its own: an overdue follow-up saved by the demo officer
 * would change the overdue count that followups.spec.ts checks in the other worker.
 */

const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

async function signInAsNewOfficer(page: Page) {
  const account = await createAccount({ role: "PROBATION" });
  await signInAs(page, account.email, account.password, account.secret!);
}

async function openNewFollowUp(page: Page): Promise<string> {
  const { id: personId } = await demoPerson(11);
  await page.goto(`/follow-ups/new?personId=${personId}`);
  await giveAccessReasonIfAsked(page, page.getByLabel("Sammanfattning"));
  return personId;
}

async function fillFollowUp(page: Page, summary: string) {
  await page.getByLabel("Ska göras senast").fill(dateIn(-1));
  await page.getByLabel("Sammanfattning").fill(summary);
}

async function countOnOverdueList(page: Page, summary: string) {
  await page.goto("/follow-ups");
  return page.getByRole("article").filter({ hasText: summary });
}

test("a save that loses its answer keeps the form, and trying again saves once", async ({ page }) => {
  await signInAsNewOfficer(page);
  await openNewFollowUp(page);
  const summary = `Uppföljning efter avbrott ${Date.now()}`;
  await fillFollowUp(page, summary);

  // The request reaches the server and is saved; the answer never comes back.
  let dropped = 0;
  await page.route(/\/follow-ups\/new/, async (route) => {
    if (route.request().method() !== "POST" || dropped > 0) return route.continue();
    dropped += 1;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ingen anslutning – försök igen." })).toBeVisible();
  await expect(page.getByLabel("Sammanfattning")).toHaveValue(summary);
  await expect(page.getByLabel("Ska göras senast")).toHaveValue(dateIn(-1));
  expect(dropped).toBe(1);

  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uppföljningen är sparad." })).toBeVisible();
  await expect(await countOnOverdueList(page, summary)).toHaveCount(1);
});

test("a save while offline keeps the form and saves when the connection is back", async ({ page, context }) => {
  await signInAsNewOfficer(page);
  await openNewFollowUp(page);
  const summary = `Uppföljning utan nät ${Date.now()}`;
  await fillFollowUp(page, summary);

  await context.setOffline(true);
  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ingen anslutning – försök igen." })).toBeVisible();
  await expect(page.getByLabel("Sammanfattning")).toHaveValue(summary);

  await context.setOffline(false);
  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uppföljningen är sparad." })).toBeVisible();
  await expect(await countOnOverdueList(page, summary)).toHaveCount(1);
});
