import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/stubs/server-only.ts"),
};

/*
 * The integration tests run in two projects. Most files share each worker's modules
 * (isolate: false): importing the app's module graph anew for every file cost about 3 s of a
 * worker's time per file, a third of the whole integration run's import time (measured: 154 s
 * of import over 46 files isolated, 48 s shared). A file that replaces a module with vi.mock
 * needs a module graph of its own, since a module another file loaded first would stay real:
 * those files, found by their vi.mock call, run isolated.
 */
const INTEGRATION = "tests/integration";
const MOCKING = readdirSync(INTEGRATION)
  .filter((f) => f.endsWith(".test.ts") && readFileSync(path.join(INTEGRATION, f), "utf8").includes("vi.mock("))
  .map((f) => `${INTEGRATION}/${f}`);

function integration(name: string, files: { isolate?: boolean; include?: string[]; exclude?: string[] }) {
  return {
    resolve: { alias },
    test: {
      name,
      environment: "node" as const,
      include: files.include ?? [`${INTEGRATION}/**/*.test.ts`],
      exclude: files.exclude ?? [],
      isolate: files.isolate ?? true,
      globalSetup: [`${INTEGRATION}/global-setup.ts`],
      setupFiles: [`${INTEGRATION}/setup.ts`],
      testTimeout: 30_000,
      // next-auth imports "next/server" without an extension, which only a bundler resolves.
      server: { deps: { inline: ["next-auth"] } },
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    // Vitest's default on 2 cores is one worker. The integration tests wait on PostgreSQL more
    // than they compute: measured with /usr/bin/time on 2 cores, the whole run used ~310
    // CPU-seconds in 536 s with two workers (each on its own database) and ~265 in 395 s with
    // four, on the same loaded machine. Four, or one per core where there are more.
    maxWorkers: Math.max(4, availableParallelism()),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "tests/unit/**/*.test.{ts,tsx}"],
        },
      },
      integration("integration", { isolate: false, exclude: MOCKING }),
      integration("integration-mocks", { include: MOCKING }),
    ],
  },
});
