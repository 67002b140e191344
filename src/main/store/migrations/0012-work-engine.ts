import type { Migration } from '../migration';

/**
 * The work engine: enrichments may end in the "unknown outcome" state (the table is rebuilt because SQLite
 * cannot alter a CHECK; nothing references it), the ledger is looked up per item, and items of unknown
 * outcome wait for verification by their channel or for the operator.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'work-engine',
  sql: `
CREATE TABLE enrichments_rebuilt (
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
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'performed', 'failed', 'aborted', 'canceled', 'unknown')),
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

INSERT INTO enrichments_rebuilt SELECT * FROM enrichments;
DROP TABLE enrichments;
ALTER TABLE enrichments_rebuilt RENAME TO enrichments;

CREATE INDEX enrichments_status_approval_due ON enrichments (status, approval, due_at);
CREATE INDEX enrichments_profile_status_due ON enrichments (profile_id, status, due_at);
CREATE INDEX enrichments_lease ON enrichments (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
CREATE INDEX enrichments_uncounted ON enrichments (finished_at) WHERE timeline_counted_at IS NULL;
CREATE INDEX enrichments_lead ON enrichments (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX enrichments_company ON enrichments (company_id) WHERE company_id IS NOT NULL;

CREATE INDEX effect_ledger_work ON effect_ledger (work_kind, work_id);

-- one row per item in the unknown-outcome state: 'verify' while its channel may still find evidence,
-- 'operator' once only the operator can decide
CREATE TABLE unknown_outcomes (
  work_kind TEXT NOT NULL CHECK (work_kind IN ('outreach', 'enrichment')),
  work_id INTEGER NOT NULL,
  profile_id INTEGER NOT NULL REFERENCES profiles (id),
  state TEXT NOT NULL CHECK (state IN ('verify', 'operator')),
  verify_tries INTEGER NOT NULL DEFAULT 0 CHECK (verify_tries >= 0),
  due_at INTEGER NOT NULL,
  note TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (work_kind, work_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX unknown_outcomes_due ON unknown_outcomes (profile_id, state, due_at);
`,
};
