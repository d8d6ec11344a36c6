/*
 * The background jobs (issue 15), on a PostgreSQL-backed queue (pg-boss 10.4.2: 12 needs Node 22).
 * With several app instances every worker polls the same tables; a job is fetched with
 * SELECT … FOR UPDATE SKIP LOCKED, so each runs once, and a schedule's cron job is created once per
 * minute slot (pg-boss's singleton slot), whichever instance's clock monitor gets there.
 * No `server-only`: the scripts that start the worker and the tests read the names.
 */

/** pg-boss's own tables live in their own schema, beside the app's (Prisma does not see them). */
export const JOB_SCHEMA = "pgboss";

export const JOBS = {
  /** The nightly retention run (docs/decisions/005), formerly a cron job calling `npm run retention`. */
  retention: { name: "retention-nightly", cron: "15 2 * * *" },
  /** Fans out one digest job per recipient, weekday mornings. */
  digestDaily: { name: "digest-daily", cron: "0 7 * * 1-5" },
  /** One user's digest: its own job, so one failure (a mailbox) does not hold up the others. */
  digestUser: { name: "digest-user" },
} as const;

export const SCHEDULE_TIME_ZONE = "Europe/Stockholm";

export type DigestUserJob = { userId: string; force?: boolean };
