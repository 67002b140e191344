import type { Database, Statement } from 'better-sqlite3';

/** The job an outcome is applied to, with its source's limits and tag. */
export interface JobSourceRow {
  id: number;
  source_id: number;
  source_url_id: number;
  page: number;
  profile_id: number | null;
  max_jobs: number | null;
  event_limit: number | null;
  tag_id: number | null;
  params: string;
  type_defaults: string;
  source_live: number;
  status: 'pending' | 'running' | 'performed' | 'failed' | 'aborted' | 'canceled';
}

/** Prepared statements of the job hooks, prepared once: they run inside every claim and finish of a scrape job. */
export class JobStatements {
  readonly job: Statement<[number], JobSourceRow>;
  readonly eventByKey: Statement<[string], { id: number }>;
  readonly insertEvent: Statement<unknown[]>;
  readonly sawEvent: Statement<[number, number, number]>;
  readonly maxCompanyId: Statement<[], { id: number | null }>;
  readonly tagLead: Statement<[number, number, number, number]>;
  readonly counters: Statement<[number, number, number, number, number]>;
  readonly childJob: Statement<[number, number, number, number, string, number | null, number, number, number]>;
  readonly ranUrl: Statement<[number, number, number]>;

  constructor(sqlite: Database) {
    this.job = sqlite.prepare(`SELECT j.id, j.source_id, j.source_url_id, j.page, j.profile_id, s.max_jobs, s.event_limit, s.tag_id, s.params,
        t.defaults AS type_defaults, (s.active = 1 AND s.deleted_at IS NULL) AS source_live, j.status
      FROM jobs j JOIN sources s ON s.id = j.source_id JOIN source_types t ON t.id = s.source_type_id WHERE j.id = ?`);
    this.eventByKey = sqlite.prepare('SELECT id FROM events WHERE url_norm = ?');
    this.insertEvent = sqlite.prepare(`INSERT INTO events (url, url_norm, kind, source_id, job_id, title, text, published_at, descriptor, lead_id, company_id,
        lead_created, company_created, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.sawEvent = sqlite.prepare('INSERT INTO job_events (job_id, event_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    this.maxCompanyId = sqlite.prepare('SELECT max(id) AS id FROM companies');
    this.tagLead = sqlite.prepare(`INSERT INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_by_id, created_at)
      VALUES (?, 'lead', ?, 'scrape', ?, ?) ON CONFLICT DO NOTHING`);
    this.counters = sqlite.prepare('UPDATE jobs SET events_seen = ?, events_new = ?, leads_new = ?, companies_new = ? WHERE id = ?');
    this.childJob = sqlite.prepare(`INSERT INTO jobs (source_id, source_url_id, parent_job_id, page, url, profile_id, due_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.ranUrl = sqlite.prepare('UPDATE source_urls SET last_run_at = ?, updated_at = ? WHERE id = ?');
  }
}
