import { expect, type Page } from "@playwright/test";

const FORMAT = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** A Stockholm date and time `days` from now, as a datetime-local field takes it. */
export function dateTimeIn(days: number): string {
  return FORMAT.format(new Date(Date.now() + days * 86_400_000)).replace(" ", "T");
}

/** A Stockholm calendar date `days` from today, as a date field takes it. */
export function dateIn(days: number): string {
  return dateTimeIn(days).slice(0, 10);
}

/** The id at the end of a link's href (/people/<id>). */
export async function idFromLink(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string> {
  const href = await link.getAttribute("href");
  const id = href?.split("/").pop()?.split("?")[0];
  expect(id, "link to a record").toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

/** Nothing on the page overflows sideways (phone width). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
