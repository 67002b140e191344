import type { Migration } from '../migration';

/**
 * Timeline bookkeeping: a rebuild in progress (one row per table whose counted marks are still being cleared, so a
 * restart resumes it), and the index that finds received outreach rows (replies, acceptances) not yet counted.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'timeline-rebuild',
  sql: `
CREATE TABLE timeline_resets (
  table_name TEXT PRIMARY KEY CHECK (table_name IN ('jobs', 'enrichments', 'outreach', 'tracking_events', 'rule_instances')),
  -- marks of rows with id <= cursor are cleared
  cursor INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0)
) STRICT, WITHOUT ROWID;

-- received rows are facts, counted as soon as they exist; outgoing rows wait until they finish (outreach_uncounted)
CREATE INDEX outreach_uncounted_received ON outreach (id) WHERE timeline_counted_at IS NULL AND direction <> 'outgoing';
`,
};
