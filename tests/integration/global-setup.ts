import { availableParallelism } from "node:os";
import pg from "pg";
import type { TestProject } from "vitest/node";
import {
  databaseName,
  dropDatabase,
  ensureDatabase,
  startCluster,
  withDatabase,
  type Cluster,
} from "../../scripts/lib/local-db";
import { runPrismaOrThrow } from "../../scripts/lib/prisma-cli";

let cluster: Cluster | undefined;

/** How many workers Vitest starts for this project (its own resolveMaxWorkers, in run mode). */
function workerCount(project: TestProject): number {
  return project.config.maxWorkers || project.vitest.config.maxWorkers || Math.max(availableParallelism() - 1, 1);
}

/**
 * A real PostgreSQL for the integration tests: one migrated database, and a copy of it for each
 * worker (`CREATE DATABASE … TEMPLATE`, a file copy: migrating each would cost seconds apiece), so
 * the files run in parallel and every worker empties only its own database before each test.
 */
export async function setup(project: TestProject) {
  cluster = await startCluster("test", { quiet: true });
  const external = process.env.DATABASE_URL;
  // Each project (vitest.config.mts) has its own template and workers' databases.
  const base = external ? `${databaseName(external)}_it` : "samverkan_it";
  const template = withDatabase(cluster.url, `${base}_${project.name.replaceAll(/\W/g, "_")}`);
  const workers = Array.from({ length: workerCount(project) }, (_, i) =>
    withDatabase(template, `${databaseName(template)}_${i + 1}`),
  );
  for (const url of [...workers, template]) await dropDatabase(url);
  await ensureDatabase(template);
  await runPrismaOrThrow(["migrate", "deploy"], template, { quiet: true });
  const client = new pg.Client({ connectionString: withDatabase(template, "postgres") });
  await client.connect();
  try {
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    for (const url of workers)
      await client.query(`CREATE DATABASE ${quote(databaseName(url))} TEMPLATE ${quote(databaseName(template))}`);
  } finally {
    await client.end();
  }
  project.provide("databaseUrls", workers);
  project.provide("clusterUrl", cluster.url);
}

export async function teardown() {
  await cluster?.stop();
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    /** One database per worker, VITEST_POOL_ID 1 first (tests/integration/database.ts). */
    databaseUrls: string[];
    clusterUrl: string;
  }
}
