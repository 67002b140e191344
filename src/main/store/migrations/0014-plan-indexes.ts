import type { Migration } from '../migration';

/** Indexes the plan loop reads through: unassigned items, due source URLs, open jobs per URL and each profile's latest check. */
export const migration0014: Migration = {
  version: 14,
  name: 'plan-indexes',
  sql: `
CREATE INDEX outreach_unassigned ON outreach (id) WHERE status = 'pending' AND profile_id IS NULL;
CREATE INDEX enrichments_unassigned ON enrichments (id) WHERE status = 'pending' AND profile_id IS NULL;
CREATE INDEX jobs_unassigned ON jobs (id) WHERE status = 'pending' AND profile_id IS NULL;
CREATE INDEX jobs_open_per_url ON jobs (source_url_id) WHERE status IN ('pending', 'running');
CREATE INDEX source_urls_due ON source_urls (next_run_at) WHERE active = 1 AND deleted_at IS NULL;
CREATE INDEX inbox_checks_profile_latest ON inbox_checks (profile_id);
CREATE INDEX connection_checks_profile_latest ON connection_checks (profile_id);
`,
};
