-- Verinote review schema, version 2.
-- Outbox rows remember the draft version that scheduled them, so that a worker acting on a stale list of due rows
-- skips them instead of submitting twice; and the audit log gets an index for one draft's trail.

ALTER TABLE submission_outbox ADD COLUMN draft_version bigint;

-- Backfill as the owner: lift FORCE for this transaction only (the owner then bypasses the tenant policy).
ALTER TABLE submission_outbox NO FORCE ROW LEVEL SECURITY;
ALTER TABLE review_drafts NO FORCE ROW LEVEL SECURITY;
UPDATE submission_outbox o SET draft_version = d.version
  FROM review_drafts d
  WHERE d.tenant_id = o.tenant_id AND d.draft_id = o.draft_id;
ALTER TABLE submission_outbox FORCE ROW LEVEL SECURITY;
ALTER TABLE review_drafts FORCE ROW LEVEL SECURITY;

ALTER TABLE submission_outbox ALTER COLUMN draft_version SET NOT NULL;

CREATE INDEX audit_events_by_draft ON audit_events (tenant_id, draft_id, seq);
