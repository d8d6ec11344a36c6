import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the dashboard works at phone width: the period form, the figures and no sideways page scroll", async ({
  page,
}) => {
  await signIn(page, "MANAGER");
  await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
  await page.getByLabel("Period", { exact: true }).selectOption("all");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sedan start" })).toBeVisible();
  const button = await page.getByRole("button", { name: "Visa", exact: true }).boundingBox();
  expect(button!.height).toBeGreaterThanOrEqual(44);
  // Wide tables scroll inside their own region; the page itself does not.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
