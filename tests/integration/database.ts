import { inject } from "vitest";

/**
 * This worker's own database: the integration files run in parallel, each worker on a copy of
 * the migrated template (tests/integration/global-setup.ts), emptied before each of its tests.
 */
export function testDatabaseUrl(): string {
  const urls = inject("databaseUrls");
  const worker = Number(process.env.VITEST_POOL_ID ?? 1);
  const url = urls[worker - 1];
  if (!url) throw new Error(`no test database for worker ${worker}: global-setup made ${urls.length}`);
  return url;
}
