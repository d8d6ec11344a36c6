import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./helpers";

/*
 * Signing in through an agency's e-identification, against the test IdP the e2e server starts
 * (scripts/lib/demo-idp.ts: a real OpenID Connect provider on loopback, marked as a test IdP).
 */

const LEVEL_2 = "http://id.elegnamnden.se/loa/1.0/loa2";

/** From the login page to the IdP's sign-in form, through the given agency's button. */
async function toIdp(page: Page, agency: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: `Logga in med e-legitimation (test-IdP) – ${agency}` }).click();
  await expect(page.getByRole("heading", { name: "Logga in (test-IdP)" })).toBeVisible();
  await expect(page.getByRole("note")).toHaveText(/TEST-IdP – ingen riktig e-legitimation/);
}

async function atIdp(page: Page, account: string, acr?: string) {
  await page.getByLabel("Konto").selectOption({ label: account });
  if (acr) await page.getByLabel("Tillitsnivå").selectOption(acr);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
}

test("a police officer signs in with the police's IdP, without a one-time code, and signing out ends both sessions", async ({
  page,
}) => {
  await toIdp(page, "Polisen");
  await atIdp(page, `${ACCOUNTS.POLICE.name} – Polisen`);
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByText(`Inloggad som ${ACCOUNTS.POLICE.name}`)).toBeVisible();

  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/login\?session=signedOut$/);
  await expect(page.getByText("Du är utloggad från Samverkan och från e-legitimationstjänsten.")).toBeVisible();
  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/login\?next=%2Fcaseload$/);
  // The IdP's session ended too: it asks who is signing in again instead of letting them through.
  await toIdp(page, "Polisen");
});

test("the IdP's answer is refused in Swedish for an unprovisioned person, too low a level, and another agency's IdP", async ({
  page,
}) => {
  await toIdp(page, "Polisen");
  await atIdp(page, "Okänd Testperson – Polisen");
  await expect(page).toHaveURL(/\/login\?federated=unknownSubject$/);
  await expect(
    page.getByRole("alert").filter({ hasText: "Det finns inget konto i Samverkan för din e-legitimation" }),
  ).toBeVisible();

  // Each part in a new browser: the IdP would otherwise sign the previous account in again.
  await page.context().clearCookies();
  await toIdp(page, "Kriminalvården");
  await atIdp(page, `${ACCOUNTS.PROBATION.name} – Kriminalvården`, LEVEL_2);
  await expect(page.getByRole("alert").filter({ hasText: "för låg tillitsnivå" })).toBeVisible();

  await page.context().clearCookies();
  // A probation officer through the police's IdP.
  await toIdp(page, "Polisen");
  await atIdp(page, `${ACCOUNTS.PROBATION.name} – Kriminalvården`);
  await expect(page).toHaveURL(/\/login\?federated=wrongAgency$/);
  await expect(page.getByRole("alert").filter({ hasText: "en annan myndighets e-legitimation" })).toBeVisible();
});
