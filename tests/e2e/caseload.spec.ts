import { expect as baseExpect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./a11y";
import { signIn, signOut } from "./helpers";

// Each journey is many page loads on a 2-core machine shared with the build and the database.
const expect = baseExpect.configure({ timeout: 15_000 });

test("each agency's start page is its working list with counts; the police have no follow-ups", async ({ page }) => {
  test.slow();
  await signIn(page, "PROBATION");
  const tiles = page.getByRole("region", { name: "Att göra" });
  await expect(tiles.getByText("Personer i min ärendelista")).toBeVisible();
  await expect(tiles.getByText("Mina försenade uppföljningar")).toBeVisible();
  await expect(tiles.getByRole("link", { name: "Visa försenade uppföljningar" })).toHaveAttribute(
    "href",
    "/follow-ups",
  );
  await expect(tiles.getByRole("link", { name: "Visa insatser" })).toHaveAttribute("href", "/referrals");
  const count = await page.getByRole("region", { name: "Min ärendelista" }).getByRole("status").textContent();
  expect(count).toMatch(/^\d+ personer i din ärendelista$/);
  await expect(tiles).toContainText(count!.split(" ")[0]!);
  await expectNoSeriousA11yViolations(page);

  await signOut(page);
  await signIn(page, "POLICE");
  await expect(page.getByRole("region", { name: "Att göra" }).getByText("Mina försenade uppföljningar")).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "Att göra" }).getByText("Öppna insatser för mina personer"),
  ).toBeVisible();
});
