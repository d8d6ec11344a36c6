import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe on the page (WCAG 2.1 A/AA rules) and fails on any serious or critical violation.
 * The app has no frames, so axe runs in the page itself (legacy mode) instead of finishing each
 * run in a new blank page, and collects only the violations, which is all this reads. Measured on
 * 2 cores: the coordinator's pages in a11y.spec.ts 58 s → 20 s, activities-a11y.spec.ts 224 s → 174 s.
 */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] })
    .setLegacyMode()
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}
