import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createLoginThrottle } from "@/lib/auth/throttle";
import { testDatabaseUrl } from "./database";

// Two pools stand for two app instances: the counts live in PostgreSQL, not in either process.
const pools = [0, 1].map(() => new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 }));
afterAll(() => Promise.all(pools.map((p) => p.end())));

const options = { maxFailures: 3, lockoutSeconds: 2, maxFailuresPerIp: 10 };

describe("the login throttle's PostgreSQL store", () => {
  it("shares the count between app instances: failures on one lock the account on the other", async () => {
    const [a, b] = pools.map((pool) => createLoginThrottle(pool, options));
    const keys = { email: "Delad@Test.invalid", ip: "203.0.113.1" };
    await a!.recordFailure(keys);
    await b!.recordFailure(keys);
    expect(await a!.lockedFor(keys)).toBeNull();
    await a!.recordFailure({ ...keys, email: "delad@test.invalid " });
    expect(await b!.lockedFor(keys)).toBe(2);
    const { rows } = await pools[0]!.query<{ key: string }>(`SELECT key FROM "RateLimit"`);
    expect(rows.map((r) => r.key).join()).not.toContain("delad"); // hashed, never the address
  });

  it("lifts the lock by itself when it expires, and a success clears the count", async () => {
    const throttle = createLoginThrottle(pools[0]!, options);
    const keys = { email: "utgar@test.invalid" };
    for (let i = 0; i < 3; i++) await throttle.recordFailure(keys);
    expect(await throttle.lockedFor(keys)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await throttle.lockedFor(keys)).toBeNull();

    await throttle.recordFailure(keys);
    await throttle.recordFailure(keys);
    await throttle.recordSuccess(keys);
    await throttle.recordFailure(keys);
    await throttle.recordFailure(keys);
    expect(await throttle.lockedFor(keys)).toBeNull();
  });

  it("blocks an address that fails across many accounts (password spraying) for an hour", async () => {
    const throttle = createLoginThrottle(pools[0]!, options);
    for (let i = 0; i < 10; i++) await throttle.recordFailure({ email: `konto${i}@test.invalid`, ip: "198.51.100.7" });
    expect(await throttle.lockedFor({ email: "nytt@test.invalid", ip: "198.51.100.7" })).toBeGreaterThan(3500);
    expect(await throttle.lockedFor({ email: "nytt@test.invalid", ip: "198.51.100.8" })).toBeNull();
  });
});
