import type { Migration } from '../migration';

/** Sequences with steps and A/B variants, rules and their per-target instances, and enrollments. */
export const migration0005: Migration = {
  version: 5,
  name: 'automation',
  sql: `
CREATE TABLE sequences (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'archived')),
  schedule TEXT CHECK (json_valid(schedule) AND json_type(schedule) = 'object'),
  stop_conditions TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(stop_conditions) AND json_type(stop_conditions) = 'object'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

CREATE TABLE sequence_steps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sequence_id INTEGER NOT NULL REFERENCES sequences (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  outreach_type_id INTEGER NOT NULL REFERENCES outreach_types (id),
  delay_days INTEGER NOT NULL DEFAULT 0 CHECK (delay_days >= 0),
  conditions TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(conditions) AND json_type(conditions) = 'object'),
  auto_approve INTEGER NOT NULL DEFAULT 0 CHECK (auto_approve IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

CREATE INDEX sequence_steps_sequence ON sequence_steps (sequence_id, position);

CREATE TABLE sequence_variants (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sequence_step_id INTEGER NOT NULL REFERENCES sequence_steps (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  subject TEXT,
  body TEXT NOT NULL,
  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

CREATE INDEX sequence_variants_step ON sequence_variants (sequence_step_id);

CREATE TABLE rules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('event_created', 'lead_created', 'company_created', 'tag_added', 'rule_performed', 'reply', 'acceptance', 'bounce', 'click', 'unsubscribe')),
  trigger_source_id INTEGER REFERENCES sources (id),
  trigger_tag_id INTEGER REFERENCES tags (id),
  trigger_rule_id INTEGER REFERENCES rules (id),
  filter TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filter) AND json_type(filter) = 'object'),
  action_kind TEXT NOT NULL CHECK (action_kind IN ('outreach', 'enrichment', 'add_tag', 'remove_tag', 'enroll')),
  outreach_type_id INTEGER REFERENCES outreach_types (id),
  enrichment_type_id INTEGER REFERENCES enrichment_types (id),
  sequence_id INTEGER REFERENCES sequences (id),
  -- the tag added or removed, or the tag put on the outreach or enrichment the rule creates
  tag_id INTEGER REFERENCES tags (id),
  action_config TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(action_config) AND json_type(action_config) = 'object'),
  auto_approve INTEGER NOT NULL DEFAULT 0 CHECK (auto_approve IN (0, 1)),
  delay_seconds INTEGER NOT NULL DEFAULT 0 CHECK (delay_seconds >= 0),
  apply_to_previous INTEGER NOT NULL DEFAULT 0 CHECK (apply_to_previous IN (0, 1)),
  -- highest id of the trigger's rows already scanned; starts at 0 when applying to previous records
  trigger_cursor INTEGER NOT NULL DEFAULT 0 CHECK (trigger_cursor >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  CHECK (trigger_source_id IS NULL OR trigger_kind IN ('event_created', 'lead_created', 'company_created')),
  CHECK ((trigger_kind = 'tag_added') = (trigger_tag_id IS NOT NULL)),
  CHECK ((trigger_kind = 'rule_performed') = (trigger_rule_id IS NOT NULL)),
  CHECK ((action_kind = 'outreach') = (outreach_type_id IS NOT NULL)),
  CHECK ((action_kind = 'enrichment') = (enrichment_type_id IS NOT NULL)),
  CHECK ((action_kind = 'enroll') = (sequence_id IS NOT NULL)),
  CHECK (action_kind NOT IN ('add_tag', 'remove_tag') OR tag_id IS NOT NULL)
) STRICT;

CREATE TABLE rule_instances (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id INTEGER NOT NULL REFERENCES rules (id),
  target_kind TEXT NOT NULL CHECK (target_kind IN ('lead', 'company', 'event')),
  target_id INTEGER NOT NULL,
  -- the row that fired the trigger: event, tag link, outreach, tracking event or parent instance
  trigger_id INTEGER,
  parent_instance_id INTEGER REFERENCES rule_instances (id),
  filter_passed INTEGER CHECK (filter_passed IN (0, 1)),
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
  UNIQUE (rule_id, target_kind, target_id),
  CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
  CHECK (lease_owner IS NULL OR status = 'running')
) STRICT;

CREATE INDEX rule_instances_status_due ON rule_instances (status, due_at);
CREATE INDEX rule_instances_lease ON rule_instances (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
CREATE INDEX rule_instances_uncounted ON rule_instances (finished_at) WHERE timeline_counted_at IS NULL;

CREATE TABLE enrollments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sequence_id INTEGER NOT NULL REFERENCES sequences (id),
  lead_id INTEGER NOT NULL REFERENCES leads (id),
  -- every step of a lead goes out from the same profile
  profile_id INTEGER REFERENCES profiles (id),
  rule_instance_id INTEGER REFERENCES rule_instances (id),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed', 'stopped')),
  stop_reason TEXT CHECK (stop_reason IN ('replied', 'bounced', 'unsubscribed', 'suppressed', 'not_accepted', 'company_replied', 'operator')),
  next_step_id INTEGER REFERENCES sequence_steps (id),
  next_step_due_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER,
  CHECK ((status = 'stopped') = (stop_reason IS NOT NULL))
) STRICT;

CREATE INDEX enrollments_status_due ON enrollments (status, next_step_due_at);
CREATE INDEX enrollments_lead ON enrollments (lead_id);
CREATE UNIQUE INDEX enrollments_live ON enrollments (sequence_id, lead_id) WHERE status IN ('active', 'paused');
`,
};
