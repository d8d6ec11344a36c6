import { expect as baseExpect, test, type Page } from "@playwright/test";
import { dateIn, dateTimeIn, idFromLink } from "./fixtures";
import { signIn, signOut } from "./helpers";

// Saving goes through a server action and a redirect: on a loaded 2-core machine that can take a while.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 180_000 });

async function firstPersonOnMyCaseload(page: Page): Promise<{ personId: string; name: string }> {
  await page.goto("/caseload");
  const link = page.getByRole("table").getByRole("link").first();
  return { personId: await idFromLink(page, link), name: (await link.textContent())!.trim() };
}

function tabCount(text: string | null): number {
  return Number(/\((\d+)\)/.exec(text ?? "")?.[1]);
}

test("a probation officer plans, logs and completes follow-ups and sees who is overdue", async ({ page }) => {
  await signIn(page, "PROBATION");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppföljningar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Uppföljningar" })).toBeVisible();
  const overdueTab = page.getByRole("navigation", { name: "Visa" }).getByRole("link", { name: /Mina försenade/ });
  await expect(overdueTab).toHaveAttribute("aria-current", "page");
  const overdueBefore = tabCount(await overdueTab.textContent());
  expect(overdueBefore).toBeGreaterThan(0);
  await expect(page.getByRole("main").getByText("Försenad", { exact: true }).first()).toBeVisible();

  // Logging from the person's file: nothing filled in is refused with the reason.
  const { personId, name } = await firstPersonOnMyCaseload(page);
  await page.goto(`/follow-ups/new?personId=${personId}`);
  await expect(page.getByText(`Uppföljning av ${name}`)).toBeVisible();
  await page.getByLabel("Sammanfattning").fill("Följ upp arbetsträningen.");
  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(page.getByText("Ange när uppföljningen ska göras, eller när den gjordes.")).toBeVisible();
  await expect(page.getByLabel("Sammanfattning")).toHaveValue("Följ upp arbetsträningen.");

  // A contact in the future is refused.
  await page.getByLabel("Kontakten togs (datum och tid)").fill(dateTimeIn(2));
  await page.getByRole("radio", { name: "Telefon" }).check();
  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(page.getByText("Datumet kan inte ligga i framtiden.")).toBeVisible();

  // Planned, due yesterday: it lands on the overdue list.
  await page.reload();
  await page.getByLabel("Ska göras senast").fill(dateIn(-1));
  await page.getByLabel("Sammanfattning").fill("Följ upp arbetsträningen.");
  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uppföljningen är sparad." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Uppgifter" })).toContainText("Försenad");

  await page.getByRole("link", { name: "Alla uppföljningar" }).click();
  await expect(overdueTab).toHaveText(`Mina försenade (${overdueBefore + 1})`);
  const mine = page.getByRole("article", { name }).filter({ hasText: "Följ upp arbetsträningen." });
  await expect(mine).toContainText("Försenad");

  // Marked done from the overdue list, and back to the list.
  await mine.getByRole("link", { name: /Markera som genomförd/ }).click();
  await page.getByRole("radio", { name: "Möte" }).check();
  await page.getByLabel("Sammanfattning").fill("Träffades på frivården. Arbetsträningen går bra.");
  await page.getByRole("button", { name: "Markera som genomförd" }).click();
  await expect(page).toHaveURL(/\/follow-ups\?saved=done$/);
  await expect(page.getByRole("status").filter({ hasText: "Uppföljningen är markerad som genomförd." })).toBeVisible();
  await expect(overdueTab).toHaveText(`Mina försenade (${overdueBefore})`);
  await page.getByRole("link", { name: "Mina genomförda" }).click();
  await expect(page.getByRole("article", { name }).filter({ hasText: "Arbetsträningen går bra." })).toContainText(
    "Möte",
  );

  // A contact already made is logged in one go: an hour ago, which is in the past at any hour
  // (today at 08:00 is in the future before eight, and was refused on night-time runs).
  await page.goto(`/follow-ups/new?personId=${personId}`);
  await page.getByLabel("Kontakten togs (datum och tid)").fill(dateTimeIn(-1 / 24));
  await page.getByRole("radio", { name: "Hembesök" }).check();
  await page.getByRole("button", { name: "Spara uppföljning" }).click();
  await expect(page.getByRole("region", { name: "Uppgifter" })).toContainText("Hembesök");

  // The agency's overdue follow-ups per officer.
  await page.goto("/follow-ups?view=team");
  const perOfficer = page.getByRole("table", { name: "Försenade per handläggare" });
  await expect(perOfficer.getByRole("rowheader", { name: "Karin Nyström" })).toBeVisible();
  await expect(perOfficer.getByRole("rowheader", { name: "Peter Sandberg" })).toBeVisible();
  await perOfficer.getByRole("link", { name: "Peter Sandberg" }).click();
  await expect(page.getByRole("main").getByText("Handläggare: Peter Sandberg").first()).toBeVisible();
  await expect(page.getByRole("main").getByText("Handläggare: Karin Nyström")).toHaveCount(0);
});

test("follow-ups are not the police's", async ({ page }) => {
  await signIn(page, "POLICE");
  await expect(
    page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Uppföljningar" }),
  ).toHaveCount(0);
  expect((await page.goto("/follow-ups"))?.status()).toBe(404);
  await signOut(page);
  await signIn(page, "MANAGER");
  expect((await page.goto("/follow-ups"))?.status()).toBe(404);
});
