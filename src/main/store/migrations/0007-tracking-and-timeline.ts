import type { Migration } from '../migration';

/** Tracking links and their hits, hourly timeline counters, and the per-profile quota log. */
export const migration0007: Migration = {
  version: 7,
  name: 'tracking-and-timeline',
  sql: `
CREATE TABLE tracking_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  outreach_id INTEGER NOT NULL REFERENCES outreach (id),
  token TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('open', 'click', 'unsubscribe')),
  url TEXT,
  created_at INTEGER NOT NULL,
  CHECK ((kind = 'click') = (url IS NOT NULL))
) STRICT;

CREATE INDEX tracking_links_outreach ON tracking_links (outreach_id);

CREATE TABLE tracking_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tracking_link_id INTEGER NOT NULL REFERENCES tracking_links (id),
  occurred_at INTEGER NOT NULL,
  user_agent TEXT,
  timeline_counted_at INTEGER
) STRICT;

CREATE INDEX tracking_events_link ON tracking_events (tracking_link_id, occurred_at);
CREATE INDEX tracking_events_uncounted ON tracking_events (occurred_at) WHERE timeline_counted_at IS NULL;

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

-- one row per counted action; a rolling window is a range count, the minimum gap is the latest row
CREATE TABLE quota_uses (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  used_at INTEGER NOT NULL,
  work_kind TEXT CHECK (work_kind IN ('job', 'enrichment', 'outreach', 'inbox_check', 'connection_check')),
  work_id INTEGER,
  CHECK ((work_kind IS NULL) = (work_id IS NULL))
) STRICT;

CREATE INDEX quota_uses_window ON quota_uses (profile_id, action, used_at);
`,
};
