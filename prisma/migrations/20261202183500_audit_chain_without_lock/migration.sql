-- Audited reads no longer wait for each other (issue 13; docs/decisions/003).
--
-- Before: a BEFORE INSERT trigger took one database-wide advisory lock and held it until COMMIT,
-- so every transaction that wrote an audit row ran one at a time from its INSERT to its commit
-- (the commit's WAL flush included): 742 READ events/s at 50 connections on a quiet 2-core
-- machine, 136/s under load; `npm run bench:audit` measures it again.
--
-- Now an INSERT takes no lock: the row is written with its content only and queued in
-- "AuditPending" by a statement trigger, in the same transaction as the read or change it records.
-- One chaining step, audit_chain(), links the queued rows that have committed, in a definite
-- order, into "AuditChain": position n holds the event's id, the hash of position n-1 ('genesis'
-- for the first) and audit_event_digest(that hash, the event) — the very digest of the old
-- trigger, so the chain written so far is copied over unchanged and old anchors still hold.
-- A transaction still in flight is invisible to the chainer; its rows are linked by a later run.

DROP TRIGGER audit_event_chain ON "AuditEvent";
DROP FUNCTION audit_event_chain();

CREATE TABLE "AuditChain" (
    "position" BIGINT NOT NULL,
    "eventId" BIGINT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "chainedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditChain_pkey" PRIMARY KEY ("position")
);
-- One link per event: an event linked twice would be a second, forged copy of it in the chain.
CREATE UNIQUE INDEX "AuditChain_eventId_key" ON "AuditChain"("eventId");
ALTER TABLE "AuditChain" ADD CONSTRAINT "AuditChain_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AuditEvent"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Events written but not linked yet. Small: the chainer empties it within a second or so.
CREATE TABLE "AuditPending" (
    "eventId" BIGINT NOT NULL,

    CONSTRAINT "AuditPending_pkey" PRIMARY KEY ("eventId")
);

-- The chain so far, in its order (ids followed chain order under the old lock). A row without a
-- hash was written with the triggers off: it stays outside the chain, and the verifier names it.
INSERT INTO "AuditChain" ("position", "eventId", "prevHash", "hash", "chainedAt")
SELECT row_number() OVER (ORDER BY id), id, "prevHash", hash, "occurredAt"
FROM "AuditEvent"
WHERE hash IS NOT NULL AND "prevHash" IS NOT NULL;

ALTER TABLE "AuditEvent" DROP COLUMN "prevHash", DROP COLUMN "hash";

-- Every insert queues its rows, whoever writes them (the app, a script, a superuser with the
-- triggers on). One statement-level trigger: a bulk insert queues its rows in one statement.
CREATE FUNCTION audit_event_queue() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AuditPending" ("eventId") SELECT id FROM new_rows;
  RETURN NULL;
END
$$;

CREATE TRIGGER audit_event_queue AFTER INSERT ON "AuditEvent"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_queue();

-- The chain is append-only like the log: links are never changed or removed.
CREATE TRIGGER audit_chain_no_update_delete BEFORE UPDATE OR DELETE ON "AuditChain"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON "AuditChain"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- Links up to max_events queued events that have committed, in id order, after the chain's head;
-- returns how many (0 when another session is chaining: it will take these too). The advisory
-- lock is the chainer's own, held for this short transaction only; appends never take it.
-- Under READ COMMITTED each statement below sees what committed before it, so the head read
-- after the lock is the head the previous chainer left. The position primary key refuses a fork
-- even if that were not so (a second link at the same position).
CREATE FUNCTION audit_chain(max_events integer DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  head_position bigint;
  head_hash text;
  e "AuditEvent";
  positions bigint[] := '{}';
  event_ids bigint[] := '{}';
  prev_hashes text[] := '{}';
  hashes text[] := '{}';
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit_chain() must run under READ COMMITTED, not %', current_setting('transaction_isolation');
  END IF;
  IF NOT pg_try_advisory_xact_lock(hashtext('samverkan.audit_chain')) THEN
    RETURN 0;
  END IF;
  SELECT c."position", c.hash INTO head_position, head_hash FROM "AuditChain" c ORDER BY c."position" DESC LIMIT 1;
  head_position := coalesce(head_position, 0);
  head_hash := coalesce(head_hash, 'genesis');
  FOR e IN
    SELECT a.* FROM "AuditPending" p JOIN "AuditEvent" a ON a.id = p."eventId" ORDER BY p."eventId" LIMIT max_events
  LOOP
    head_position := head_position + 1;
    positions := positions || head_position;
    event_ids := event_ids || e.id;
    prev_hashes := prev_hashes || head_hash;
    head_hash := audit_event_digest(head_hash, e);
    hashes := hashes || head_hash;
  END LOOP;
  IF cardinality(event_ids) = 0 THEN
    RETURN 0;
  END IF;
  INSERT INTO "AuditChain" ("position", "eventId", "prevHash", "hash")
  SELECT * FROM unnest(positions, event_ids, prev_hashes, hashes);
  DELETE FROM "AuditPending" WHERE "eventId" = ANY (event_ids);
  RETURN cardinality(event_ids);
END
$$;
