import { createHash } from "node:crypto";
import pg from "pg";

/*
 * Verifies the audit log's hash chain (docs/decisions/003): every row's `prevHash` must be the
 * hash of the row before it ("genesis" for the first), and every row's `hash` must be the digest
 * of the row's content as the insert trigger's audit_event_digest() defines it. An edited row
 * breaks its own hash; a deleted or inserted row breaks the next row's prevHash.
 *
 * The digest is computed here, in Node, never by the database being checked: a superuser who
 * edits a row can also redefine audit_event_digest() (or a cast such as jsonb → text) to answer
 * with the stored hash. So the rows are read with a plain SELECT of the columns, every value as
 * the text PostgreSQL's type output sends over the wire (no type parsing here, no SQL function or
 * cast of the checked database), in a session whose settings that output depends on are pinned.
 *
 * A chain alone cannot show that rows were cut off at the end, or that someone with superuser
 * rights rewrote every hash after an edit. An anchor closes both: the head (id and hash) that an
 * earlier run printed, kept outside the database, must still be in the chain unchanged.
 *
 * No `server-only` and no app singleton: `npm run audit:verify` and the tests pass the URL.
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

/** One AuditEvent row, every column as PostgreSQL's text output of it (null for SQL NULL). */
export type RawAuditRow = {
  id: string;
  occurredAt: string | null;
  siteId: string | null;
  actorId: string | null;
  actorRole: string | null;
  action: string | null;
  entityType: string | null;
  entityId: string | null;
  personId: string | null;
  reason: string | null;
  metadata: string | null;
  ipAddress: string | null;
  requestId: string | null;
  prevHash: string | null;
  hash: string | null;
};

const BATCH = 5_000;

/**
 * `timestamptz` output with DateStyle ISO and TimeZone UTC ("2026-12-02 08:15:00.12+00") as
 * to_char(… AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') prints it; null when it is not
 * that shape (then the row's hash cannot match, and the break is reported).
 */
export function utcMillisText(output: string): string | null {
  const m = /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?\+00$/.exec(output);
  if (!m) return null;
  // MS: the first three digits of the fraction (the column is timestamptz(3): there are no more).
  const ms = (m[7] ?? "").padEnd(6, "0").slice(0, 3);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${ms}Z`;
}

/**
 * The row's digest, byte for byte as audit_event_digest() in migration
 * 20261125064338_audit_log_and_checks defines it: SHA-256 (hex) of the UTF-8 bytes of concat_ws
 * over chr(31) of prevHash, the id, the UTC timestamp to milliseconds, then each column's text
 * with NULL as '' (concat_ws itself skips NULL arguments: prevHash, and a timestamp to_char could
 * not print). `metadata` is jsonb's own canonical text, exactly as its type output printed it.
 */
export function auditEventDigest(row: RawAuditRow): string | null {
  const occurredAt = row.occurredAt === null ? null : utcMillisText(row.occurredAt);
  if (row.occurredAt !== null && occurredAt === null) return null;
  const orEmpty = (v: string | null) => v ?? "";
  const parts = [
    row.prevHash,
    row.id,
    occurredAt,
    orEmpty(row.siteId),
    orEmpty(row.actorId),
    orEmpty(row.actorRole),
    row.action,
    orEmpty(row.entityType),
    orEmpty(row.entityId),
    orEmpty(row.personId),
    orEmpty(row.reason),
    orEmpty(row.metadata),
    orEmpty(row.ipAddress),
    orEmpty(row.requestId),
  ].filter((p): p is string => p !== null);
  return createHash("sha256").update(parts.join("\u001f"), "utf8").digest("hex");
}

/** Every type as the server's text output: pg's parsers (JSON.parse, Date) would re-serialise it. */
const RAW_TEXT: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

/**
 * A session whose text output cannot be bent by the database's or role's defaults: the time zone
 * and date style decide how timestamptz prints; search_path puts pg_catalog's operators (the
 * keyset's `>`) ahead of anything a superuser might define in another schema.
 */
const PIN_SESSION =
  "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET client_encoding = 'UTF8'; SET search_path = pg_catalog, public";

const SELECT_BATCH = `
  SELECT id, "occurredAt", "siteId", "actorId", "actorRole", action, "entityType", "entityId", "personId",
         reason, metadata, "ipAddress", "requestId", "prevHash", hash
  FROM "AuditEvent"
  WHERE id > $1
  ORDER BY id
  LIMIT $2`;

/** Reads the log in chain (id) order, a batch at a time (keyset pagination), on one connection. */
async function* auditRows(connectionString: string, batchSize: number): AsyncGenerator<RawAuditRow> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(PIN_SESSION);
    let after = "-1";
    for (;;) {
      const { rows } = await client.query<RawAuditRow>({
        text: SELECT_BATCH,
        values: [after, batchSize],
        types: RAW_TEXT,
      });
      yield* rows;
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1]!.id;
    }
  } finally {
    await client.end();
  }
}

export async function verifyAuditChain(
  connectionString: string,
  opts: { anchor?: Anchor; batchSize?: number } = {},
): Promise<ChainReport> {
  let previousHash = "genesis";
  let checked = 0;
  let head: ChainReport["head"] = null;
  let anchorSeen = false;

  for await (const row of auditRows(connectionString, opts.batchSize ?? BATCH)) {
    checked++;
    const id = BigInt(row.id);
    if (row.prevHash !== previousHash) {
      return {
        ok: false,
        checked,
        head,
        firstBreak: { id, kind: "prevHash", expected: previousHash, found: row.prevHash },
      };
    }
    const digest = auditEventDigest(row);
    if (digest === null || row.hash !== digest) {
      return {
        ok: false,
        checked,
        head,
        firstBreak: {
          id,
          kind: "hash",
          expected: digest ?? "(a timestamp the trigger cannot have written)",
          found: row.hash,
        },
      };
    }
    if (opts.anchor && id === opts.anchor.id) {
      anchorSeen = true;
      if (row.hash !== opts.anchor.hash) {
        return {
          ok: false,
          checked,
          head,
          firstBreak: { id, kind: "anchor", expected: opts.anchor.hash, found: row.hash },
        };
      }
    }
    previousHash = row.hash;
    head = { id, hash: row.hash };
  }

  if (opts.anchor && !anchorSeen) {
    return {
      ok: false,
      checked,
      head,
      firstBreak: { id: opts.anchor.id, kind: "anchor", expected: opts.anchor.hash, found: null },
    };
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
