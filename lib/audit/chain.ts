import pg from "pg";

/*
 * The chaining step of the audit log (docs/decisions/003): appends take no lock and queue their
 * rows in "AuditPending"; audit_chain() (migration …_audit_chain_without_lock) links the queued
 * rows that have committed into "AuditChain", under an advisory lock of its own that only
 * chainers take. The app runs it shortly after its appends and every few seconds
 * (./chainer.ts); `npm run audit:verify`, backups and the tests run it before they look.
 *
 * No `server-only` and no app singleton: scripts and tests pass a connection of their own.
 */

/** Events linked per call: one short transaction of ~10 000 digests (≈ 0.1–0.3 s on the 2-core machine). */
export const CHAIN_BATCH = 10_000;

/** One call of audit_chain(max): how many events it linked (0 when another session is chaining). */
export type ChainStep = (maxEvents: number) => Promise<number>;

/** Calls the step until the queue is empty (or another session has taken over); returns how many it linked. */
export async function chainAll(step: ChainStep, maxEvents = CHAIN_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const linked = await step(maxEvents);
    total += linked;
    if (linked < maxEvents) return total;
  }
}

/** The step on a pg client or pool: each call is its own (autocommit, READ COMMITTED) transaction. */
export function pgChainStep(client: pg.ClientBase | pg.Pool): ChainStep {
  return async (maxEvents) => {
    const { rows } = await client.query<{ linked: number }>("SELECT audit_chain($1::int) AS linked", [maxEvents]);
    return rows[0]!.linked;
  };
}

/** Links every committed, queued event of the database at `connectionString`; returns how many. */
export async function chainAuditLog(connectionString: string): Promise<number> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await chainAll(pgChainStep(client));
  } finally {
    await client.end();
  }
}
