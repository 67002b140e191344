import type { Migration } from '../migration';

/** Sources and their URLs, scrape jobs (pages are child jobs) and the events they find, stored once per normalised URL. */
export const migration0004: Migration = {
  version: 4,
  name: 'sources-jobs-events',
  sql: `
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

CREATE UNIQUE INDEX source_urls_norm_live ON source_urls (source_id, url_norm) WHERE deleted_at IS NULL;

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

CREATE INDEX jobs_status_due ON jobs (status, due_at);
CREATE INDEX jobs_profile_status_due ON jobs (profile_id, status, due_at);
CREATE INDEX jobs_lease ON jobs (lease_expires_at) WHERE lease_expires_at IS NOT NULL;
CREATE INDEX jobs_uncounted ON jobs (finished_at) WHERE timeline_counted_at IS NULL;
CREATE INDEX jobs_source ON jobs (source_id, id);
CREATE INDEX jobs_parent ON jobs (parent_job_id) WHERE parent_job_id IS NOT NULL;

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

CREATE INDEX events_source ON events (source_id, id);
CREATE INDEX events_lead ON events (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX events_company ON events (company_id) WHERE company_id IS NOT NULL;

CREATE TABLE job_events (
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (job_id, event_id)
) STRICT, WITHOUT ROWID;
`,
};
