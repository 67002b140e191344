import type { Migration } from '../migration';

/** The channel catalogue (channels, profile types, source/enrichment/outreach types and who performs them) and profiles. */
export const migration0003: Migration = {
  version: 3,
  name: 'channels-and-profiles',
  sql: `
CREATE TABLE channels (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

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

CREATE TABLE source_type_profile_types (
  source_type_id INTEGER NOT NULL REFERENCES source_types (id) ON DELETE CASCADE,
  profile_type_id INTEGER NOT NULL REFERENCES profile_types (id) ON DELETE CASCADE,
  PRIMARY KEY (source_type_id, profile_type_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE enrichment_type_profile_types (
  enrichment_type_id INTEGER NOT NULL REFERENCES enrichment_types (id) ON DELETE CASCADE,
  profile_type_id INTEGER NOT NULL REFERENCES profile_types (id) ON DELETE CASCADE,
  PRIMARY KEY (enrichment_type_id, profile_type_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE outreach_type_profile_types (
  outreach_type_id INTEGER NOT NULL REFERENCES outreach_types (id) ON DELETE CASCADE,
  profile_type_id INTEGER NOT NULL REFERENCES profile_types (id) ON DELETE CASCADE,
  PRIMARY KEY (outreach_type_id, profile_type_id)
) STRICT, WITHOUT ROWID;

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
  deleted_at INTEGER,
  CHECK ((state = 'paused') = (pause_reason IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX profiles_identity_live ON profiles (profile_type_id, identity) WHERE identity IS NOT NULL AND deleted_at IS NULL;
`,
};
