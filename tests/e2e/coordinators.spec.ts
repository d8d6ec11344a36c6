import { expect as baseExpect, test, type Page } from "@playwright/test";
import { DEMO_TOTP_SECRETS } from "../../prisma/seed/demo-totp";
import { expectNoSeriousA11yViolations } from "./a11y";
import { query } from "./fixtures";
import { ACCOUNTS, DEMO_PASSWORD, giveAccessReasonIfAsked, signIn, signInAs, signOut } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

const COLLEAGUE = { email: "social2@malmo.samverkan.test", name: "Amir Haddad" };

/** A Malmö person whom no social secretary coordinates now (first by name: a stable choice). */
async function personWithoutSocialCoordinator() {
  const [row] = await query<{ id: string; name: string }>(
    `SELECT p.id, p."firstName" || ' ' || p."lastName" AS name
       FROM "Person" p JOIN "Site" s ON s.id = p."siteId"
      WHERE s.code = 'malmo' AND p."anonymisedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Assignment" a WHERE a."personId" = p.id AND a.agency = 'SOCIAL' AND a."endedAt" IS NULL)
      ORDER BY p."lastName", p."firstName", p.id LIMIT 1`,
  );
  return row!;
}

/** The page of `email`'s caseload (sorted by name, 25 a page) on which the person would be listed. */
async function caseloadPageOf(email: string, personId: string): Promise<number> {
  const [row] = await query<{ before: number }>(
    `SELECT count(*)::int AS before
       FROM "Assignment" a JOIN "Person" p ON p.id = a."personId" JOIN "User" u ON u.id = a."userId", "Person" me
      WHERE u.email = $1 AND a."endedAt" IS NULL AND p."anonymisedAt" IS NULL AND me.id = $2
        AND (p."lastName", p."firstName", p.id) < (me."lastName", me."firstName", me.id)`,
    [email, personId],
  );
  return Math.floor(row!.before / 25) + 1;
}

/** The person's link in the caseload list (by address: two demo people may share a name). */
const caseloadLink = (page: Page, person: { id: string; name: string }) =>
  page
    .getByRole("region", { name: "Min ärendelista" })
    .getByRole("link", { name: person.name })
    .and(page.locator(`[href="/people/${person.id}"]`));

async function caseloadCount(page: Page): Promise<number> {
  const text = await page.getByRole("region", { name: "Min ärendelista" }).getByRole("status").textContent();
  const match = /^(\d+|Inga) person/.exec(text ?? "");
  expect(match, `caseload count in "${text}"`).not.toBeNull();
  return match![1] === "Inga" ? 0 : Number(match![1]);
}

test("a social secretary takes a person on, hands over to a colleague, and the caseloads follow", async ({ page }) => {
  const person = await personWithoutSocialCoordinator();
  await signIn(page, "SOCIAL");
  const before = await caseloadCount(page);

  // From the person's file to its coordinators.
  await page.goto(`/people/${person.id}`);
  await giveAccessReasonIfAsked(page);
  await page.getByRole("main").getByRole("link", { name: "Samordnare", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Samordnare" })).toBeVisible();
  const social = page.getByRole("region", { name: "Socialtjänsten" });
  await expect(social.getByText("Ingen samordnare just nu.")).toBeVisible();
  // Only one's own agency's coordinators can be changed.
  await expect(
    page.getByRole("region", { name: "Polisen" }).getByText("Du kan bara ändra samordnare för din egen myndighet."),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Taking the person on.
  await social.getByRole("button", { name: "Ta över – lägg till mig som samordnare" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Du är nu samordnare för personen." })).toBeVisible();
  await expect(social.getByText(`${ACCOUNTS.SOCIAL.name} (du)`)).toBeVisible();
  await expect(social.getByText("Du är samordnare för personen.")).toBeVisible();

  await page.goto(`/caseload?page=${await caseloadPageOf(ACCOUNTS.SOCIAL.email, person.id)}`);
  await expect(caseloadLink(page, person)).toBeVisible();
  expect(await caseloadCount(page)).toBe(before + 1);

  // Handing over: no colleague chosen is an error next to the field; then the colleague, then ending one's own.
  await page.goto(`/people/${person.id}/coordinators`);
  await social.getByRole("button", { name: "Lägg till som samordnare" }).click();
  await expect(social.getByText("Välj vem som ska bli samordnare.")).toBeVisible();
  await social.getByLabel("Kollega").selectOption({ label: COLLEAGUE.name });
  await social.getByRole("button", { name: "Lägg till som samordnare" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kollegan är nu samordnare för personen." })).toBeVisible();
  await expect(social.getByText(COLLEAGUE.name, { exact: true })).toBeVisible();

  await social.getByText(`Avsluta uppdraget för ${ACCOUNTS.SOCIAL.name}`).click();
  await social.getByRole("button", { name: "Ja, avsluta uppdraget" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uppdraget är avslutat." })).toBeVisible();
  // The history is kept: Maria is a former coordinator now.
  await expect(social.getByRole("listitem").filter({ hasText: `${ACCOUNTS.SOCIAL.name}: ` })).toBeVisible();
  await expect(social.getByRole("button", { name: "Ta över – lägg till mig som samordnare" })).toBeVisible();

  await page.goto(`/caseload?page=${await caseloadPageOf(ACCOUNTS.SOCIAL.email, person.id)}`);
  expect(await caseloadCount(page)).toBe(before);
  await expect(caseloadLink(page, person)).toHaveCount(0);

  // The colleague finds the person on their caseload, without being asked for a reason.
  await signOut(page);
  await signInAs(page, COLLEAGUE.email, DEMO_PASSWORD, DEMO_TOTP_SECRETS[COLLEAGUE.email]!);
  await page.goto(`/caseload?page=${await caseloadPageOf(COLLEAGUE.email, person.id)}`);
  const link = caseloadLink(page, person);
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  await expect(page.getByText(`${COLLEAGUE.name} (Socialtjänsten)`)).toBeVisible();
});
