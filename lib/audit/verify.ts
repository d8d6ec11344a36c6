import { createHash } from "node:crypto";
import pg from "pg";

/*
 * Verifies the audit log's hash chain (docs/decisions/003). The chain lives in "AuditChain":
 * position n names one event, carries the hash of position n-1 (`prevHash`, "genesis" for the
 * first) and its own `hash`, the digest of that prevHash and the event's content as
 * audit_event_digest() defines it. An edited event breaks its link's hash; a removed link, or
 * one put in between, breaks the next link's prevHash; a link whose event is gone, or a second
 * link to the same event, is named as such. Every event must be linked, or still waiting in
 * "AuditPending" to be linked by the chainer (lib/audit/chain.ts): an event that is neither was
 * written with the triggers off (or its link was cut off at the end) and is named too.
 *
 * The digest is computed here, in Node, never by the database being checked: a superuser who
 * edits a row can also redefine audit_event_digest() (or a cast such as jsonb → text) to answer
 * with the stored hash. So the rows are read with a plain SELECT of the columns, every value as
 * the text PostgreSQL's type output sends over the wire (no type parsing here, no SQL function or
 * cast of the checked database), in a session whose settings that output depends on are pinned,
 * and in one REPEATABLE READ snapshot, so that the chain, the events and the queue are seen as
 * of one instant while the app goes on appending and chaining.
 *
 * A chain alone cannot show that whole links and their events were cut off at the end, or that
 * someone with superuser rights rewrote every hash after an edit. An anchor closes both: the head
 * (event id and hash) that an earlier run printed, kept outside the database, must still be in the
 * chain unchanged. (Anchors printed before the chain moved to "AuditChain" still hold: the old
 * links were copied unchanged.)
 *
 * No `server-only` and no app singleton: `npm run audit:verify` and the tests pass the URL.
 */

export type ChainBreak = {
  /** The event of the first link that does not hold (or the first event outside the chain). */
  id: bigint;
  /**
   * prevHash: the link does not follow the one before it (a link removed or put in between);
   * hash: the event's content is not what was chained (edited);
   * missing: the linked event is gone (deleted);
   * duplicate: a second link to an event already in the chain;
   * unchained: an event neither in the chain nor waiting to be chained (written with the triggers off, or its link cut off);
   * anchor: the anchored event's link changed or is gone.
   */
  kind: "prevHash" | "hash" | "missing" | "duplicate" | "unchained" | "anchor";
  /** The link's position in the chain (none for an event outside it, or a missing anchor). */
  position: bigint | null;
  expected: string;
  found: string | null;
};

export type ChainReport = {
  ok: boolean;
  /** Links checked (all of them when intact; up to and including the break otherwise). */
  checked: number;
  /** Events committed but not linked yet: the chainer will link them (not a break). */
  pending: number;
  /** The chain's last link: print it, keep it elsewhere, pass it as the next run's anchor. */
  head: { id: bigint; hash: string } | null;
  firstBreak: ChainBreak | null;
};

export type Anchor = { id: bigint; hash: string };

/** One AuditEvent row, every column as PostgreSQL's text output of it (null for SQL NULL), with its link's prevHash. */
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
 * 20261125064338_audit_log_and_checks defines it (prevHash: the hash its link follows): SHA-256 (hex) of the UTF-8 bytes of concat_ws
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

/** The chain in position order, each link with its event's columns (none when the event is gone). */
const SELECT_LINKS = `
  SELECT c."position", c."eventId", c.hash AS "linkHash",
         e.id, e."occurredAt", e."siteId", e."actorId", e."actorRole", e.action, e."entityType", e."entityId",
         e."personId", e.reason, e.metadata, e."ipAddress", e."requestId", c."prevHash"
  FROM "AuditChain" c LEFT JOIN "AuditEvent" e ON e.id = c."eventId"
  WHERE c."position" > $1
  ORDER BY c."position"
  LIMIT $2`;

type RawLink = Omit<RawAuditRow, "id"> & { position: string; eventId: string; linkHash: string; id: string | null };

const SELECT_EVENT_IDS = `SELECT id FROM "AuditEvent" WHERE id > $1 ORDER BY id LIMIT $2`;
const SELECT_PENDING = `SELECT "eventId" FROM "AuditPending" WHERE "eventId" > $1 ORDER BY "eventId" LIMIT $2`;

/** Ids seen, in chunks of 2^16 bits: ~1 bit per event, where a Set of 5 M bigints would take hundreds of MB. */
class IdSet {
  private chunks = new Map<number, Uint32Array>();
  /** Adds `id`; false when it was there already. */
  add(id: bigint): boolean {
    const n = Number(id);
    const key = Math.floor(n / 65_536);
    let chunk = this.chunks.get(key);
    if (!chunk) this.chunks.set(key, (chunk = new Uint32Array(2_048)));
    const bit = n % 65_536;
    const mask = 1 << (bit & 31);
    if (chunk[bit >>> 5]! & mask) return false;
    chunk[bit >>> 5]! |= mask;
    return true;
  }
  has(id: bigint): boolean {
    const n = Number(id);
    const chunk = this.chunks.get(Math.floor(n / 65_536));
    const bit = n % 65_536;
    return chunk !== undefined && (chunk[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

async function* batches<T extends pg.QueryResultRow>(
  client: pg.Client,
  text: string,
  key: (row: T) => string,
  batchSize: number,
): AsyncGenerator<T> {
  let after = "-1";
  for (;;) {
    const { rows } = await client.query<T>({ text, values: [after, batchSize], types: RAW_TEXT });
    yield* rows;
    if (rows.length < batchSize) return;
    after = key(rows[rows.length - 1]!);
  }
}

export async function verifyAuditChain(
  connectionString: string,
  opts: { anchor?: Anchor; batchSize?: number } = {},
): Promise<ChainReport> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(PIN_SESSION);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const report = await walk(client, opts);
    await client.query("COMMIT");
    return report;
  } finally {
    await client.end();
  }
}

async function walk(client: pg.Client, opts: { anchor?: Anchor; batchSize?: number }): Promise<ChainReport> {
  const batchSize = opts.batchSize ?? BATCH;
  let previousHash = "genesis";
  let checked = 0;
  let head: ChainReport["head"] = null;
  let anchorSeen = false;
  const linked = new IdSet();
  const broken = (firstBreak: ChainBreak): ChainReport => ({ ok: false, checked, pending: 0, head, firstBreak });

  for await (const link of batches<RawLink>(client, SELECT_LINKS, (l) => l.position, batchSize)) {
    checked++;
    const id = BigInt(link.eventId);
    const position = BigInt(link.position);
    if (!linked.add(id))
      return broken({ id, kind: "duplicate", position, expected: "one link per event", found: link.position });
    if (link.prevHash !== previousHash)
      return broken({ id, kind: "prevHash", position, expected: previousHash, found: link.prevHash });
    if (link.id === null) return broken({ id, kind: "missing", position, expected: link.linkHash, found: null });
    const digest = auditEventDigest({ ...link, id: link.id });
    if (digest === null || link.linkHash !== digest) {
      return broken({
        id,
        kind: "hash",
        position,
        expected: digest ?? "(a timestamp the trigger cannot have written)",
        found: link.linkHash,
      });
    }
    if (opts.anchor && id === opts.anchor.id) {
      anchorSeen = true;
      if (link.linkHash !== opts.anchor.hash)
        return broken({ id, kind: "anchor", position, expected: opts.anchor.hash, found: link.linkHash });
    }
    previousHash = link.linkHash;
    head = { id, hash: link.linkHash };
  }

  if (opts.anchor && !anchorSeen)
    return broken({ id: opts.anchor.id, kind: "anchor", position: null, expected: opts.anchor.hash, found: null });

  // Every event is in the chain or in the queue. The queue is small while the chainer runs, but
  // not after a bulk load with none running (`--no-chain`): a bitmap too, read in batches.
  const queued = new IdSet();
  for await (const { eventId } of batches<{ eventId: string }>(
    client,
    SELECT_PENDING,
    (r) => r.eventId,
    batchSize * 10,
  ))
    queued.add(BigInt(eventId));
  let pending = 0;
  for await (const { id } of batches<{ id: string }>(client, SELECT_EVENT_IDS, (r) => r.id, batchSize * 10)) {
    if (linked.has(BigInt(id))) continue;
    if (!queued.has(BigInt(id)))
      return broken({
        id: BigInt(id),
        kind: "unchained",
        position: null,
        expected: "a link in the chain, or a place in the queue",
        found: null,
      });
    pending++;
  }
  return { ok: true, checked, pending, head, firstBreak: null };
}
/** "123:abcdef…" (what a run prints as the head) → an anchor; null when malformed. */
export function parseAnchor(value: string): Anchor | null {
  const m = /^(\d{1,19}):([0-9a-f]{64})$/.exec(value.trim());
  return m ? { id: BigInt(m[1]!), hash: m[2]! } : null;
}

export function formatAnchor(head: { id: bigint; hash: string }): string {
  return `${head.id}:${head.hash}`;
}
