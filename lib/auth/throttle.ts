import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { dbPool } from "@/lib/db";
import { env } from "@/lib/env";

/*
 * Login throttling (OWASP ASVS 2.2.1): failed attempts, password or code, are counted per account
 * and per client address in PostgreSQL (table "RateLimit"), so every app instance sees the same
 * counts. An account is locked after `maxFailures` failures within an hour, for `lockoutSeconds`;
 * an address after `maxFailuresPerIp` failures within an hour, for an hour (password spraying
 * across many accounts). A lock expires by itself. The account key is a hash of the address the
 * user typed, existing or not, so a locked "account" says nothing about whether it exists.
 */

export type ThrottleKeys = { email: string; ip?: string };
export type ThrottleOptions = { maxFailures: number; lockoutSeconds: number; maxFailuresPerIp: number };

export type LoginThrottle = {
  /** Seconds until attempts may go on again, or null when they may now. */
  lockedFor(keys: ThrottleKeys): Promise<number | null>;
  recordFailure(keys: ThrottleKeys): Promise<void>;
  /** A complete sign-in (both factors) clears the account's count, not the address's. */
  recordSuccess(keys: ThrottleKeys): Promise<void>;
};

const HOUR = 3600;

export function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

function limiter(pool: pg.Pool, keyPrefix: string, points: number): RateLimiterPostgres {
  // The table is created by a migration (the app's database role need not own DDL rights).
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "RateLimit",
    tableCreated: true,
    keyPrefix,
    points,
    duration: HOUR,
  });
}

/** Seconds left on a block, or null: `points` failures reached means blocked. */
function secondsLeft(res: RateLimiterRes | null, points: number): number | null {
  if (!res || res.consumedPoints < points) return null;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** Counts one failure; the one that reaches the limit starts the lock's own duration. */
async function countFailure(rl: RateLimiterPostgres, key: string, points: number, lockSeconds: number): Promise<void> {
  const res = await rl.consume(key).catch((rejected: unknown) => {
    if (rejected instanceof RateLimiterRes) return rejected; // already over the limit
    throw rejected;
  });
  if (res.consumedPoints === points) await rl.block(key, lockSeconds);
}

export function createLoginThrottle(pool: pg.Pool, options: ThrottleOptions): LoginThrottle {
  const accounts = limiter(pool, "login-account", options.maxFailures);
  const addresses = limiter(pool, "login-ip", options.maxFailuresPerIp);
  return {
    async lockedFor({ email, ip }) {
      const [account, address] = await Promise.all([accounts.get(accountKey(email)), ip ? addresses.get(ip) : null]);
      const waits = [secondsLeft(account, options.maxFailures), secondsLeft(address, options.maxFailuresPerIp)].filter(
        (s): s is number => s !== null,
      );
      return waits.length > 0 ? Math.max(...waits) : null;
    },
    async recordFailure({ email, ip }) {
      await Promise.all([
        countFailure(accounts, accountKey(email), options.maxFailures, options.lockoutSeconds),
        ip ? countFailure(addresses, ip, options.maxFailuresPerIp, HOUR) : null,
      ]);
    },
    async recordSuccess({ email }) {
      await accounts.delete(accountKey(email));
    },
  };
}

let shared: LoginThrottle | undefined;

/** The app's throttle, configured from the environment (LOGIN_* settings). */
export function loginThrottle(): LoginThrottle {
  const e = env();
  shared ??= createLoginThrottle(dbPool(), {
    maxFailures: e.LOGIN_MAX_FAILURES,
    lockoutSeconds: e.LOGIN_LOCKOUT_MINUTES * 60,
    maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
  });
  return shared;
}
