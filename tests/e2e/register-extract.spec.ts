import { readFile } from "node:fs/promises";
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { demoPerson } from "./fixtures";
import { signIn } from "./helpers";

/*
 * The register extract's four-eyes flow (docs/decisions/007): the administrator registers the
 * access request, the manager approves it, the administrator produces the extract once and sees
 * it; a second production is refused. The reference is new on every run, and the request is
 * received "today" as the form proposes it, so the journey does not depend on the date or the hour.
 */
test("the admin registers an extract request, the manager approves it, the admin produces the extract once", async ({
  page,
  browser,
}) => {
  test.slow(); // two users, a dozen pages, on two shared cores
  const person = await demoPerson(31);
  const reference = `KS 2026/E2E-${randomInt(100_000, 999_999)}`;

  // ── the administrator registers the request from the person's page in the audit log ──
  await signIn(page, "ADMIN");
  await page.goto("/admin/audit");
  await page.getByLabel("Personnummer").fill(`${person.identityNumber.slice(0, 8)}-${person.identityNumber.slice(8)}`);
  await page.getByRole("button", { name: "Visa läsare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Vem har läst akten: ${person.name}` })).toBeVisible();
  await page.getByRole("link", { name: "Registrera begäran om registerutdrag" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registrera begäran om registerutdrag" })).toBeVisible();
  await expect(page.getByText(`Begäran gäller ${person.name}, personnummer`)).toBeVisible();

  // Errors next to the fields, and what was typed stays.
  await page.getByRole("radio", { name: "Vårdnadshavare" }).check();
  await page.getByRole("radio", { name: "Annat sätt" }).check();
  await page.getByLabel("Diarienummer").fill("KS <2026>");
  await page.getByRole("button", { name: "Registrera begäran" }).click();
  await expect(page.getByText("Kontrollera fälten som är markerade nedan.")).toBeVisible();
  await expect(page.getByText("Ange namnet på den som begär utdraget.")).toBeVisible();
  await expect(page.getByText("Beskriv hur identiteten kontrollerades.")).toBeVisible();
  await expect(page.getByText("Använd bokstäver, siffror och tecknen . / : _ -")).toBeVisible();
  await expect(page.getByLabel("Diarienummer")).toHaveValue("KS <2026>");
  await expect(page.getByRole("radio", { name: "Vårdnadshavare" })).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("radio", { name: "Personen själv" }).check();
  await page.getByRole("radio", { name: "E-legitimation (BankID eller Freja eID+)" }).check();
  await page.getByLabel("Diarienummer").fill(reference);
  await page.getByRole("button", { name: "Registrera begäran" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Begäran ${reference}` })).toBeVisible();
  await expect(
    page.getByText("Begäran är registrerad. En chef på orten behöver godkänna den innan utdraget kan tas fram."),
  ).toBeVisible();
  await expect(page.getByText("Väntar på beslut av en chef på orten.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ta fram utdrag" })).toHaveCount(0);
  const requestUrl = page.url();
  const requestId = requestUrl.split("/").at(-1)!.split("?")[0]!;

  // Nothing opens before the approval, not even a hand-made link (nor the old ?ref= one).
  const early = await page.goto(`/people/${person.id}/extract?request=${requestId}`);
  expect(early?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Utdraget kan inte visas" })).toBeVisible();
  expect((await page.goto(`/people/${person.id}/extract?ref=${encodeURIComponent(reference)}`))?.status()).toBe(404);

  // ── the manager approves it ──
  const managerContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
  });
  const manager = await managerContext.newPage();
  await signIn(manager, "MANAGER");
  await manager.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Registerutdrag" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Registerutdrag att besluta" })).toBeVisible();
  await expectNoSeriousA11yViolations(manager);
  await manager.getByRole("link", { name: reference }).click();
  await expect(manager.getByRole("heading", { level: 1, name: `Begäran ${reference}` })).toBeVisible();
  await expect(manager.getByText(person.name)).toBeVisible();
  await expect(manager.getByText("E-legitimation (BankID eller Freja eID+)")).toBeVisible();
  await expectNoSeriousA11yViolations(manager);
  // Rejecting needs a reason; the manager approves instead.
  await manager.getByRole("button", { name: "Avslå begäran" }).click();
  await expect(manager.getByText("Ange skälet till avslaget.")).toBeVisible();
  await manager.getByLabel("Anteckning").fill("Identiteten styrkt med BankID.");
  await manager.getByRole("button", { name: "Godkänn begäran" }).click();
  await expect(
    manager.getByText("Begäran är godkänd. En administratör kan nu ta fram utdraget, en gång."),
  ).toBeVisible();
  await expect(manager.getByRole("button", { name: "Godkänn begäran" })).toHaveCount(0);
  // The manager never reaches the extract.
  expect((await manager.goto(`/people/${person.id}/extract?request=${requestId}`))?.status()).toBe(404);
  await managerContext.close();

  // ── the administrator produces the extract, once ──
  await page.goto(requestUrl);
  await expect(page.getByRole("button", { name: "Ta fram utdrag" })).toBeVisible();
  // A second tab with the same request, to try a second production afterwards.
  const second = await page.context().newPage();
  await second.goto(requestUrl);
  await expect(second.getByRole("button", { name: "Ta fram utdrag" })).toBeVisible();

  await page.getByRole("button", { name: "Ta fram utdrag" }).click();
  await expect(page.getByText("Utdraget är framtaget.")).toBeVisible();
  await expect(page.getByText(/Du kan öppna utdraget och ladda ned filerna till/)).toBeVisible();
  await page.getByRole("link", { name: "Öppna utdraget" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registerutdrag" })).toBeVisible();
  await expect(page.getByText(`${person.name} · begäran ${reference}`)).toBeVisible();
  for (const section of ["Personuppgifter (1)", "Begäranden om registerutdrag (1)", "Åtkomst till uppgifterna"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ned JSON" }).click(),
  ]);
  const json = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    requestId: string;
    requestReference: string;
    personId: string;
  };
  expect(json).toMatchObject({ requestId, requestReference: reference, personId: person.id });

  // The second production is refused, in Swedish, and changes nothing.
  await second.getByRole("button", { name: "Ta fram utdrag" }).click();
  await expect(
    second.getByText(
      "Utdraget har redan tagits fram för den här begäran. Behövs ett nytt utdrag registreras en ny begäran.",
    ),
  ).toBeVisible();
  await second.close();

  // "Who has read this file" shows each step.
  await page.goto(`/admin/audit/people/${person.id}`);
  const history = page.getByRole("table", {
    name: "Begäranden om registerutdrag för personen, steg för steg, senast först",
  });
  for (const step of [
    "Begäran registrerad",
    "Begäran godkänd",
    "Utdrag framtaget",
    "Utdrag öppnat (utskriftsvy)",
    "Utdrag öppnat (JSON)",
  ]) {
    await expect(history.getByRole("row").filter({ hasText: step }).filter({ hasText: reference })).toHaveCount(1);
  }
});
