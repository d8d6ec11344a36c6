import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO_TOTP_SECRETS } from "../../prisma/seed/demo-totp";
import { e2eDb } from "./fixtures";
import { DEMO_PASSWORD, signInAs } from "./helpers";

// The national team (issue 16, docs/decisions/015): every site's figures side by side, in bands of
// five, and a total that is the sum of the sites' bands; never a person.
const NATIONAL = "nationell@malmo.samverkan.test";

test("the national team compares the sites side by side, downloads the CSV, and never opens a person", async ({
  page,
}) => {
  await signInAs(page, NATIONAL, DEMO_PASSWORD, DEMO_TOTP_SECRETS[NATIONAL]!);
  await expect(page).toHaveURL(/\/national$/);
  await expect(page.getByRole("heading", { level: 1, name: "Nationell översikt" })).toBeVisible();
  // The menu offers the national view alone.
  const nav = page.getByRole("navigation", { name: "Huvudmeny" }).first();
  await expect(nav.getByRole("link")).toHaveText(["Nationell översikt"]);

  // September 2020, the press release's round: whole months, with the period picker.
  await page.getByLabel("Period", { exact: true }).selectOption({ label: "Egna hela månader" });
  await page.getByLabel("Från och med månad").fill("2020-09");
  await page.getByLabel("Till och med månad").fill("2020-09");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page).toHaveURL(/period=custom/);
  const table = page.getByRole("table", { name: "Perioden 2020-09-01 – 2020-09-30" });
  await expect(table.getByRole("columnheader")).toContainText(["Mått", "Malmö", "Örebro", "Totalt"]);
  const row = table.getByRole("row", { name: /Uppsökta personer \(individuella samtal\)/ });
  await expect(row.getByRole("cell").first()).toHaveText("20–24");
  await expect(row.getByRole("cell").last()).toHaveText(/^\d+–\d+$/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ner CSV: Perioden 2020-09-01 – 2020-09-30" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("samverkan-national-current-2020-09-01-2020-09-30.csv");
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain("Mått;Malmö;Örebro;Totalt\r\n");
  expect(csv).toMatch(/\r\nUppsökta personer \(individuella samtal\);20–24;(<5|\d+–\d+);\d+–\d+\r\n/);

  // A Malmö person's address: not found, exactly like a page that does not exist.
  const { rows } = await (
    await e2eDb()
  ).query<{ id: string }>(
    `SELECT p.id FROM "Person" p JOIN "Site" s ON s.id = p."siteId" WHERE s.code = 'malmo' LIMIT 1`,
  );
  await page.goto(`/people/${rows[0]!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
});
