/**
 * A Playwright reporter that tells where the end-to-end tests' time goes: per test, and summed
 * over all tests per kind of step (navigation, click, assertion, axe, …). Use it beside the usual
 * one: `npx playwright test --reporter=list,./scripts/e2e-timings.ts`. It writes
 * test-results/e2e-timings.txt.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { FullResult, Reporter, TestCase, TestResult, TestStep } from "@playwright/test/reporter";

type Row = { test: string; ms: number };

function kindOf(step: TestStep): string | null {
  // Only the outermost API steps: nested ones (a click's own waiting) would count twice.
  for (let parent = step.parent; parent; parent = parent.parent)
    if (parent.category === "pw:api" || parent.category === "expect") return null;
  if (step.category === "hook" || step.category === "fixture") return `${step.category}: ${step.title}`;
  if (step.category !== "pw:api" && step.category !== "expect") return null;
  const title = step.title
    .replace(/".*"/s, "…")
    .replace(/\(.*\)/s, "")
    .replace(/\s+/g, " ");
  return `${step.category}: ${title.split(" ").slice(0, 3).join(" ")}`;
}

export default class TimingReporter implements Reporter {
  private tests: Row[] = [];
  private kinds = new Map<string, { ms: number; count: number }>();

  onStepEnd(_test: TestCase, _result: TestResult, step: TestStep) {
    const kind = kindOf(step);
    if (!kind) return;
    const entry = this.kinds.get(kind) ?? { ms: 0, count: 0 };
    entry.ms += step.duration;
    entry.count += 1;
    this.kinds.set(kind, entry);
  }

  onTestEnd(test: TestCase, result: TestResult) {
    this.tests.push({ test: `${path.basename(test.location.file)} › ${test.title}`, ms: result.duration });
  }

  onEnd(_result: FullResult) {
    const total = this.tests.reduce((sum, t) => sum + t.ms, 0);
    const lines = [`${this.tests.length} tests, ${(total / 1000).toFixed(0)} s in tests`, "", "By kind of step:"];
    for (const [kind, { ms, count }] of [...this.kinds].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40))
      lines.push(`${(ms / 1000).toFixed(1).padStart(8)} s ${String(count).padStart(6)}×  ${kind}`);
    lines.push("", "By test:");
    for (const t of [...this.tests].sort((a, b) => b.ms - a.ms))
      lines.push(`${(t.ms / 1000).toFixed(1).padStart(8)} s  ${t.test}`);
    writeFileSync(path.join("test-results", "e2e-timings.txt"), lines.join("\n") + "\n");
  }
}
