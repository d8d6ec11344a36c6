import "server-only";
import PgBoss from "pg-boss";
import { sendDigest, digestRecipients } from "@/lib/digest/send";
import { logger } from "@/lib/logger";
import type { Mailer } from "@/lib/mail/transport";
import { runRetention } from "@/lib/retention/job";
import { JOB_SCHEMA, JOBS, SCHEDULE_TIME_ZONE, type DigestUserJob } from "./queues";

export type Worker = { boss: PgBoss; stop: () => Promise<void> };

/** A pg-boss instance on the app's database, in its own schema; it creates its tables on start. */
export function createBoss(connectionString: string, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    application_name: "samverkan-jobs",
    max: 4,
    ...options,
  });
  // An error while polling (the database restarting) is logged; pg-boss keeps polling.
  boss.on("error", (error) => logger.warn({ err: error }, "job queue error"));
  return boss;
}

/**
 * The background worker (`npm start` runs it beside the app; in production one per instance):
 * the queues and schedules are declared idempotently by every worker, and each job runs once
 * whichever worker fetches it. Without a mailer (no SMTP_URL) digests are not sent and say so.
 */
export async function startWorker({
  connectionString,
  mailer,
  pollingIntervalSeconds = 2,
  schedule = true,
}: {
  connectionString: string;
  mailer: Mailer | null;
  pollingIntervalSeconds?: number;
  schedule?: boolean;
}): Promise<Worker> {
  const boss = createBoss(connectionString, { schedule });
  await boss.start();
  for (const job of Object.values(JOBS))
    await boss.createQueue(job.name, { name: job.name, retryLimit: 3, retryDelay: 60 });
  if (schedule) {
    await boss.schedule(JOBS.retention.name, JOBS.retention.cron, {}, { tz: SCHEDULE_TIME_ZONE });
    await boss.schedule(JOBS.digestDaily.name, JOBS.digestDaily.cron, {}, { tz: SCHEDULE_TIME_ZONE });
  }

  await boss.work(JOBS.retention.name, { pollingIntervalSeconds }, async () => {
    const run = await runRetention({ apply: true });
    // Ids and numbers only (the audit log has one ANONYMISE event per person).
    logger.info({ months: run.months, due: run.due.length, anonymised: run.anonymised }, "retention run");
  });

  await boss.work(JOBS.digestDaily.name, { pollingIntervalSeconds }, async () => {
    if (!mailer) {
      logger.warn("no SMTP_URL: the daily digest is not sent");
      return;
    }
    const recipients = await digestRecipients();
    await boss.insert(
      recipients.map((userId) => ({ name: JOBS.digestUser.name, data: { userId } satisfies DigestUserJob })),
    );
    logger.info({ recipients: recipients.length }, "daily digest queued");
  });

  await boss.work<DigestUserJob>(JOBS.digestUser.name, { pollingIntervalSeconds, batchSize: 5 }, async (jobs) => {
    if (!mailer) throw new Error("no SMTP_URL: cannot send a digest");
    for (const job of jobs) {
      const outcome = await sendDigest({ userId: job.data.userId, mailer, force: job.data.force === true });
      logger.info({ jobId: job.id, userId: job.data.userId, outcome }, "digest");
    }
  });

  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
