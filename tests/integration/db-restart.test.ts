import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, isDatabaseUnavailable, type Database } from "@/lib/db";
import { checkHealth } from "@/lib/health";
import { startScratchCluster, type ScratchCluster } from "../../scripts/lib/scratch-cluster";

// A PostgreSQL server of this test's own: stopping it must not disturb the other tests.
let cluster: ScratchCluster;
let database: Database;

beforeAll(async () => {
  cluster = await startScratchCluster("restart-it");
  database = createDatabase(cluster.url);
  // One table as the migrations make it: enough for model queries, without the CLI's start-up.
  await database.prisma.$executeRawUnsafe(
    `CREATE TABLE "Site" (id uuid PRIMARY KEY, code text UNIQUE NOT NULL, name text NOT NULL, "createdAt" timestamptz(3) NOT NULL DEFAULT now(),
      "passwordSignIn" boolean NOT NULL DEFAULT true, "accessReviewMonths" integer NOT NULL DEFAULT 12,
      "accessReviewGraceDays" integer NOT NULL DEFAULT 30, version integer NOT NULL DEFAULT 1)`,
  );
}, 120_000);

afterAll(async () => {
  await database?.prisma.$disconnect();
  await cluster?.destroy();
  await database?.pool.end();
});

async function until<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe("the app's database client across a PostgreSQL restart", () => {
  it("fails fast and recognisably during the outage, and works again afterwards without being recreated", async () => {
    const { prisma } = database;
    // Several pooled connections in use before the restart: they all die with the server.
    await Promise.all(Array.from({ length: 4 }, () => prisma.site.count()));
    expect(database.pool.totalCount).toBeGreaterThan(0);
    expect(await checkHealth(prisma)).toEqual({ status: "ok", database: "ok" });

    await cluster.stop();
    const started = Date.now();
    const error = await prisma.site.count().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(6_000);
    // A raw query (the session check is one) reports it as P2010 with the adapter's kind in meta.
    const rawError = await prisma.$queryRaw`SELECT 1`.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(rawError)).toBe(true);
    expect(await checkHealth(prisma)).toEqual({ status: "unavailable", database: "unavailable" });
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);

    await cluster.start();
    // The same client, the same pool: the next queries open new connections by themselves.
    expect(await until(() => prisma.site.count(), 10_000)).toBe(0);
    await prisma.$transaction(async (tx) => tx.site.create({ data: { code: "efter-omstart", name: "Efter omstart" } }));
    expect(await prisma.site.count()).toBe(1);
    expect(await checkHealth(prisma)).toEqual({ status: "ok", database: "ok" });
  }, 60_000);
});
