import { expect, type Page } from "@playwright/test";

/** The demo accounts (prisma/seed/demo.ts); demo passwords are for development only. */
export const DEMO_PASSWORD = "Samverkan-demo-2026";
export const ACCOUNTS = {
  POLICE: { email: "polis@malmo.samverkan.test", name: "Jonas Berglund", start: "/caseload", heading: "Mina ärenden" },
  SOCIAL: { email: "social@malmo.samverkan.test", name: "Maria Ekström", start: "/caseload", heading: "Mina ärenden" },
  PROBATION: { email: "frivard@malmo.samverkan.test", name: "Karin Nyström", start: "/caseload", heading: "Mina ärenden" },
  MANAGER: { email: "ledning@malmo.samverkan.test", name: "Lena Åberg", start: "/dashboard", heading: "Översikt" },
  ADMIN: { email: "admin@malmo.samverkan.test", name: "Tomas Wik", start: "/admin/users", heading: "Användare" },
} as const;
export type DemoRole = keyof typeof ACCOUNTS;

export async function signIn(page: Page, role: DemoRole) {
  const account = ACCOUNTS[role];
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(account.email);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  // Sign-in is two redirects after an argon2 check: allow for a busy 2-core machine.
  await expect(page).toHaveURL(new RegExp(`${account.start}$`), { timeout: 20_000 });
}

/** Signs out and waits until the sign-out has gone through (a navigation right after the click would race it). */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
}

/**
 * The caseload gate (issue 4): opening the file of a person outside one's own caseload asks for a
 * reason first. Waits for the navigation to a person's file to settle; gives a reason if asked.
 */
export async function giveAccessReasonIfAsked(page: Page) {
  // Either the reason form or the file (whose header links to the person's consent) — the URL
  // alone can show the file's address for a moment before the server's redirect is followed.
  const asked = page.getByRole("heading", { level: 1, name: "Skäl för åtkomst" });
  await expect(asked.or(page.getByRole("main").getByRole("link", { name: "Samtycke", exact: true }))).toBeVisible({ timeout: 20_000 });
  if (!(await asked.isVisible())) return;
  await page.getByRole("radio", { name: "Gemensam planering mellan myndigheterna" }).check();
  await page.getByRole("button", { name: "Öppna personakten" }).click();
  await expect(page.getByRole("main").getByRole("link", { name: "Samtycke", exact: true })).toBeVisible({ timeout: 20_000 });
}
