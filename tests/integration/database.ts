import { afterAll, beforeAll, inject } from "vitest";

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

/** Whether setup.ts empties the database before each test of the running file (see keepDataBetweenTests). */
export const emptying = { eachTest: true, done: false };

/**
 * For a file whose tests only read what one seed wrote (the demo seed takes seconds): the database
 * is emptied once, before the file's first test, instead of before each. Its tests must not change
 * what another test of the file reads. The next file starts from empty tables as usual.
 */
export function keepDataBetweenTests() {
  beforeAll(() => {
    emptying.eachTest = false;
    emptying.done = false;
  });
  afterAll(() => {
    emptying.eachTest = true;
  });
}
