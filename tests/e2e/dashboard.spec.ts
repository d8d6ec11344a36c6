import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { signIn } from "./helpers";

// The demo seed reproduces the press release (prisma/seed/demo.ts): the latest round is
// "Hösten 2020" (24 sought out, 5 asked for help on the spot), the one before it "Maj 2020".
// The page shows every count as its band of five (docs/decisions/009): 24 as "20–24".

// Charts draw after hydration, which on two busy cores can take longer than the usual 7 s.
const CHART_TIMEOUT = 20_000;

test("a manager sees the latest round's figures, compares it with May's, and reads the funnel as a table", async ({
  page,
}) => {
  await signIn(page, "MANAGER");
  await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "Visar Hösten 2020 (2020-09-14 – 2020-09-25)" }),
  ).toContainText("jämfört med Maj 2020");

  const table = page.getByRole("table", { name: "Nådda med budskapet" });
  await expect(table.getByRole("row", { name: /Uppsökta personer \(individuella samtal\)/ })).toContainText("20–24");
  await expect(
    table
      .getByRole("row", { name: /^Bad om hjälp på plats/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("5–9");

  // May's round: 23 sought out, 7 sought support, and the 2 helped to move shown as "<5".
  await page.getByLabel("Omgång").selectOption({ label: "Maj 2020 (två veckor) · 2020-05-11 – 2020-05-22" });
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page).toHaveURL(/period=round&round=/);
  await expect(
    table
      .getByRole("row", { name: /Uppsökta personer/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("20–24");
  const funnel = page.getByRole("region", { name: "Från budskap till avhopp" });
  await expect(funnel.getByRole("img", { name: /Stapeldiagram: 20–24 nådda, 5–9 sökte stöd/ })).toBeVisible({
    timeout: CHART_TIMEOUT,
  });
  await funnel.getByText("Visa som tabell").click();
  const funnelTable = funnel.getByRole("table");
  await expect(
    funnelTable
      .getByRole("row", { name: /Sökte stöd inom 90 dagar/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("5–9");
  await expect(
    funnelTable
      .getByRole("row", { name: /Fick hjälp att flytta/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("<5");
});

test("the dashboard, its charts drawn and its tables open, has no serious accessibility violations", async ({
  page,
}) => {
  await signIn(page, "MANAGER");
  await expect(
    page
      .getByRole("img", { name: /skottlossningar per år/ })
      .locator("svg")
      .first(),
  ).toBeVisible({ timeout: CHART_TIMEOUT });
  for (const summary of await page.getByText("Visa som tabell").all()) await summary.click();
  await expectNoSeriousA11yViolations(page);
});

test("shootings per year: a chart, and the same numbers as a table and as CSV", async ({ page }) => {
  await signIn(page, "MANAGER");
  const incidents = page.getByRole("region", { name: "Skottlossningar och annat grovt våld" });
  await expect(
    incidents
      .getByRole("img", { name: /skottlossningar per år/ })
      .locator("svg")
      .first(),
  ).toBeVisible({ timeout: CHART_TIMEOUT });
  await incidents.getByText("Visa som tabell").first().click();
  await expect(
    incidents.getByRole("table", { name: "Skottlossningar per år" }).getByRole("row", { name: /^2017/ }),
  ).toContainText("65");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    incidents.getByRole("link", { name: "Ladda ner CSV: Skottlossningar per år" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("samverkan-incidentsPerYear-2020-09-14-2020-09-25.csv");
  const csv = await readFile((await download.path())!, "utf8");
  for (const [year, count] of [
    ["2017", 65],
    ["2018", 47],
    ["2019", 34],
    ["2020", 19],
  ])
    expect(csv).toContain(`\r\n${year};${count};`);
});

test("custom months the wrong way round are explained next to the field; whole months are compared with the months before", async ({
  page,
}) => {
  await signIn(page, "MANAGER");
  await page.getByLabel("Period", { exact: true }).selectOption("custom");
  await page.getByLabel("Från och med månad").fill("2020-06");
  await page.getByLabel("Till och med månad").fill("2020-05");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Perioden kunde inte visas" })).toBeVisible();
  await expect(page.getByText("Slutmånaden ligger före startmånaden.")).toBeVisible();
  await expect(page.getByLabel("Till och med månad")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Från och med månad")).toHaveValue("2020-06");

  await page.getByLabel("Från och med månad").fill("2020-05");
  await page.getByLabel("Till och med månad").fill("2020-06");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Visar 2020-05-01 – 2020-06-30" })).toContainText(
    "jämfört med 2020-03-01 – 2020-04-30",
  );

  // A range of days, as the differencing attack used, is not a period the dashboard shows.
  await page.goto("/dashboard?period=custom&from=2020-09-01&to=2020-09-21");
  await expect(page.getByText("Ange en månad som ÅÅÅÅ-MM.").first()).toBeVisible();
});

test("an agency user sees their own caseload's figures, without exports", async ({ page }) => {
  await signIn(page, "POLICE");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Översikt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
  await expect(page.getByText("Siffror för personerna i din ärendelista")).toBeVisible();
  await expect(page.getByRole("link", { name: /Ladda ner CSV/ })).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "Ärenden per samordnare" }).getByRole("row", { name: /Jonas Berglund/ }),
  ).toBeVisible();
  expect((await page.request.get("/dashboard/csv?section=reach")).status()).toBe(404);
});

test("the administrator has no dashboard and no CSV export", async ({ page }) => {
  await signIn(page, "ADMIN");
  expect((await page.goto("/dashboard"))?.status()).toBe(404);
  expect((await page.request.get("/dashboard/csv?section=reach")).status()).toBe(404);
});
