import type { Migration } from '../migration';

/** Leads, companies, tags, custom fields, field provenance and reminders. */
export const migration0001: Migration = {
  version: 1,
  name: 'leads-and-companies',
  sql: `
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

CREATE UNIQUE INDEX companies_domain_live ON companies (domain) WHERE domain IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX companies_linkedin_live ON companies (linkedin_norm) WHERE linkedin_norm IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX companies_facebook_live ON companies (facebook_norm) WHERE facebook_norm IS NOT NULL AND deleted_at IS NULL;

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
) STRICT;

CREATE UNIQUE INDEX leads_email_live ON leads (email_norm) WHERE email_norm IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX leads_linkedin_live ON leads (linkedin_norm) WHERE linkedin_norm IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX leads_facebook_live ON leads (facebook_norm) WHERE facebook_norm IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX leads_created_live ON leads (created_at) WHERE deleted_at IS NULL;
CREATE INDEX leads_company ON leads (company_id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
) STRICT;

CREATE UNIQUE INDEX tags_name_live ON tags (name COLLATE NOCASE) WHERE deleted_at IS NULL;

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

CREATE UNIQUE INDEX tag_links_live ON tag_links (tag_id, target_kind, target_id) WHERE removed_at IS NULL;
CREATE INDEX tag_links_target ON tag_links (target_kind, target_id);

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

CREATE UNIQUE INDEX custom_fields_name_live ON custom_fields (target_kind, name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE custom_field_values (
  target_kind TEXT NOT NULL CHECK (target_kind IN ('lead', 'company')),
  target_id INTEGER NOT NULL,
  field_id INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
  -- ANY keeps the value's own type (integer, real, text) under STRICT
  value ANY NOT NULL,
  PRIMARY KEY (target_kind, target_id, field_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE field_provenance (
  target_kind TEXT NOT NULL CHECK (target_kind IN ('lead', 'company')),
  target_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('import', 'rule', 'enrichment', 'person', 'scrape', 'api')),
  source_id INTEGER,
  set_at INTEGER NOT NULL,
  PRIMARY KEY (target_kind, target_id, field)
) STRICT, WITHOUT ROWID;

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

CREATE INDEX reminders_lead ON reminders (lead_id);
CREATE INDEX reminders_open_due ON reminders (due_at) WHERE done_at IS NULL AND deleted_at IS NULL;

-- Tag links, custom values and provenance point at leads and companies without a foreign key
-- (they are polymorphic), so removing a row (undo of an import) removes them here.
CREATE TRIGGER leads_purge_links AFTER DELETE ON leads BEGIN
  DELETE FROM tag_links WHERE target_kind = 'lead' AND target_id = OLD.id;
  DELETE FROM custom_field_values WHERE target_kind = 'lead' AND target_id = OLD.id;
  DELETE FROM field_provenance WHERE target_kind = 'lead' AND target_id = OLD.id;
END;

CREATE TRIGGER companies_purge_links AFTER DELETE ON companies BEGIN
  DELETE FROM tag_links WHERE target_kind = 'company' AND target_id = OLD.id;
  DELETE FROM custom_field_values WHERE target_kind = 'company' AND target_id = OLD.id;
  DELETE FROM field_provenance WHERE target_kind = 'company' AND target_id = OLD.id;
END;
`,
};
