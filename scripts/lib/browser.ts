/**
 * A browser for the end-to-end tests, found or fetched by `npm test` itself, in this order:
 * Debian's Chromium (/usr/bin/chromium, which playwright.config.ts uses where it exists); else
 * Playwright's own Chromium, downloaded where the network allows; else Debian's package, when
 * running as root; else one line that says the single command to run.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ROOT } from "./local-db";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

function run(command: string, args: string[], timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    // Without a network Playwright's download retries for about a minute; a stalled one would hang.
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("error", () => resolve(false));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

async function playwrightChromiumWorks(): Promise<boolean> {
  try {
    const browser = await chromium.launch();
    await browser.close();
    return true;
  } catch {
    return false;
  }
}

/** True when the end-to-end tests have a browser; otherwise it has said what to run. */
export async function ensureBrowser(): Promise<boolean> {
  if (existsSync(SYSTEM_CHROMIUM) || (await playwrightChromiumWorks())) return true;

  console.log("No browser for the end-to-end tests: downloading Playwright's Chromium …");
  const playwright = path.join(ROOT, "node_modules", ".bin", "playwright");
  if ((await run(playwright, ["install", "chromium"], 10 * 60_000)) && (await playwrightChromiumWorks())) return true;

  if (process.getuid?.() === 0) {
    console.log("Playwright's download failed: installing Chromium from the system's packages (apt-get) …");
    if (
      (await run("apt-get", ["update", "-qq"], 10 * 60_000)) &&
      (await run("apt-get", ["install", "-y", "-qq", "chromium"], 10 * 60_000)) &&
      existsSync(SYSTEM_CHROMIUM)
    )
      return true;
  }
  console.log(
    "No browser for the end-to-end tests, and none could be installed: run `sudo apt-get install -y chromium` (or `npx playwright install chromium` where the network allows), then `npm test` again.",
  );
  return false;
}
