/**
 * The background worker (pg-boss on the app's PostgreSQL): the nightly retention run and the daily
 * e-mail digest (lib/jobs). `npm start` starts it beside the app; in production run one beside each
 * app instance (`npm run worker`): every job runs once whichever worker fetches it.
 * Reads DATABASE_URL, SMTP_URL, MAIL_FROM, APP_URL (lib/env.ts).
 */
import { startWorker } from "@/lib/jobs/worker";
import { closeSmtpMailer, smtpMailer } from "@/lib/mail/transport";
import { logger } from "@/lib/logger";
import { env } from "@/lib/env";

async function main() {
  const mailer = smtpMailer();
  if (!mailer) logger.warn("no SMTP_URL: the worker sends no e-mail");
  const worker = await startWorker({ connectionString: env().DATABASE_URL, mailer });
  logger.info("job worker started");
  const stop = async () => {
    await worker.stop();
    closeSmtpMailer();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  logger.error({ err: error }, "job worker failed to start");
  process.exit(1);
});
