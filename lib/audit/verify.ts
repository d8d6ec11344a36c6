import type { PrismaClient } from "@/lib/generated/prisma/client";

/*
 * Verifies the audit log's hash chain (docs/decisions/003): every row's `prevHash` must be the
 * hash of the row before it ("genesis" for the first), and every row's `hash` must be what the
 * database's own audit_event_digest() computes from the row's content today. An edited row breaks
 * its own hash; a deleted or inserted row breaks the next row's prevHash.
 *
 * A chain alone cannot show that rows were cut off at the end, or that someone with superuser
 * rights rewrote every hash after an edit. An anchor closes both: the head (id and hash) that an
 * earlier run printed, kept outside the database, must still be in the chain unchanged.
 *
 * No `server-only` and no app singleton: `npm run audit:verify` and the tests pass their client.
 */

export type ChainBreak = {
  /** The first row whose link does not hold. */
  id: bigint;
  kind: "prevHash" | "hash" | "anchor";
  expected: string;
  found: string | null;
};

export type ChainReport = {
  ok: boolean;
  /** Rows checked (all of them when intact; up to and including the break otherwise). */
  checked: number;
  /** The last row of the chain: print it, keep it elsewhere, pass it as the next run's anchor. */
  head: { id: bigint; hash: string } | null;
  firstBreak: ChainBreak | null;
};

export type Anchor = { id: bigint; hash: string };

type Row = { id: bigint; prevHash: string | null; hash: string | null; digest: string };

const BATCH = 5_000;

export async function verifyAuditChain(client: Pick<PrismaClient, "$queryRaw">, opts: { anchor?: Anchor; batchSize?: number } = {}): Promise<ChainReport> {
  const batchSize = opts.batchSize ?? BATCH;
  let previousHash = "genesis";
  let after = BigInt(-1);
  let checked = 0;
  let head: ChainReport["head"] = null;
  let anchorSeen = false;

  for (;;) {
    // Keyset pagination in chain (id) order; the digest is recomputed by the same SQL function the
    // insert trigger used, so the check cannot drift from how rows were hashed.
    const rows = await client.$queryRaw<Row[]>`
      SELECT e.id, e."prevHash", e.hash, audit_event_digest(e."prevHash", e) AS digest
      FROM "AuditEvent" e
      WHERE e.id > ${after}
      ORDER BY e.id
      LIMIT ${batchSize}`;
    for (const row of rows) {
      checked++;
      if (row.prevHash !== previousHash) {
        return { ok: false, checked, head, firstBreak: { id: row.id, kind: "prevHash", expected: previousHash, found: row.prevHash } };
      }
      if (row.hash !== row.digest) {
        return { ok: false, checked, head, firstBreak: { id: row.id, kind: "hash", expected: row.digest, found: row.hash } };
      }
      if (opts.anchor && row.id === opts.anchor.id) {
        anchorSeen = true;
        if (row.hash !== opts.anchor.hash) {
          return { ok: false, checked, head, firstBreak: { id: row.id, kind: "anchor", expected: opts.anchor.hash, found: row.hash } };
        }
      }
      previousHash = row.hash;
      head = { id: row.id, hash: row.hash };
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.id;
  }

  if (opts.anchor && !anchorSeen) {
    return { ok: false, checked, head, firstBreak: { id: opts.anchor.id, kind: "anchor", expected: opts.anchor.hash, found: null } };
  }
  return { ok: true, checked, head, firstBreak: null };
}

/** "123:abcdef…" (what a run prints as the head) → an anchor; null when malformed. */
export function parseAnchor(value: string): Anchor | null {
  const m = /^(\d{1,19}):([0-9a-f]{64})$/.exec(value.trim());
  return m ? { id: BigInt(m[1]!), hash: m[2]! } : null;
}

export function formatAnchor(head: { id: bigint; hash: string }): string {
  return `${head.id}:${head.hash}`;
}
