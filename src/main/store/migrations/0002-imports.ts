import type { Migration } from '../migration';

/** Imports with their staged rows, exports, and the merge journal that makes imports and merges undoable. */
export const migration0002: Migration = {
  version: 2,
  name: 'imports',
  sql: `
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

CREATE INDEX merge_journal_import ON merge_journal (import_id, target_kind, target_id) WHERE import_id IS NOT NULL;
CREATE INDEX merge_journal_target ON merge_journal (target_kind, target_id);
`,
};
