import type { Migration } from '../migration';

/** Bulk operations over the leads matching a filter, and the leads each one changed (so it can be undone). */
export const migration0011: Migration = {
  version: 11,
  name: 'bulk-operations',
  sql: `
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

CREATE INDEX bulk_operations_open ON bulk_operations (id) WHERE status IN ('pending', 'running');

-- What an operation changed, for undo: the tag link it created or removed, or the lead it soft-deleted
-- (with the deleted_at it set, so undo never revives a lead deleted again by something else).
CREATE TABLE bulk_operation_items (
  operation_id INTEGER NOT NULL REFERENCES bulk_operations (id) ON DELETE CASCADE,
  lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  tag_link_id INTEGER,
  deleted_at INTEGER,
  PRIMARY KEY (operation_id, lead_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX bulk_operation_items_lead ON bulk_operation_items (lead_id);
`,
};
