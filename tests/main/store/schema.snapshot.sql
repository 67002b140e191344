-- index bulk_operation_items_lead on bulk_operation_items
CREATE INDEX bulk_operation_items_lead ON bulk_operation_items (lead_id);

-- index bulk_operations_open on bulk_operations
CREATE INDEX bulk_operations_open ON bulk_operations (id) WHERE status IN ('pending', 'running');

-- index companies_country_live on companies
CREATE INDEX companies_country_live ON companies (country COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index companies_created_live on companies
CREATE INDEX companies_created_live ON companies (created_at) WHERE deleted_at IS NULL;

-- index companies_domain_live on companies
CREATE UNIQUE INDEX companies_domain_live ON companies (domain) WHERE domain IS NOT NULL AND deleted_at IS NULL;

-- index companies_domain_sort_live on companies
CREATE INDEX companies_domain_sort_live ON companies (domain COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index companies_facebook_live on companies
CREATE UNIQUE INDEX companies_facebook_live ON companies (facebook_norm) WHERE facebook_norm IS NOT NULL AND deleted_at IS NULL;

-- index companies_headcount_live on companies
CREATE INDEX companies_headcount_live ON companies (headcount) WHERE deleted_at IS NULL;

-- index companies_industry_live on companies
CREATE INDEX companies_industry_live ON companies (industry COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index companies_linkedin_live on companies
CREATE UNIQUE INDEX companies_linkedin_live ON companies (linkedin_norm) WHERE linkedin_norm IS NOT NULL AND deleted_at IS NULL;

-- index companies_name_live on companies
CREATE INDEX companies_name_live ON companies (name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index companies_revenue_live on companies
CREATE INDEX companies_revenue_live ON companies (revenue) WHERE deleted_at IS NULL;

-- index companies_updated_live on companies
CREATE INDEX companies_updated_live ON companies (updated_at) WHERE deleted_at IS NULL;

-- index connection_checks_lease on connection_checks
CREATE INDEX connection_checks_lease ON connection_checks (lease_expires_at) WHERE lease_expires_at IS NOT NULL;

-- index connection_checks_open on connection_checks
CREATE UNIQUE INDEX connection_checks_open ON connection_checks (profile_id) WHERE status IN ('pending', 'running');

-- index connection_checks_profile_latest on connection_checks
CREATE INDEX connection_checks_profile_latest ON connection_checks (profile_id);

-- index connection_checks_profile_status_due on connection_checks
CREATE INDEX connection_checks_profile_status_due ON connection_checks (profile_id, status, due_at);

-- index custom_fields_name_live on custom_fields
CREATE UNIQUE INDEX custom_fields_name_live ON custom_fields (target_kind, name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index effect_ledger_work on effect_ledger
CREATE INDEX effect_ledger_work ON effect_ledger (work_kind, work_id);

-- index enrichments_company on enrichments
CREATE INDEX enrichments_company ON enrichments (company_id) WHERE company_id IS NOT NULL;

-- index enrichments_lead on enrichments
CREATE INDEX enrichments_lead ON enrichments (lead_id) WHERE lead_id IS NOT NULL;

-- index enrichments_lease on enrichments
CREATE INDEX enrichments_lease ON enrichments (lease_expires_at) WHERE lease_expires_at IS NOT NULL;

-- index enrichments_profile_status_due on enrichments
CREATE INDEX enrichments_profile_status_due ON enrichments (profile_id, status, due_at);

-- index enrichments_status_approval_due on enrichments
CREATE INDEX enrichments_status_approval_due ON enrichments (status, approval, due_at);

-- index enrichments_unassigned on enrichments
CREATE INDEX enrichments_unassigned ON enrichments (id) WHERE status = 'pending' AND profile_id IS NULL;

-- index enrichments_uncounted on enrichments
CREATE INDEX enrichments_uncounted ON enrichments (finished_at) WHERE timeline_counted_at IS NULL;

-- index enrollments_first_due on enrollments
CREATE INDEX enrollments_first_due ON enrollments (next_step_due_at) WHERE status = 'active' AND steps_done = 0;

-- index enrollments_follow_up_due on enrollments
CREATE INDEX enrollments_follow_up_due ON enrollments (next_step_due_at) WHERE status = 'active' AND steps_done > 0;

-- index enrollments_lead on enrollments
CREATE INDEX enrollments_lead ON enrollments (lead_id);

-- index enrollments_live on enrollments
CREATE UNIQUE INDEX enrollments_live ON enrollments (sequence_id, lead_id) WHERE status IN ('active', 'paused');

-- index enrollments_sequence on enrollments
CREATE INDEX enrollments_sequence ON enrollments (sequence_id, status, id);

-- index enrollments_status_due on enrollments
CREATE INDEX enrollments_status_due ON enrollments (status, next_step_due_at);

-- index events_company on events
CREATE INDEX events_company ON events (company_id) WHERE company_id IS NOT NULL;

-- index events_lead on events
CREATE INDEX events_lead ON events (lead_id) WHERE lead_id IS NOT NULL;

-- index events_source on events
CREATE INDEX events_source ON events (source_id, id);

-- index inbox_checks_lease on inbox_checks
CREATE INDEX inbox_checks_lease ON inbox_checks (lease_expires_at) WHERE lease_expires_at IS NOT NULL;

-- index inbox_checks_open on inbox_checks
CREATE UNIQUE INDEX inbox_checks_open ON inbox_checks (profile_id) WHERE status IN ('pending', 'running');

-- index inbox_checks_profile_latest on inbox_checks
CREATE INDEX inbox_checks_profile_latest ON inbox_checks (profile_id);

-- index inbox_checks_profile_status_due on inbox_checks
CREATE INDEX inbox_checks_profile_status_due ON inbox_checks (profile_id, status, due_at);

-- index jobs_lease on jobs
CREATE INDEX jobs_lease ON jobs (lease_expires_at) WHERE lease_expires_at IS NOT NULL;

-- index jobs_open_per_url on jobs
CREATE INDEX jobs_open_per_url ON jobs (source_url_id) WHERE status IN ('pending', 'running');

-- index jobs_parent on jobs
CREATE INDEX jobs_parent ON jobs (parent_job_id) WHERE parent_job_id IS NOT NULL;

-- index jobs_profile_status_due on jobs
CREATE INDEX jobs_profile_status_due ON jobs (profile_id, status, due_at);

-- index jobs_source on jobs
CREATE INDEX jobs_source ON jobs (source_id, id);

-- index jobs_status_due on jobs
CREATE INDEX jobs_status_due ON jobs (status, due_at);

-- index jobs_unassigned on jobs
CREATE INDEX jobs_unassigned ON jobs (id) WHERE status = 'pending' AND profile_id IS NULL;

-- index jobs_uncounted on jobs
CREATE INDEX jobs_uncounted ON jobs (finished_at) WHERE timeline_counted_at IS NULL;

-- index leads_company on leads
CREATE INDEX leads_company ON leads (company_id);

-- index leads_country_live on leads
CREATE INDEX leads_country_live ON leads (country COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index leads_created_live on leads
CREATE INDEX leads_created_live ON leads (created_at) WHERE deleted_at IS NULL;

-- index leads_email_live on leads
CREATE UNIQUE INDEX leads_email_live ON leads (email_norm) WHERE email_norm IS NOT NULL AND deleted_at IS NULL;

-- index leads_email_sort_live on leads
CREATE INDEX leads_email_sort_live ON leads (email COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index leads_facebook_alt_live on leads
CREATE INDEX leads_facebook_alt_live ON leads (facebook_alt_url) WHERE facebook_alt_url IS NOT NULL AND deleted_at IS NULL;

-- index leads_facebook_live on leads
CREATE UNIQUE INDEX leads_facebook_live ON leads (facebook_norm) WHERE facebook_norm IS NOT NULL AND deleted_at IS NULL;

-- index leads_first_name_live on leads
CREATE INDEX leads_first_name_live ON leads (first_name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index leads_job_title_live on leads
CREATE INDEX leads_job_title_live ON leads (job_title COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index leads_last_name_live on leads
CREATE INDEX leads_last_name_live ON leads (last_name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index leads_linkedin_alt_live on leads
CREATE INDEX leads_linkedin_alt_live ON leads (linkedin_alt_url) WHERE linkedin_alt_url IS NOT NULL AND deleted_at IS NULL;

-- index leads_linkedin_live on leads
CREATE UNIQUE INDEX leads_linkedin_live ON leads (linkedin_norm) WHERE linkedin_norm IS NOT NULL AND deleted_at IS NULL;

-- index leads_updated_live on leads
CREATE INDEX leads_updated_live ON leads (updated_at) WHERE deleted_at IS NULL;

-- index login_codes_expires on login_codes
CREATE INDEX login_codes_expires ON login_codes (expires_at);

-- index merge_journal_import on merge_journal
CREATE INDEX merge_journal_import ON merge_journal (import_id, target_kind, target_id) WHERE import_id IS NOT NULL;

-- index merge_journal_target on merge_journal
CREATE INDEX merge_journal_target ON merge_journal (target_kind, target_id);

-- index outreach_enrollment on outreach
CREATE INDEX outreach_enrollment ON outreach (enrollment_id) WHERE enrollment_id IS NOT NULL;

-- index outreach_incoming_by_lead on outreach
CREATE INDEX outreach_incoming_by_lead ON outreach (lead_id, id, incoming_kind, profile_id) WHERE direction = 'incoming';

-- index outreach_lead on outreach
CREATE INDEX outreach_lead ON outreach (lead_id, direction, created_at);

-- index outreach_lease on outreach
CREATE INDEX outreach_lease ON outreach (lease_expires_at) WHERE lease_expires_at IS NOT NULL;

-- index outreach_message_id on outreach
CREATE UNIQUE INDEX outreach_message_id ON outreach (message_id, profile_id, direction) WHERE message_id IS NOT NULL;

-- index outreach_parent on outreach
CREATE INDEX outreach_parent ON outreach (parent_outreach_id) WHERE parent_outreach_id IS NOT NULL;

-- index outreach_profile_status_due on outreach
CREATE INDEX outreach_profile_status_due ON outreach (profile_id, status, due_at);

-- index outreach_status_approval_due on outreach
CREATE INDEX outreach_status_approval_due ON outreach (status, approval, due_at);

-- index outreach_unassigned on outreach
CREATE INDEX outreach_unassigned ON outreach (id) WHERE status = 'pending' AND profile_id IS NULL;

-- index outreach_uncounted on outreach
CREATE INDEX outreach_uncounted ON outreach (finished_at) WHERE timeline_counted_at IS NULL;

-- index outreach_uncounted_received on outreach
CREATE INDEX outreach_uncounted_received ON outreach (id) WHERE timeline_counted_at IS NULL AND direction <> 'outgoing';

-- index outreach_variant on outreach
CREATE INDEX outreach_variant ON outreach (sequence_variant_id) WHERE sequence_variant_id IS NOT NULL;

-- index profiles_identity_live on profiles
CREATE UNIQUE INDEX profiles_identity_live ON profiles (profile_type_id, identity) WHERE identity IS NOT NULL AND deleted_at IS NULL;

-- index quota_uses_domain on quota_uses
CREATE INDEX quota_uses_domain ON quota_uses (profile_id, recipient_domain, used_at) WHERE recipient_domain IS NOT NULL;

-- index quota_uses_window on quota_uses
CREATE INDEX quota_uses_window ON quota_uses (profile_id, action, used_at);

-- index reminders_lead on reminders
CREATE INDEX reminders_lead ON reminders (lead_id);

-- index reminders_open_due on reminders
CREATE INDEX reminders_open_due ON reminders (due_at) WHERE done_at IS NULL AND deleted_at IS NULL;

-- index rule_completions_rule on rule_completions
CREATE INDEX rule_completions_rule ON rule_completions (rule_id, id);

-- index rule_instances_lease on rule_instances
CREATE INDEX rule_instances_lease ON rule_instances (lease_expires_at) WHERE lease_expires_at IS NOT NULL;

-- index rule_instances_status_due on rule_instances
CREATE INDEX rule_instances_status_due ON rule_instances (status, due_at);

-- index rule_instances_uncounted on rule_instances
CREATE INDEX rule_instances_uncounted ON rule_instances (finished_at) WHERE timeline_counted_at IS NULL;

-- index sequence_steps_sequence on sequence_steps
CREATE INDEX sequence_steps_sequence ON sequence_steps (sequence_id, position);

-- index sequence_variants_step on sequence_variants
CREATE INDEX sequence_variants_step ON sequence_variants (sequence_step_id);

-- index sessions_expires on sessions
CREATE INDEX sessions_expires ON sessions (expires_at);

-- index source_urls_due on source_urls
CREATE INDEX source_urls_due ON source_urls (next_run_at) WHERE active = 1 AND deleted_at IS NULL;

-- index source_urls_norm_live on source_urls
CREATE UNIQUE INDEX source_urls_norm_live ON source_urls (source_id, url_norm) WHERE deleted_at IS NULL;

-- index suppressions_value_live on suppressions
CREATE UNIQUE INDEX suppressions_value_live ON suppressions (kind, value) WHERE deleted_at IS NULL;

-- index tag_links_live on tag_links
CREATE UNIQUE INDEX tag_links_live ON tag_links (tag_id, target_kind, target_id) WHERE removed_at IS NULL;

-- index tag_links_target on tag_links
CREATE INDEX tag_links_target ON tag_links (target_kind, target_id);

-- index tags_name_live on tags
CREATE UNIQUE INDEX tags_name_live ON tags (name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- index tracking_events_link on tracking_events
CREATE INDEX tracking_events_link ON tracking_events (tracking_link_id, occurred_at);

-- index tracking_events_uncounted on tracking_events
CREATE INDEX tracking_events_uncounted ON tracking_events (occurred_at) WHERE timeline_counted_at IS NULL;

-- index tracking_links_outreach on tracking_links
CREATE INDEX tracking_links_outreach ON tracking_links (outreach_id);

-- index unknown_outcomes_due on unknown_outcomes
CREATE INDEX unknown_outcomes_due ON unknown_outcomes (profile_id, state, due_at);

-- table api_keys on api_keys
CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
) STRICT;

-- table bulk_operation_items on bulk_operation_items
CREATE TABLE bulk_operation_items (
  operation_id INTEGER NOT NULL REFERENCES bulk_operations (id) ON DELETE CASCADE,
  lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  tag_link_id INTEGER,
  deleted_at INTEGER,
  PRIMARY KEY (operation_id, lead_id)
) STRICT, WITHOUT ROWID;

-- table bulk_operations on bulk_operations
CREATE TABLE bulk_operations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('add_tag', 'remove_tag', 'delete', 'export')),
  filter TEXT NOT NULL CHECK (json_valid(filter) AND json_type(filter) = 'object'),
  params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params) AND json_type(params) = 'object'),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'performed', 'failed', 'canceled')),
  total INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0),
  done INTEGER NOT NULL DEFAULT 0 CHECK (done >= 0),
  changed INTEGER NOT NULL DEFAULT 0 CHECK (changed >= 0),
  -- the operation walks leads by ascending id up to max_id (the newest lead at start); last_id and done
  -- advance in the same transaction as the batch, so a restart continues after last_id
  max_id INTEGER NOT NULL CHECK (max_id >= 0),
  last_id INTEGER NOT NULL DEFAULT 0 CHECK (last_id >= 0),
  export_id INTEGER REFERENCES exports (id) ON DELETE SET NULL,
  -- bytes of the export file committed with last_id; a restart truncates anything written after them
  export_bytes INTEGER NOT NULL DEFAULT 0 CHECK (export_bytes >= 0),
  error_text TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  undone_at INTEGER,
  CHECK (kind = 'export' OR export_id IS NULL)
) STRICT;

-- table channels on channels
CREATE TABLE channels (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- table companies on companies
CREATE TABLE companies (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT,
  domain TEXT CHECK (domain = lower(trim(domain))),
  email TEXT,
  phone TEXT,
  linkedin_url TEXT,
  linkedin_norm TEXT,
  facebook_url TEXT,
  facebook_norm TEXT,
  headcount INTEGER CHECK (headcount >= 0),
  revenue INTEGER CHECK (revenue >= 0),
  industry TEXT,
  country TEXT,
  location TEXT,
  timezone TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

-- table companies_fts on companies_fts
CREATE VIRTUAL TABLE companies_fts USING fts5(
  name, domain, industry,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- table companies_fts_config on companies_fts_config
CREATE TABLE 'companies_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table companies_fts_data on companies_fts_data
CREATE TABLE 'companies_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table companies_fts_docsize on companies_fts_docsize
CREATE TABLE 'companies_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table companies_fts_idx on companies_fts_idx
CREATE TABLE 'companies_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table connection_checks on connection_checks
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

-- table custom_field_values on custom_field_values
CREATE TABLE custom_field_values (
  target_kind TEXT NOT NULL CHECK (target_kind IN ('lead', 'company')),
  target_id INTEGER NOT NULL,
  field_id INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
  -- ANY keeps the value's own type (integer, real, text) under STRICT
  value ANY NOT NULL,
  PRIMARY KEY (target_kind, target_id, field_id)
) STRICT, WITHOUT ROWID;

-- table custom_fields on custom_fields
CREATE TABLE custom_fields (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('lead', 'company')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  type TEXT NOT NULL CHECK (type IN ('string', 'integer', 'float', 'boolean', 'date', 'text')),
  format TEXT,
  min_value REAL,
  max_value REAL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER,
  CHECK (min_value <= max_value)
) STRICT;

-- table effect_ledger on effect_ledger
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

-- table enrichment_type_profile_types on enrichment_type_profile_types
CREATE TABLE enrichment_type_profile_types (
  enrichment_type_id INTEGER NOT NULL REFERENCES enrichment_types (id) ON DELETE CASCADE,
  profile_type_id INTEGER NOT NULL REFERENCES profile_types (id) ON DELETE CASCADE,
  PRIMARY KEY (enrichment_type_id, profile_type_id)
) STRICT, WITHOUT ROWID;

-- table enrichment_types on enrichment_types
CREATE TABLE enrichment_types (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('lead', 'company')),
  quota_action TEXT,
  defaults TEXT NOT NULL CHECK (json_valid(defaults) AND json_type(defaults) = 'object'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- table enrichments on enrichments
CREATE TABLE "enrichments" (
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

-- table enrollments on enrollments
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
  finished_at INTEGER, steps_done INTEGER NOT NULL DEFAULT 0 CHECK (steps_done >= 0),
  CHECK ((status = 'stopped') = (stop_reason IS NOT NULL))
) STRICT;

-- table events on events
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  url TEXT NOT NULL,
  url_norm TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('post', 'listing', 'search_row', 'page')),
  -- the source and job that found it first; later sightings are job_events rows
  source_id INTEGER NOT NULL REFERENCES sources (id),
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  title TEXT,
  text TEXT,
  published_at INTEGER,
  descriptor TEXT NOT NULL CHECK (json_valid(descriptor) AND json_type(descriptor) = 'object'),
  lead_id INTEGER REFERENCES leads (id) ON DELETE SET NULL,
  company_id INTEGER REFERENCES companies (id) ON DELETE SET NULL,
  lead_created INTEGER NOT NULL DEFAULT 0 CHECK (lead_created IN (0, 1)),
  company_created INTEGER NOT NULL DEFAULT 0 CHECK (company_created IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- table exports on exports
CREATE TABLE exports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  filter TEXT NOT NULL CHECK (json_valid(filter) AND json_type(filter) = 'object'),
  columns TEXT NOT NULL CHECK (json_valid(columns) AND json_type(columns) = 'array'),
  file_path TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed', 'canceled')),
  rows_written INTEGER NOT NULL DEFAULT 0 CHECK (rows_written >= 0),
  error_text TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;

-- table field_provenance on field_provenance
CREATE TABLE field_provenance (
  target_kind TEXT NOT NULL CHECK (target_kind IN ('lead', 'company')),
  target_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('import', 'rule', 'enrichment', 'person', 'scrape', 'api')),
  source_id INTEGER,
  set_at INTEGER NOT NULL,
  PRIMARY KEY (target_kind, target_id, field)
) STRICT, WITHOUT ROWID;

-- table import_rows on import_rows
CREATE TABLE import_rows (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 1),
  cells TEXT NOT NULL CHECK (json_valid(cells) AND json_type(cells) = 'array'),
  outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'inserted', 'merged', 'duplicate', 'rejected')),
  reason TEXT,
  processed_at INTEGER,
  CHECK (outcome <> 'rejected' OR reason IS NOT NULL),
  -- re-staging after a crash is idempotent, and the import loop walks rows by line
  UNIQUE (import_id, line)
) STRICT;

-- table imports on imports
CREATE TABLE imports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  origin TEXT NOT NULL CHECK (origin IN ('file', 'paste')),
  file_name TEXT NOT NULL,
  file_path TEXT NOT NULL,
  file_size INTEGER NOT NULL CHECK (file_size >= 0),
  options TEXT NOT NULL CHECK (json_valid(options) AND json_type(options) = 'object'),
  detected TEXT CHECK (json_valid(detected) AND json_type(detected) = 'object'),
  mapping TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'array'),
  tag_id INTEGER REFERENCES tags (id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ingesting', 'importing', 'done', 'failed', 'canceled', 'undone')),
  -- ingest resumes from the last record boundary it committed, import from the last merged line
  bytes_ingested INTEGER NOT NULL DEFAULT 0 CHECK (bytes_ingested >= 0),
  merged_through_line INTEGER NOT NULL DEFAULT 0 CHECK (merged_through_line >= 0),
  rows_staged INTEGER NOT NULL DEFAULT 0 CHECK (rows_staged >= 0),
  rows_inserted INTEGER NOT NULL DEFAULT 0 CHECK (rows_inserted >= 0),
  rows_merged INTEGER NOT NULL DEFAULT 0 CHECK (rows_merged >= 0),
  rows_duplicate INTEGER NOT NULL DEFAULT 0 CHECK (rows_duplicate >= 0),
  rows_rejected INTEGER NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
  error_text TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  undone_at INTEGER
) STRICT;

-- table inbox_checks on inbox_checks
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

-- table job_events on job_events
CREATE TABLE job_events (
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (job_id, event_id)
) STRICT, WITHOUT ROWID;

-- table jobs on jobs
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source_id INTEGER NOT NULL REFERENCES sources (id),
  source_url_id INTEGER NOT NULL REFERENCES source_urls (id),
  parent_job_id INTEGER REFERENCES jobs (id),
  page INTEGER NOT NULL DEFAULT 1 CHECK (page >= 1),
  url TEXT NOT NULL,
  profile_id INTEGER REFERENCES profiles (id),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'performed', 'failed', 'aborted', 'canceled')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  error_kind TEXT CHECK (error_kind IN ('transient', 'permanent', 'policy')),
  error_text TEXT,
  error_snapshot TEXT,
  due_at INTEGER NOT NULL,
  lease_owner TEXT,
  lease_expires_at INTEGER,
  -- folded into the timeline when the job finishes, so the counts live on the row
  events_seen INTEGER NOT NULL DEFAULT 0 CHECK (events_seen >= 0),
  events_new INTEGER NOT NULL DEFAULT 0 CHECK (events_new >= 0),
  leads_new INTEGER NOT NULL DEFAULT 0 CHECK (leads_new >= 0),
  companies_new INTEGER NOT NULL DEFAULT 0 CHECK (companies_new >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  timeline_counted_at INTEGER,
  CHECK ((parent_job_id IS NULL) = (page = 1)),
  CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
  CHECK (lease_owner IS NULL OR status = 'running')
) STRICT;

-- table leads on leads
CREATE TABLE leads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  first_name TEXT,
  middle_name TEXT,
  last_name TEXT,
  job_title TEXT,
  email TEXT,
  email_norm TEXT CHECK (email_norm = lower(trim(email_norm))),
  email_verification TEXT CHECK (email_verification IN ('valid', 'invalid', 'risky', 'catch_all', 'disposable', 'unknown')),
  email_verified_at INTEGER,
  phone TEXT,
  linkedin_url TEXT,
  linkedin_norm TEXT,
  linkedin_alt_url TEXT,
  facebook_url TEXT,
  facebook_norm TEXT,
  facebook_alt_url TEXT,
  country TEXT,
  location TEXT,
  timezone TEXT,
  picture_url TEXT,
  company_id INTEGER REFERENCES companies (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
, lawful_basis TEXT CHECK (lawful_basis IS NULL OR length(lawful_basis) <= 1000)) STRICT;

-- table leads_fts on leads_fts
CREATE VIRTUAL TABLE leads_fts USING fts5(
  first_name, last_name, email, job_title, company_name,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- table leads_fts_config on leads_fts_config
CREATE TABLE 'leads_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table leads_fts_data on leads_fts_data
CREATE TABLE 'leads_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table leads_fts_docsize on leads_fts_docsize
CREATE TABLE 'leads_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table leads_fts_idx on leads_fts_idx
CREATE TABLE 'leads_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table login_codes on login_codes
CREATE TABLE login_codes (
  code_hash TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
) STRICT;

-- table merge_journal on merge_journal
CREATE TABLE merge_journal (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('lead', 'company', 'tag_link')),
  target_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'merge')),
  -- for a merge: the row folded into the target (soft-deleted by the merge, restored by undo)
  merged_id INTEGER,
  before TEXT CHECK (json_valid(before) AND json_type(before) = 'object'),
  after TEXT NOT NULL CHECK (json_valid(after) AND json_type(after) = 'object'),
  created_at INTEGER NOT NULL,
  undone_at INTEGER,
  CHECK ((action = 'insert') = (before IS NULL)),
  CHECK ((action = 'merge') = (merged_id IS NOT NULL))
) STRICT;

-- table outreach on outreach
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
  timeline_counted_at INTEGER, body_html TEXT, thread_references TEXT CHECK (json_valid(thread_references) AND json_type(thread_references) = 'array'), smtp_response TEXT CHECK (json_valid(smtp_response) AND json_type(smtp_response) = 'object'), inbox_detail TEXT CHECK (json_valid(inbox_detail) AND json_type(inbox_detail) = 'object'),
  CHECK ((direction = 'outgoing') = (approval IS NOT NULL)),
  CHECK ((direction = 'outgoing') = (idempotency_key IS NOT NULL)),
  CHECK ((direction = 'incoming') = (incoming_kind IS NOT NULL)),
  CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
  CHECK (lease_owner IS NULL OR status = 'running')
) STRICT;

-- table outreach_type_profile_types on outreach_type_profile_types
CREATE TABLE outreach_type_profile_types (
  outreach_type_id INTEGER NOT NULL REFERENCES outreach_types (id) ON DELETE CASCADE,
  profile_type_id INTEGER NOT NULL REFERENCES profile_types (id) ON DELETE CASCADE,
  PRIMARY KEY (outreach_type_id, profile_type_id)
) STRICT, WITHOUT ROWID;

-- table outreach_types on outreach_types
CREATE TABLE outreach_types (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  address_field TEXT CHECK (address_field IN ('email', 'linkedin', 'facebook')),
  quota_action TEXT,
  defaults TEXT NOT NULL CHECK (json_valid(defaults) AND json_type(defaults) = 'object'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- table profile_types on profile_types
CREATE TABLE profile_types (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE,
  channel_id INTEGER NOT NULL REFERENCES channels (id),
  name TEXT NOT NULL,
  access TEXT NOT NULL CHECK (access IN ('mta', 'api', 'rpa', 'basic')),
  defaults TEXT NOT NULL CHECK (json_valid(defaults) AND json_type(defaults) = 'object'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- table profiles on profiles
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_type_id INTEGER NOT NULL REFERENCES profile_types (id),
  name TEXT NOT NULL,
  identity TEXT,
  -- encrypted by the app before it is written; secrets never sit in plaintext columns
  credentials BLOB,
  settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings) AND json_type(settings) = 'object'),
  quotas TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(quotas) AND json_type(quotas) = 'object'),
  policy TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(policy) AND json_type(policy) = 'object'),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  state TEXT NOT NULL DEFAULT 'idle' CHECK (state IN ('idle', 'starting', 'online', 'working', 'stopping', 'paused', 'failed')),
  state_detail TEXT,
  pause_reason TEXT CHECK (pause_reason IN ('operator', 'captcha', 'login_wall', 'warning_page', 'auth_failed', 'failure_cap')),
  state_changed_at INTEGER,
  consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  inbox_mark TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(inbox_mark) AND json_type(inbox_mark) = 'object'),
  connection_mark TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(connection_mark) AND json_type(connection_mark) = 'object'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER, credential_fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(credential_fields) AND json_type(credential_fields) = 'array'),
  CHECK ((state = 'paused') = (pause_reason IS NOT NULL))
) STRICT;

-- table quota_uses on quota_uses
CREATE TABLE quota_uses (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  used_at INTEGER NOT NULL,
  work_kind TEXT CHECK (work_kind IN ('job', 'enrichment', 'outreach', 'inbox_check', 'connection_check')),
  work_id INTEGER, recipient_domain TEXT CHECK (recipient_domain IS NULL OR recipient_domain = lower(recipient_domain)),
  CHECK ((work_kind IS NULL) = (work_id IS NULL))
) STRICT;

-- table reminders on reminders
CREATE TABLE reminders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  due_at INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  done_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

-- table rule_completions on rule_completions
CREATE TABLE rule_completions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id INTEGER NOT NULL REFERENCES rules (id),
  rule_instance_id INTEGER NOT NULL UNIQUE REFERENCES rule_instances (id),
  completed_at INTEGER NOT NULL
) STRICT;

-- table rule_instances on rule_instances
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

-- table rules on rules
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
  deleted_at INTEGER, triggered_count INTEGER NOT NULL DEFAULT 0 CHECK (triggered_count >= 0),
  CHECK (trigger_source_id IS NULL OR trigger_kind IN ('event_created', 'lead_created', 'company_created')),
  CHECK ((trigger_kind = 'tag_added') = (trigger_tag_id IS NOT NULL)),
  CHECK ((trigger_kind = 'rule_performed') = (trigger_rule_id IS NOT NULL)),
  CHECK ((action_kind = 'outreach') = (outreach_type_id IS NOT NULL)),
  CHECK ((action_kind = 'enrichment') = (enrichment_type_id IS NOT NULL)),
  CHECK ((action_kind = 'enroll') = (sequence_id IS NOT NULL)),
  CHECK (action_kind NOT IN ('add_tag', 'remove_tag') OR tag_id IS NOT NULL)
) STRICT;

-- table schema_migrations on schema_migrations
CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT;

-- table search_queue on search_queue
CREATE TABLE search_queue (
  kind TEXT NOT NULL CHECK (kind IN ('lead', 'company')),
  id INTEGER NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'change')),
  PRIMARY KEY (kind, id)
) STRICT, WITHOUT ROWID;

-- table sequence_steps on sequence_steps
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

-- table sequence_variants on sequence_variants
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

-- table sequences on sequences
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

-- table sessions on sessions
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) STRICT;

-- table settings on settings
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL
) STRICT;

-- table source_type_profile_types on source_type_profile_types
CREATE TABLE source_type_profile_types (
  source_type_id INTEGER NOT NULL REFERENCES source_types (id) ON DELETE CASCADE,
  profile_type_id INTEGER NOT NULL REFERENCES profile_types (id) ON DELETE CASCADE,
  PRIMARY KEY (source_type_id, profile_type_id)
) STRICT, WITHOUT ROWID;

-- table source_types on source_types
CREATE TABLE source_types (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  url_pattern TEXT NOT NULL,
  paged INTEGER NOT NULL CHECK (paged IN (0, 1)),
  quota_action TEXT,
  defaults TEXT NOT NULL CHECK (json_valid(defaults) AND json_type(defaults) = 'object'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- table source_urls on source_urls
CREATE TABLE source_urls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  url_norm TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  next_run_at INTEGER NOT NULL,
  last_run_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

-- table sources on sources
CREATE TABLE sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source_type_id INTEGER NOT NULL REFERENCES source_types (id),
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  profile_id INTEGER REFERENCES profiles (id),
  cadence_seconds INTEGER NOT NULL CHECK (cadence_seconds > 0),
  -- most jobs (pages included) one run of one URL may create
  max_jobs INTEGER CHECK (max_jobs > 0),
  event_limit INTEGER CHECK (event_limit > 0),
  params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params) AND json_type(params) = 'object'),
  tag_id INTEGER REFERENCES tags (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

-- table suppressions on suppressions
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
, removed_note TEXT) STRICT;

-- table tag_links on tag_links
CREATE TABLE tag_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('lead', 'company', 'profile', 'source', 'outreach', 'enrichment')),
  target_id INTEGER NOT NULL,
  created_by_kind TEXT NOT NULL CHECK (created_by_kind IN ('import', 'rule', 'enrichment', 'person', 'scrape', 'api')),
  created_by_id INTEGER,
  created_at INTEGER NOT NULL,
  removed_by_kind TEXT CHECK (removed_by_kind IN ('import', 'rule', 'enrichment', 'person', 'scrape', 'api')),
  removed_by_id INTEGER,
  removed_at INTEGER,
  CHECK ((removed_at IS NULL) = (removed_by_kind IS NULL))
) STRICT;

-- table tags on tags
CREATE TABLE tags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

-- table timeline_buckets on timeline_buckets
CREATE TABLE timeline_buckets (
  dimension_kind TEXT NOT NULL CHECK (dimension_kind IN ('all', 'source', 'rule', 'sequence', 'profile')),
  -- 0 for the 'all' dimension
  dimension_id INTEGER NOT NULL,
  -- start of the hour, unix ms
  bucket_at INTEGER NOT NULL CHECK (bucket_at % 3600000 = 0),
  -- no CHECK list: a new metric must not need a table rebuild
  metric TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (dimension_kind, dimension_id, bucket_at, metric)
) STRICT, WITHOUT ROWID;

-- table timeline_resets on timeline_resets
CREATE TABLE timeline_resets (
  table_name TEXT PRIMARY KEY CHECK (table_name IN ('jobs', 'enrichments', 'outreach', 'tracking_events', 'rule_instances')),
  -- marks of rows with id <= cursor are cleared
  cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0)
) STRICT, WITHOUT ROWID;

-- table tracking_events on tracking_events
CREATE TABLE tracking_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tracking_link_id INTEGER NOT NULL REFERENCES tracking_links (id),
  occurred_at INTEGER NOT NULL,
  user_agent TEXT,
  timeline_counted_at INTEGER
) STRICT;

-- table tracking_links on tracking_links
CREATE TABLE tracking_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  outreach_id INTEGER NOT NULL REFERENCES outreach (id),
  token TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('open', 'click', 'unsubscribe')),
  url TEXT,
  created_at INTEGER NOT NULL,
  CHECK ((kind = 'click') = (url IS NOT NULL))
) STRICT;

-- table unknown_outcomes on unknown_outcomes
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

-- trigger companies_purge_links on companies
CREATE TRIGGER companies_purge_links AFTER DELETE ON companies BEGIN
  DELETE FROM tag_links WHERE target_kind = 'company' AND target_id = OLD.id;
  DELETE FROM custom_field_values WHERE target_kind = 'company' AND target_id = OLD.id;
  DELETE FROM field_provenance WHERE target_kind = 'company' AND target_id = OLD.id;
END;

-- trigger companies_search_delete on companies
CREATE TRIGGER companies_search_delete AFTER DELETE ON companies BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('company', OLD.id, 'change') ON CONFLICT DO NOTHING;
END;

-- trigger companies_search_insert on companies
CREATE TRIGGER companies_search_insert AFTER INSERT ON companies BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('company', NEW.id, 'insert') ON CONFLICT DO NOTHING;
END;

-- trigger companies_search_lead_names on companies
CREATE TRIGGER companies_search_lead_names AFTER UPDATE OF name ON companies WHEN OLD.name IS NOT NEW.name BEGIN
  INSERT INTO search_queue (kind, id, op) SELECT 'lead', id, 'change' FROM leads WHERE company_id = NEW.id ON CONFLICT DO NOTHING;
END;

-- trigger companies_search_update on companies
CREATE TRIGGER companies_search_update AFTER UPDATE OF name, domain, industry ON companies
  WHEN OLD.name IS NOT NEW.name OR OLD.domain IS NOT NEW.domain OR OLD.industry IS NOT NEW.industry
  BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('company', NEW.id, 'change') ON CONFLICT DO NOTHING;
END;

-- trigger enrichment_rule_completion on enrichments
CREATE TRIGGER enrichment_rule_completion AFTER UPDATE OF status ON enrichments
  WHEN NEW.status = 'performed' AND OLD.status <> 'performed' AND NEW.rule_instance_id IS NOT NULL
  BEGIN
  INSERT OR IGNORE INTO rule_completions (rule_id, rule_instance_id, completed_at)
  SELECT rule_id, id, NEW.updated_at FROM rule_instances WHERE id = NEW.rule_instance_id;
END;

-- trigger leads_purge_links on leads
CREATE TRIGGER leads_purge_links AFTER DELETE ON leads BEGIN
  DELETE FROM tag_links WHERE target_kind = 'lead' AND target_id = OLD.id;
  DELETE FROM custom_field_values WHERE target_kind = 'lead' AND target_id = OLD.id;
  DELETE FROM field_provenance WHERE target_kind = 'lead' AND target_id = OLD.id;
END;

-- trigger leads_search_delete on leads
CREATE TRIGGER leads_search_delete AFTER DELETE ON leads BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('lead', OLD.id, 'change') ON CONFLICT DO NOTHING;
END;

-- trigger leads_search_insert on leads
CREATE TRIGGER leads_search_insert AFTER INSERT ON leads BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('lead', NEW.id, 'insert') ON CONFLICT DO NOTHING;
END;

-- trigger leads_search_update on leads
CREATE TRIGGER leads_search_update AFTER UPDATE OF first_name, last_name, email, job_title, company_id ON leads
  WHEN OLD.first_name IS NOT NEW.first_name OR OLD.last_name IS NOT NEW.last_name OR OLD.email IS NOT NEW.email
  OR OLD.job_title IS NOT NEW.job_title OR OLD.company_id IS NOT NEW.company_id
  BEGIN
  INSERT INTO search_queue (kind, id, op) VALUES ('lead', NEW.id, 'change') ON CONFLICT DO NOTHING;
END;

-- trigger outreach_rule_completion on outreach
CREATE TRIGGER outreach_rule_completion AFTER UPDATE OF status ON outreach
  WHEN NEW.status = 'performed' AND OLD.status <> 'performed' AND NEW.rule_instance_id IS NOT NULL AND NEW.direction = 'outgoing'
  BEGIN
  INSERT OR IGNORE INTO rule_completions (rule_id, rule_instance_id, completed_at)
  SELECT rule_id, id, NEW.updated_at FROM rule_instances WHERE id = NEW.rule_instance_id;
END;
