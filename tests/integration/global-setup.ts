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

/** A real PostgreSQL for the integration tests: a fresh, migrated database of their own. */
export async function setup(project: TestProject) {
  cluster = await startCluster("test", { quiet: true });
  const external = process.env.DATABASE_URL;
  const url = withDatabase(cluster.url, external ? `${databaseName(external)}_it` : "samverkan_it");
  await dropDatabase(url);
  await ensureDatabase(url);
  await runPrismaOrThrow(["migrate", "deploy"], url, { quiet: true });
  project.provide("databaseUrl", url);
  project.provide("clusterUrl", cluster.url);
}

export async function teardown() {
  await cluster?.stop();
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    databaseUrl: string;
    clusterUrl: string;
  }
}
