-- Verinote review schema, version 1: drafts, edits, audit chain, submission outbox.
-- Every table carries tenant_id and is guarded by a row-level-security policy keyed on the per-transaction
-- setting app.current_tenant (set by the store with set_config(..., true)). FORCE makes the policy apply to the
-- table owner too; the application must still connect as a separate, non-superuser role without BYPASSRLS.

CREATE TABLE review_drafts (
  tenant_id           text        NOT NULL,
  draft_id            text        NOT NULL,
  encounter_id        text        NOT NULL,
  model_run_id        text        NOT NULL,
  patient_ref         text,
  document_type_code  text        NOT NULL,
  model_id            text        NOT NULL,
  model_version       text        NOT NULL,
  ai_note             text        NOT NULL,
  raw_model_output    text        NOT NULL,
  findings            text        NOT NULL,
  note                text        NOT NULL,
  state               text        NOT NULL CHECK (state IN ('DRAFTED', 'IN_REVIEW', 'APPROVED', 'SUBMITTED',
                                                           'CONFIRMED', 'REJECTED', 'SUBMISSION_FAILED')),
  version             bigint      NOT NULL CHECK (version >= 1),
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  decided_by          text,
  decided_at          timestamptz,
  approved_version    bigint      NOT NULL DEFAULT 0,
  rejection_reason    text,
  submission_key      text,
  submission_attempts integer     NOT NULL DEFAULT 0,
  submission_error    text,
  record_id           text,
  PRIMARY KEY (tenant_id, draft_id),
  CONSTRAINT review_drafts_one_per_run UNIQUE (tenant_id, encounter_id, model_run_id)
);

CREATE TABLE review_edits (
  tenant_id     text        NOT NULL,
  draft_id      text        NOT NULL,
  version       bigint      NOT NULL,
  section_key   text        NOT NULL,
  edited_by     text        NOT NULL,
  edited_at     timestamptz NOT NULL,
  previous_text text        NOT NULL,
  new_text      text        NOT NULL,
  PRIMARY KEY (tenant_id, draft_id, version),
  FOREIGN KEY (tenant_id, draft_id) REFERENCES review_drafts (tenant_id, draft_id)
);

CREATE TABLE audit_events (
  tenant_id     text        NOT NULL,
  seq           bigint      NOT NULL CHECK (seq >= 1),
  draft_id      text        NOT NULL,
  encounter_id  text        NOT NULL,
  action        text        NOT NULL,
  actor         text        NOT NULL,
  at            timestamptz NOT NULL,
  from_state    text        NOT NULL,
  to_state      text        NOT NULL,
  from_version  bigint      NOT NULL,
  to_version    bigint      NOT NULL,
  subject       text        NOT NULL,
  content_hash  text        NOT NULL,
  previous_hash text        NOT NULL,
  hash          text        NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);

CREATE TABLE audit_heads (
  tenant_id text   NOT NULL PRIMARY KEY,
  seq       bigint NOT NULL,
  hash      text   NOT NULL
);

CREATE TABLE submission_outbox (
  tenant_id      text        NOT NULL,
  draft_id       text        NOT NULL,
  submission_key text        NOT NULL,
  status         text        NOT NULL CHECK (status IN ('PENDING', 'DONE', 'PARKED')),
  due_at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, draft_id),
  FOREIGN KEY (tenant_id, draft_id) REFERENCES review_drafts (tenant_id, draft_id)
);

CREATE INDEX submission_outbox_due ON submission_outbox (tenant_id, due_at) WHERE status = 'PENDING';

-- The AI's text is evidence: once written it never changes, whoever connects.
CREATE FUNCTION review_drafts_keep_ai_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.ai_note IS DISTINCT FROM OLD.ai_note OR NEW.raw_model_output IS DISTINCT FROM OLD.raw_model_output
     OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.draft_id IS DISTINCT FROM OLD.draft_id THEN
    RAISE EXCEPTION 'review_drafts: ai_note, raw_model_output and ids are immutable (draft %)', OLD.draft_id;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER review_drafts_keep_ai_text BEFORE UPDATE ON review_drafts
  FOR EACH ROW EXECUTE FUNCTION review_drafts_keep_ai_text();

ALTER TABLE review_drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE review_drafts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON review_drafts
  USING (tenant_id = current_setting('app.current_tenant', true))
  WITH CHECK (tenant_id = current_setting('app.current_tenant', true));

ALTER TABLE review_edits ENABLE ROW LEVEL SECURITY;
ALTER TABLE review_edits FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON review_edits
  USING (tenant_id = current_setting('app.current_tenant', true))
  WITH CHECK (tenant_id = current_setting('app.current_tenant', true));

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_events
  USING (tenant_id = current_setting('app.current_tenant', true))
  WITH CHECK (tenant_id = current_setting('app.current_tenant', true));

ALTER TABLE audit_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_heads FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_heads
  USING (tenant_id = current_setting('app.current_tenant', true))
  WITH CHECK (tenant_id = current_setting('app.current_tenant', true));

ALTER TABLE submission_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE submission_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON submission_outbox
  USING (tenant_id = current_setting('app.current_tenant', true))
  WITH CHECK (tenant_id = current_setting('app.current_tenant', true));
