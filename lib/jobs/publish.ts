import "server-only";
import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { createBoss } from "./worker";
import { JOBS, type DigestUserJob } from "./queues";

/*
 * Sending jobs from the app (a server action): one pg-boss instance per process that only sends —
 * no polling, no maintenance, no schedules (the workers do those).
 */
const globalForBoss = globalThis as unknown as { samverkanBoss?: Promise<PgBoss> };

function publisher(): Promise<PgBoss> {
  globalForBoss.samverkanBoss ??= (async () => {
    const boss = createBoss(env().DATABASE_URL, { supervise: false, schedule: false, max: 2 });
    await boss.start();
    return boss;
  })().catch((error: unknown) => {
    globalForBoss.samverkanBoss = undefined;
    throw error;
  });
  return globalForBoss.samverkanBoss;
}

const NOW_SLOT_SECONDS = 600;

/** Queues one user's digest now (the user's own "send it now"). */
export async function enqueueDigestNow(userId: string): Promise<void> {
  const boss = await publisher();
  // The queue may not exist yet if no worker has started since the database was created.
  await boss.createQueue(JOBS.digestUser.name, { name: JOBS.digestUser.name, retryLimit: 3, retryDelay: 60 });
  // Pressing "send it now" again within ten minutes queues nothing more: one job per user and
  // ten-minute slot (pg-boss's singleton slot, a unique index). The mail itself goes at most once a
  // day whatever is queued (DigestDelivery), so this only keeps repeated presses off the queue.
  await boss.send(JOBS.digestUser.name, { userId, force: true } satisfies DigestUserJob, {
    singletonKey: `now:${userId}`,
    singletonSeconds: NOW_SLOT_SECONDS,
  });
}
