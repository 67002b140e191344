import type { Migration } from '../migration';

/** Enrichments, outreach (outgoing, incoming, accepted), inbox and connection checks, the effect ledger and suppressions. */
export const migration0006: Migration = {
  version: 6,
  name: 'enrichment-and-outreach',
  sql: `
CREATE TABLE enrichments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  enrichment_type_id INTEGER NOT NULL REFERENCES enrichment_types (id),
  lead_id INTEGER REFERENCES leads (id),
  company_id INTEGER REFERENCES companies (id),
  profile_id INTEGER REFERENCES profiles (id),
  rule_instance_id INTEGER REFERENCES rule_instances (id),
  params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params) AND json_type(params) = 'object'),
  approval TEXT NOT NULL DEFAULT 'pending' CHECK (approval IN ('pending', 'approved', 'auto', 'rejected')),
  approved_at INTEGER,
  result TEXT CHECK (json_valid(result)),
  hit INTEGER CHECK (hit IN (0, 1)),
  idempotency_key TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'performed', 'failed', 'aborted', 'canceled')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  error_kind TEXT CHECK (error_kind IN ('transient', 'permanent', 'policy')),
  error_text TEXT,
  due_at INTEGER NOT NULL,
  lease_owner TEXT,
  lease_expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  timeline_counted_at INTEGER,
  CHECK ((lead_id IS NULL) <> (company_id IS NULL)),
  CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
  CHECK (lease_owner IS NULL OR status = 'running')
) STRICT;

-- approval sits between status and due time so unapproved items never slow the planner down
CREATE INDEX enrichments_status_approval_due ON enrichments (status, approval, due_at);
CREATE INDEX enrichments_profile_status_due ON enrichments (profile_id, status, due_at);
CREATE INDEX enrichments_lease ON enrichments (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
CREATE INDEX enrichments_uncounted ON enrichments (finished_at) WHERE timeline_counted_at IS NULL;
CREATE INDEX enrichments_lead ON enrichments (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX enrichments_company ON enrichments (company_id) WHERE company_id IS NOT NULL;

CREATE TABLE outreach (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  outreach_type_id INTEGER NOT NULL REFERENCES outreach_types (id),
  direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming', 'accepted')),
  incoming_kind TEXT CHECK (incoming_kind IN ('reply', 'auto_reply', 'hard_bounce', 'soft_bounce', 'unsubscribe')),
  lead_id INTEGER NOT NULL REFERENCES leads (id),
  profile_id INTEGER REFERENCES profiles (id),
  -- for incoming and accepted rows: the outgoing row they answer
  parent_outreach_id INTEGER REFERENCES outreach (id),
  rule_instance_id INTEGER REFERENCES rule_instances (id),
  enrollment_id INTEGER REFERENCES enrollments (id),
  sequence_step_id INTEGER REFERENCES sequence_steps (id),
  sequence_variant_id INTEGER REFERENCES sequence_variants (id),
  -- the lead's side: recipient of an outgoing row, sender of an incoming one (email address or profile URL)
  lead_address TEXT,
  subject TEXT,
  body TEXT,
  message_id TEXT,
  in_reply_to TEXT,
  approval TEXT CHECK (approval IN ('pending', 'approved', 'auto', 'rejected')),
  approved_at INTEGER,
  idempotency_key TEXT UNIQUE,
  -- when it happened on the channel (sent, received, accepted), which may precede when we learnt it
  occurred_at INTEGER,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'performed', 'failed', 'aborted', 'canceled', 'unknown')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  error_kind TEXT CHECK (error_kind IN ('transient', 'permanent', 'policy')),
  error_text TEXT,
  error_snapshot TEXT,
  due_at INTEGER NOT NULL,
  lease_owner TEXT,
  lease_expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  timeline_counted_at INTEGER,
  CHECK ((direction = 'outgoing') = (approval IS NOT NULL)),
  CHECK ((direction = 'outgoing') = (idempotency_key IS NOT NULL)),
  CHECK ((direction = 'incoming') = (incoming_kind IS NOT NULL)),
  CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
  CHECK (lease_owner IS NULL OR status = 'running')
) STRICT;

CREATE INDEX outreach_status_approval_due ON outreach (status, approval, due_at);
CREATE INDEX outreach_profile_status_due ON outreach (profile_id, status, due_at);
CREATE INDEX outreach_lease ON outreach (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
CREATE INDEX outreach_uncounted ON outreach (finished_at) WHERE timeline_counted_at IS NULL;
CREATE INDEX outreach_lead ON outreach (lead_id, direction, created_at);
CREATE INDEX outreach_enrollment ON outreach (enrollment_id) WHERE enrollment_id IS NOT NULL;
-- threading looks replies up by Message-ID; unique per profile and direction so a re-read inbox stores a message once
CREATE UNIQUE INDEX outreach_message_id ON outreach (message_id, profile_id, direction) WHERE message_id IS NOT NULL;

CREATE TABLE inbox_checks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id INTEGER NOT NULL REFERENCES profiles (id),
  messages_found INTEGER NOT NULL DEFAULT 0 CHECK (messages_found >= 0),
  result TEXT CHECK (json_valid(result) AND json_type(result) = 'object'),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'performed', 'failed', 'aborted', 'canceled')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  error_kind TEXT CHECK (error_kind IN ('transient', 'permanent', 'policy')),
  error_text TEXT,
  error_snapshot TEXT,
  due_at INTEGER NOT NULL,
  lease_owner TEXT,
  lease_expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
  CHECK (lease_owner IS NULL OR status = 'running')
) STRICT;

CREATE INDEX inbox_checks_profile_status_due ON inbox_checks (profile_id, status, due_at);
CREATE INDEX inbox_checks_lease ON inbox_checks (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
-- the planner may race itself; at most one open check per profile
CREATE UNIQUE INDEX inbox_checks_open ON inbox_checks (profile_id) WHERE status IN ('pending', 'running');

CREATE TABLE connection_checks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id INTEGER NOT NULL REFERENCES profiles (id),
  connections_found INTEGER NOT NULL DEFAULT 0 CHECK (connections_found >= 0),
  result TEXT CHECK (json_valid(result) AND json_type(result) = 'object'),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'performed', 'failed', 'aborted', 'canceled')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  error_kind TEXT CHECK (error_kind IN ('transient', 'permanent', 'policy')),
  error_text TEXT,
  error_snapshot TEXT,
  due_at INTEGER NOT NULL,
  lease_owner TEXT,
  lease_expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
  CHECK (lease_owner IS NULL OR status = 'running')
) STRICT;

CREATE INDEX connection_checks_profile_status_due ON connection_checks (profile_id, status, due_at);
CREATE INDEX connection_checks_lease ON connection_checks (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
CREATE UNIQUE INDEX connection_checks_open ON connection_checks (profile_id) WHERE status IN ('pending', 'running');

-- written before an effect starts and when it ends: a retry that finds 'started' without an end
-- must not repeat the effect (the outreach becomes 'unknown' instead)
CREATE TABLE effect_ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
  work_kind TEXT NOT NULL CHECK (work_kind IN ('outreach', 'enrichment')),
  work_id INTEGER NOT NULL,
  profile_id INTEGER NOT NULL REFERENCES profiles (id),
  outcome TEXT NOT NULL DEFAULT 'started' CHECK (outcome IN ('started', 'succeeded', 'failed', 'unknown')),
  external_ref TEXT,
  detail TEXT CHECK (json_valid(detail) AND json_type(detail) = 'object'),
  started_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;

CREATE TABLE suppressions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'domain', 'linkedin', 'facebook')),
  -- normalised the same way as the lead and company columns it is compared with
  value TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('unsubscribe', 'hard_bounce', 'remove_request', 'complaint', 'operator')),
  outreach_id INTEGER REFERENCES outreach (id),
  note TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

CREATE UNIQUE INDEX suppressions_value_live ON suppressions (kind, value) WHERE deleted_at IS NULL;
`,
};
