import { appSecrets, databaseName, dropDatabase, ensureDatabase, withDatabase } from "./local-db";
import { runPrismaOrThrow } from "./prisma-cli";
import { seedDemoDatabase } from "./seed-runner";

/**
 * The end-to-end tests' database on the test cluster: `samverkan_e2e`, or `<name>_e2e` beside
 * DATABASE_URL. Shared by the server (scripts/e2e-server.ts) and the tests' own fixtures, which
 * add users of their own so that no test changes a demo account.
 */
export function e2eDatabaseUrl(clusterUrl: string): string {
  return withDatabase(
    clusterUrl,
    process.env.DATABASE_URL ? `${databaseName(process.env.DATABASE_URL)}_e2e` : "samverkan_e2e",
  );
}

/** The environment the end-to-end tests' app is built and served with (scripts/e2e-server.ts, scripts/test-all.ts). */
export async function e2eAppEnv(clusterUrl: string) {
  return {
    ...process.env,
    DATABASE_URL: e2eDatabaseUrl(clusterUrl),
    ...(await appSecrets()),
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
  };
}

/** A fresh end-to-end database: dropped, created, migrated and loaded with the demo data. */
export async function prepareE2eDatabase(clusterUrl: string): Promise<void> {
  const url = e2eDatabaseUrl(clusterUrl);
  await dropDatabase(url);
  await ensureDatabase(url);
  await runPrismaOrThrow(["migrate", "deploy"], url, { quiet: true });
  await seedDemoDatabase(url);
}
