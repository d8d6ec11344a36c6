-- The audit log is append-only and tamper-evident (DESIGN.md; issue "audit trail").
-- Rows are chained: each row's hash covers its content and the previous row's hash, so any edit,
-- deletion or insertion in the middle breaks the chain from that row on (`npm run audit:verify`).

-- One canonical text of a row's content, used by the trigger and by the verifier alike.
CREATE FUNCTION audit_event_digest(prev_hash text, e "AuditEvent") RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(chr(31),
    prev_hash,
    e.id::text,
    to_char(e."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    coalesce(e."siteId"::text, ''),
    coalesce(e."actorId"::text, ''),
    coalesce(e."actorRole"::text, ''),
    e.action::text,
    coalesce(e."entityType", ''),
    coalesce(e."entityId", ''),
    coalesce(e."personId"::text, ''),
    coalesce(e.reason, ''),
    coalesce(e.metadata::text, ''),
    coalesce(e."ipAddress", ''),
    coalesce(e."requestId", '')
  ), 'UTF8')), 'hex')
$$;

-- Serialises appends (a transaction-scoped advisory lock, held until commit) so that ids follow
-- chain order: the id is drawn under the lock, and the previous row is the highest committed id.
CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('samverkan.audit_event_chain'));
  NEW.id := nextval(pg_get_serial_sequence('"AuditEvent"', 'id'));
  SELECT hash INTO last_hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1;
  NEW."prevHash" := coalesce(last_hash, 'genesis');
  NEW.hash := audit_event_digest(NEW."prevHash", NEW);
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- Invariants the database keeps whatever the application does.
ALTER TABLE "Person" ADD CONSTRAINT person_identity_number_digits
  CHECK ("identityNumber" IS NULL OR "identityNumber" ~ '^[0-9]{12}$');
ALTER TABLE "Person" ADD CONSTRAINT person_identity_number_kind
  CHECK (("identityNumber" IS NULL) = ("identityNumberKind" IS NULL));
ALTER TABLE "GroupRelation" ADD CONSTRAINT group_relation_two_groups CHECK ("groupAId" <> "groupBId");
ALTER TABLE "GroupRelation" ADD CONSTRAINT group_relation_period CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "Membership" ADD CONSTRAINT membership_period CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "NotificationRound" ADD CONSTRAINT notification_round_period CHECK ("endsOn" >= "startsOn");
ALTER TABLE "SupportMeasure" ADD CONSTRAINT support_measure_period CHECK ("endsOn" IS NULL OR "endsOn" >= "startsOn");
ALTER TABLE "Incident" ADD CONSTRAINT incident_counts CHECK (killed >= 0 AND injured >= 0);
ALTER TABLE "CallInSpeaker" ADD CONSTRAINT call_in_speaker_who CHECK ("userId" IS NOT NULL OR "name" IS NOT NULL);
ALTER TABLE "EnforcementAction" ADD CONSTRAINT enforcement_action_target CHECK ("personId" IS NOT NULL OR "groupId" IS NOT NULL);
ALTER TABLE "Consent" ADD CONSTRAINT consent_agencies CHECK (cardinality(agencies) > 0);
ALTER TABLE "InternalNote" ADD CONSTRAINT internal_note_one_target CHECK (num_nonnulls(
  "personId", "notificationId", "callInId", "referralId", "supportMeasureId", "followUpId", "enforcementActionId") = 1);
