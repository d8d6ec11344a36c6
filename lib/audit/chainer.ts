import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { chainAll } from "./chain";

/*
 * The app's chainer (docs/decisions/003): after an audit append, and every few seconds in case a
 * process stopped before it chained, one call of audit_chain() links what has committed. Each
 * call is a short transaction of its own; the advisory lock inside lets one session of all the
 * app's instances chain at a time, and the others return at once. Appends never wait for it.
 */

/** After an append: long enough to gather a burst of appends into one call, short for "who read this file". */
const AFTER_APPEND_MS = 200;
/** The sweep: rows of a process that stopped (or a script without a chainer) wait at most this long. */
const SWEEP_MS = 10_000;

let started = false;
let sweep: ReturnType<typeof setInterval> | null = null;
let scheduled: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> | null = null;
let again = false;

/** In the server process only (instrumentation.ts): scripts and tests chain when they need to. */
export function startAuditChainer(): void {
  if (started) return;
  started = true;
  sweep = setInterval(() => void chainNow(), SWEEP_MS);
  sweep.unref();
  void chainNow();
}

/** Stops it and waits for a run in progress (the tests that start it). */
export async function stopAuditChainer(): Promise<void> {
  started = false;
  if (sweep) clearInterval(sweep);
  if (scheduled) clearTimeout(scheduled);
  sweep = scheduled = null;
  await running;
}

/** Called after each append; a no-op until the chainer is started. */
export function chainSoon(): void {
  if (!started || scheduled) return;
  scheduled = setTimeout(() => {
    scheduled = null;
    void chainNow();
  }, AFTER_APPEND_MS);
  scheduled.unref();
}

function chainNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await chainAll(async (max) => {
          const rows = await db.$queryRaw<[{ linked: number }]>`SELECT audit_chain(${max}::int) AS linked`;
          return rows[0].linked;
        });
      } while (again);
    } catch (err) {
      // The rows stay queued and the next call links them: a lost run delays the chain, loses nothing.
      logger.warn({ err }, "audit chaining failed; retrying later");
    } finally {
      running = null;
    }
  })();
  return running;
}
