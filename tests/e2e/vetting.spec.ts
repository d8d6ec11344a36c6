import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { createAccount, query } from "./fixtures";
import { signIn, signInAs } from "./helpers";

/*
 * Vetted access (issue 14), two journeys. The demo accounts have accepted the pledge (the other
 * journeys start at their pages), and publishing a new version on the demo site would send every
 * parallel journey to it: the gate is met by an account of this test's own that has not accepted.
 * Publishing and re-acceptance are covered in tests/integration/pledge.test.ts.
 */

test("a new account reads and accepts the pledge before anything else, and the administrator sees it", async ({
  page,
  browser,
}) => {
  const account = await createAccount({ role: "SOCIAL", pledged: false });
  await signInAs(page, account.email, account.password, account.secret!);
  await expect(page).toHaveURL(/\/pledge$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tystnadsförbindelse" })).toBeVisible();
  await expect(page.getByText(/offentlighets- och sekretesslagen/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Nothing else opens until it is accepted.
  await page.goto("/people");
  await expect(page).toHaveURL(/\/pledge$/);

  await page.getByRole("button", { name: "Godkänn och fortsätt" }).click();
  await expect(page.getByText("Bekräfta att åtgärden är rätt.")).toBeVisible();
  await page.getByLabel("Jag har läst tystnadsförbindelsen och förbinder mig att följa den").check();
  await page.getByRole("button", { name: "Godkänn och fortsätt" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mina ärenden" })).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "ADMIN");
  await admin.getByRole("link", { name: "Tystnadsförbindelse", exact: true }).first().click();
  await expect(admin).toHaveURL(/\/admin\/pledge$/);
  const acceptances = admin.getByRole("region", { name: "Godkännanden" });
  const row = acceptances.getByRole("row").filter({ hasText: account.name });
  await expect(row).toContainText("Socialtjänsten");
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  await admin.context().close();
});

test("a manager confirms one account still needed and removes a suspended one, each with a note", async ({ page }) => {
  const due = await createAccount({ role: "POLICE" });
  const suspended = await createAccount({ role: "PROBATION" });
  // Reviewed about 11½ months ago (due in about two weeks), and 13 months ago (a month past the 30 days' grace).
  await query(`UPDATE "User" SET "accessReviewedAt" = now() - interval '350 days' WHERE id = $1`, [due.id]);
  await query(`UPDATE "User" SET "accessReviewedAt" = now() - interval '400 days' WHERE id = $1`, [suspended.id]);

  await signIn(page, "MANAGER");
  await page.getByRole("link", { name: "Omprövning", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Omprövning av behörigheter" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page
    .getByRole("link", { name: `Ompröva ${due.name}` })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: due.name })).toBeVisible();
  await page.getByRole("button", { name: "Spara beslut" }).click();
  await expect(page.getByText("Fyll i fältet.").first()).toBeVisible();
  await page.getByRole("radio", { name: "Behörigheten behövs" }).check();
  await page.getByLabel("Motivering").fill("Samordnare i Centrum, fortsatt uppdrag.");
  await page.getByRole("button", { name: "Spara beslut" }).click();
  await expect(page.getByText("Omprövningen är sparad: behörigheten behövs")).toBeVisible();
  await expect(page.getByRole("link", { name: `Ompröva ${due.name}` })).toHaveCount(0);

  await page
    .getByRole("link", { name: `Ompröva ${suspended.name}` })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: suspended.name })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Spärrad tills omprövning" })).toBeVisible();
  await page.getByRole("radio", { name: "Behörigheten tas bort" }).check();
  await page.getByLabel("Motivering").fill("Har slutat på frivården.");
  await page.getByRole("button", { name: "Spara beslut" }).click();
  await expect(page.getByText("Omprövningen är sparad: kontot är inaktiverat")).toBeVisible();

  const rows = await query<{ id: string; isActive: boolean; decision: string }>(
    `SELECT u.id, u."isActive", r.decision::text AS decision FROM "User" u JOIN "AccessReview" r ON r."userId" = u.id WHERE u.id = ANY($1::uuid[]) ORDER BY r."createdAt"`,
    [[due.id, suspended.id]],
  );
  expect(rows).toEqual([
    { id: due.id, isActive: true, decision: "KEEP" },
    { id: suspended.id, isActive: false, decision: "REMOVE" },
  ]);
});
