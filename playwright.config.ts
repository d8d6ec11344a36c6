import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium where installed (this project's CI and dev machines cannot download
// Playwright's own browser); Playwright's browser elsewhere.
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // Two workers on 2 cores. Measured with the whole suite on this 2-core machine: two workers took
  // 539 s; three took 690 s, each test about twice as long (the sum of the tests' durations went
  // from ~1000 s to ~1900 s): the server, the browser and the database share the two cores, and a
  // third worker only queues for them. E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: true,
  // Headless Chromium without a GPU on 2 cores, beside the server: page loads take ~0.5 s here.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    // A failing test keeps its trace (actions, DOM snapshots, network) but no screenshots: the
    // screencast behind them cost more than a third of each test's time (people.spec.ts with one
    // worker: 282 s with screenshots, 148 s without; CPU 54 s against 45 s).
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, testIgnore: /.*\.phone\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, testMatch: /.*\.phone\.spec\.ts/ },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    // Migrate, seed and a production build: over four minutes on a 2-core machine shared with other jobs.
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
