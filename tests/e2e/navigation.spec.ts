import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The main menu says where the user is, and a page that is not found is one page with one <main>
// (issue 12): the in-app 404 used to put a second <main id="main"> inside the layout's.

test("the menu marks the current section with aria-current, on its pages and below them", async ({ page }) => {
  await signIn(page, "POLICE");
  const menu = page.getByRole("navigation", { name: "Huvudmeny" });
  await page.goto("/people");
  await expect(menu.getByRole("link", { name: "Personer", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(menu.locator("[aria-current]")).toHaveCount(1);
  await page.getByRole("main").getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}/);
  await expect(menu.getByRole("link", { name: "Personer", exact: true })).toHaveAttribute("aria-current", "page");
  await menu.getByRole("link", { name: "Grupperingar" }).click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(menu.getByRole("link", { name: "Grupperingar" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Personer", exact: true })).not.toHaveAttribute("aria-current");
  await expect(menu.locator("[aria-current]")).toHaveCount(1);
});

test("a record that is not found is a 404 page with the menu and exactly one main", async ({ page }) => {
  await signIn(page, "POLICE");
  const response = await page.goto(`/groups/${randomUUID()}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("#main")).toHaveCount(1);
  await expect(page.getByRole("main").getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Grupperingar" }),
  ).toHaveAttribute("aria-current", "page");
});

test("an address that matches no page is a 404 page with exactly one main", async ({ page }) => {
  await signIn(page, "POLICE");
  const response = await page.goto("/finns-inte-alls");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("#main")).toHaveCount(1);
});
