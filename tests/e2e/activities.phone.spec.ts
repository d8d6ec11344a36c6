import { expect as baseExpect, test } from "@playwright/test";
import { expectNoSidewaysScroll } from "./fixtures";
import { DEMO_TOTP_SECRETS } from "../../prisma/seed/demo-totp";
import { DEMO_PASSWORD, signIn, signInAs } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

// Probation officers and social secretaries work between meetings: on a phone-width screen.
test("marking an overdue follow-up done on a phone", async ({ page }) => {
  // Peter Sandberg, so that the desktop journey's counts of Karin Nyström's list stay hers alone.
  await signInAs(
    page,
    "frivard2@malmo.samverkan.test",
    DEMO_PASSWORD,
    DEMO_TOTP_SECRETS["frivard2@malmo.samverkan.test"]!,
  );
  await expect(page).toHaveURL(/\/caseload$/);
  await page.goto("/follow-ups?view=team");
  await expectNoSidewaysScroll(page);
  await page.goto("/follow-ups");
  await expectNoSidewaysScroll(page);
  const first = page.getByRole("main").getByRole("article").first();
  const name = await first.getAttribute("aria-label");
  await first.getByRole("link", { name: /Markera som genomförd/ }).click();
  await expectNoSidewaysScroll(page);
  await page.getByRole("radio", { name: "Telefon" }).check();
  await page.getByLabel("Sammanfattning").fill("Kort samtal i telefon.");
  await page.getByRole("button", { name: "Markera som genomförd" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uppföljningen är markerad som genomförd." })).toBeVisible();
  await page.getByRole("link", { name: "Mina genomförda" }).click();
  await expect(page.getByRole("article", { name: name! }).filter({ hasText: "Kort samtal i telefon." })).toBeVisible();
});

test("the referral board, call-ins and incidents fit a phone", async ({ page }) => {
  await signIn(page, "SOCIAL");
  for (const path of ["/referrals", "/referrals?view=list", "/call-ins", "/call-ins/new", "/incidents"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});
