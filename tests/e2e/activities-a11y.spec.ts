import { expect as baseExpect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { giveAccessReasonIfAsked, signIn } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

async function check(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expectNoSeriousA11yViolations(page);
}

/** The first record a list links to, e.g. /call-ins/<id>. */
async function firstLinked(page: Page, listPath: string, href: RegExp): Promise<string> {
  await page.goto(listPath);
  const target = await page
    .getByRole("main")
    .getByRole("link")
    .evaluateAll(
      (links, source) => links.map((a) => a.getAttribute("href") ?? "").find((h) => new RegExp(source).test(h)) ?? "",
      href.source,
    );
  expect(target, `a record linked from ${listPath}`).not.toBe("");
  return target;
}

async function submitEmpty(page: Page, button: string) {
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByText("Kontrollera fälten som är markerade nedan.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
}

test("referral pages (social secretary): board, list, detail, support measure form with errors", async ({ page }) => {
  await signIn(page, "SOCIAL");
  await check(page, "/referrals");
  await check(page, "/referrals?view=list");
  const referral = await firstLinked(page, "/referrals?view=list&status=IN_PROGRAMME", /^\/referrals\/[0-9a-f-]{36}$/);
  // The person may be a colleague's: the caseload gate asks for a reason first (its form is checked elsewhere).
  await page.goto(referral);
  await giveAccessReasonIfAsked(page, page.getByRole("heading", { level: 1, name: /^Insats för/ }));
  await check(page, referral);
  await check(page, `${referral}/measures/new`);
  await submitEmpty(page, "Lägg till");
});

test("call-in pages: list, detail, edit with attendees, new", async ({ page }) => {
  await signIn(page, "SOCIAL");
  await check(page, "/call-ins");
  const callIn = await firstLinked(page, "/call-ins", /^\/call-ins\/[0-9a-f-]{36}$/);
  await check(page, callIn);
  await check(page, `${callIn}/edit`);
  await check(page, "/call-ins/new");
  await submitEmpty(page, "Spara stormöte");
});

test("follow-up pages (probation officer): lists, detail, new with errors", async ({ page }) => {
  await signIn(page, "PROBATION");
  await check(page, "/follow-ups");
  await check(page, "/follow-ups?view=team");
  await check(page, await firstLinked(page, "/follow-ups", /^\/follow-ups\/[0-9a-f-]{36}/));
  const person = await firstLinked(page, "/caseload", /^\/people\/[0-9a-f-]{36}$/);
  await check(page, `/follow-ups/new?personId=${person.split("/").pop()}`);
  await submitEmpty(page, "Spara uppföljning");
});

test("enforcement and incident pages (police): lists, forms with errors, detail", async ({ page }) => {
  await signIn(page, "POLICE");
  await check(page, "/enforcement");
  const person = await firstLinked(page, "/people", /^\/people\/[0-9a-f-]{36}$/);
  await page.goto(`/enforcement/new?personId=${person.split("/").pop()}`);
  await giveAccessReasonIfAsked(page, page.getByText(/^Åtgärd mot /));
  await check(page, `/enforcement/new?personId=${person.split("/").pop()}`);
  await submitEmpty(page, "Registrera åtgärd");
  await check(page, "/incidents");
  await check(page, "/incidents/new");
  await submitEmpty(page, "Registrera händelse");
  await check(page, await firstLinked(page, "/incidents", /^\/incidents\/[0-9a-f-]{36}$/));
  await check(page, "/referrals");
});

test("incident pages (manager)", async ({ page }) => {
  await signIn(page, "MANAGER");
  await check(page, "/incidents");
  await check(page, await firstLinked(page, "/incidents", /^\/incidents\/[0-9a-f-]{36}$/));
});
