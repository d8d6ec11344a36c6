import { randomInt } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoPerson, type DemoPerson } from "./fixtures";
import { giveAccessReasonIfAsked, signIn } from "./helpers";

/*
 * Printing (issue 12): the person file, one person's register extract and the dashboard go on paper
 * without the menu, the header's buttons, the forms and the skip link, with the Demodata banner
 * still on (it marks synthetic data), and in a page count that fits what is on them (each
 * section of the extract used to start a new page when it did not fit on the rest of one).
 * page.pdf() is Chromium's own print, headless.
 */

test.describe.configure({ timeout: 180_000 });

/** The pages of a PDF Chromium wrote: one "/Type /Page" object each ("/Type /Pages" is the tree). */
function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

async function printPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  return pageCount(pdf);
}

/** On paper: the menu, the account controls, the skip link and every form control are gone; Demodata stays. */
async function expectPrintedWithoutControls(page: Page) {
  await page.emulateMedia({ media: "print" });
  for (const nav of await page.getByRole("navigation", { includeHidden: true }).all()) await expect(nav).toBeHidden();
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Hoppa till innehållet", includeHidden: true })).toBeHidden();
  for (const control of await page.locator("button, select, textarea, input:not([type=hidden])").all())
    await expect(control).toBeHidden();
  await expect(page.getByRole("note", { name: "Demodata" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Register, approve and produce an extract of `person` through the pages; returns its printable page's address. */
async function produceExtract(page: Page, browser: Browser, person: DemoPerson): Promise<string> {
  const reference = `KS 2026/PRINT-${randomInt(100_000, 999_999)}`;
  await signIn(page, "ADMIN");
  await page.goto(`/admin/extract-requests/new?personId=${person.id}`);
  await page.getByRole("radio", { name: "Personen själv" }).check();
  await page.getByRole("radio", { name: "E-legitimation (BankID eller Freja eID+)" }).check();
  await page.getByLabel("Diarienummer").fill(reference);
  await page.getByRole("button", { name: "Registrera begäran" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Begäran ${reference}` })).toBeVisible();
  const requestUrl = page.url().split("?")[0]!;
  const requestId = requestUrl.split("/").at(-1)!;

  const managerContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
  });
  const manager = await managerContext.newPage();
  await signIn(manager, "MANAGER");
  await manager.goto(`/extract-requests/${requestId}`);
  await manager.getByRole("button", { name: "Godkänn begäran" }).click();
  await expect(manager.getByText("Begäran är godkänd.", { exact: false })).toBeVisible();
  await managerContext.close();

  await page.goto(requestUrl);
  await page.getByRole("button", { name: "Ta fram utdrag" }).click();
  await expect(page.getByText("Utdraget är framtaget.")).toBeVisible();
  return `/people/${person.id}/extract?request=${requestId}`;
}

test("the person file prints without the menu and the buttons, on a few pages", async ({ page }) => {
  const person = await demoPerson(3);
  await signIn(page, "POLICE");
  await page.goto(`/people/${person.id}`);
  await giveAccessReasonIfAsked(page);
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  await expectPrintedWithoutControls(page);
  await expect(page.getByRole("link", { name: "Registrera individuellt samtal" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Visa hela" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: "Händelser" })).toBeVisible();
  const pages = await printPages(page);
  console.log(`person file: ${pages} A4 pages`);
  expect(pages).toBeLessThanOrEqual(6);
});

test("one person's register extract prints without the buttons, on pages that carry its content", async ({
  page,
  browser,
}) => {
  test.slow(); // two users and the four-eyes flow before the page exists
  const person = await demoPerson(5);
  await page.goto(await produceExtract(page, browser, person));
  await expect(page.getByRole("heading", { level: 1, name: "Registerutdrag" })).toBeVisible();
  await expectPrintedWithoutControls(page);
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Ladda ned JSON" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: /^Personuppgifter/ })).toBeVisible();
  const pages = await printPages(page);
  console.log(`register extract: ${pages} A4 pages`);
  expect(pages).toBeLessThanOrEqual(12);
});

test("the dashboard prints without the menu and the period form", async ({ page }) => {
  await signIn(page, "MANAGER");
  await expect(page.getByRole("heading", { level: 2, name: "Nådda med budskapet" })).toBeVisible();
  await expectPrintedWithoutControls(page);
  await expect(page.getByRole("status").filter({ hasText: "Visar" })).toBeVisible();
  const pages = await printPages(page);
  console.log(`dashboard: ${pages} A4 pages`);
  expect(pages).toBeLessThanOrEqual(10);
});
