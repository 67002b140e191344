import type { Database, Statement } from 'better-sqlite3';
import type { Job, JobDetail } from '../../shared/contract/schemas/sources';
import { toIso, toIsoOrNull } from '../../shared/iso-time';
import { snapshotLinks } from './snapshot-links';

interface JobRow {
  id: number;
  source_id: number;
  source_name: string;
  parent_job_id: number | null;
  page: number;
  url: string;
  profile_id: number | null;
  status: Job['status'];
  attempts: number;
  error_kind: Job['errorKind'];
  error_text: string | null;
  error_snapshot: string | null;
  events_seen: number;
  events_new: number;
  leads_new: number;
  companies_new: number;
  due_at: number;
  started_at: number | null;
  finished_at: number | null;
  created_at: number;
}

interface EventRow {
  id: number;
  url: string;
  kind: JobDetail['events'][number]['kind'];
  title: string | null;
  text: string | null;
  published_at: number | null;
  lead_id: number | null;
  company_id: number | null;
  job_id: number;
}

const SELECT = `SELECT j.id, j.source_id, s.name AS source_name, j.parent_job_id, j.page, j.url, j.profile_id, j.status, j.attempts, j.error_kind, j.error_text,
  j.error_snapshot, j.events_seen, j.events_new, j.leads_new, j.companies_new, j.due_at, j.started_at, j.finished_at, j.created_at
  FROM jobs j JOIN sources s ON s.id = j.source_id`;

const toJob = (r: JobRow): Job => ({
  id: r.id,
  sourceId: r.source_id,
  sourceName: r.source_name,
  parentJobId: r.parent_job_id,
  page: r.page,
  url: r.url,
  profileId: r.profile_id,
  status: r.status,
  attempts: r.attempts,
  errorKind: r.error_kind,
  errorText: r.error_text,
  snapshot: snapshotLinks(r.error_snapshot),
  eventsSeen: r.events_seen,
  eventsNew: r.events_new,
  leadsNew: r.leads_new,
  companiesNew: r.companies_new,
  dueAt: toIso(r.due_at),
  startedAt: toIsoOrNull(r.started_at),
  finishedAt: toIsoOrNull(r.finished_at),
  createdAt: toIso(r.created_at),
});

/** Filters of the jobs list. */
export interface JobFilter {
  readonly sourceId?: number | undefined;
  readonly profileId?: number | undefined;
  readonly status?: Job['status'] | undefined;
  readonly beforeId?: number | undefined;
  readonly limit: number;
}

/** Reads of scrape jobs for the Jobs screen: newest first by id, and one job with its events. */
export class JobsRepo {
  private readonly page: Statement<Record<string, unknown>, JobRow>;
  private readonly one: Statement<[number], JobRow>;
  private readonly events: Statement<[number], EventRow>;

  constructor(sqlite: Database) {
    this.page = sqlite.prepare(`${SELECT}
      WHERE (@sourceId IS NULL OR j.source_id = @sourceId) AND (@profileId IS NULL OR j.profile_id = @profileId)
        AND (@status IS NULL OR j.status = @status) AND (@beforeId IS NULL OR j.id < @beforeId)
      ORDER BY j.id DESC LIMIT @limit`);
    this.one = sqlite.prepare(`${SELECT} WHERE j.id = ?`);
    this.events = sqlite.prepare(`SELECT e.id, e.url, e.kind, e.title, e.text, e.published_at, e.lead_id, e.company_id, e.job_id
      FROM job_events x JOIN events e ON e.id = x.event_id WHERE x.job_id = ? ORDER BY e.id LIMIT 1000`);
  }

  /** A page of jobs and the cursor of the next one (null on the last page). */
  list(filter: JobFilter): { items: Job[]; nextBeforeId: number | null } {
    const rows = this.page.all({
      sourceId: filter.sourceId ?? null,
      profileId: filter.profileId ?? null,
      status: filter.status ?? null,
      beforeId: filter.beforeId ?? null,
      limit: filter.limit + 1,
    });
    const more = rows.length > filter.limit;
    const items = rows.slice(0, filter.limit).map(toJob);
    return { items, nextBeforeId: more ? (items.at(-1)?.id ?? null) : null };
  }

  /** One job with the events it saw (at most 1,000), or undefined. */
  get(id: number): JobDetail | undefined {
    const row = this.one.get(id);
    if (!row) return undefined;
    const events = this.events.all(id).map((e) => ({
      id: e.id,
      url: e.url,
      kind: e.kind,
      title: e.title,
      text: e.text,
      publishedAt: toIsoOrNull(e.published_at),
      leadId: e.lead_id,
      companyId: e.company_id,
      isNew: e.job_id === id,
    }));
    return { ...toJob(row), events };
  }
}
