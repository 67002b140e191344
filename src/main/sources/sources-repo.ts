import type { Database, Statement } from 'better-sqlite3';
import type { ScrapeParams, Source, SourceType } from '../../shared/contract/schemas/sources';
import { toIso, toIsoOrNull } from '../../shared/iso-time';
import type { SitePacks } from '../browser/site-packs';

interface SourceRow {
  id: number;
  name: string;
  type_code: string;
  active: number;
  profile_id: number | null;
  cadence_seconds: number;
  max_jobs: number | null;
  event_limit: number | null;
  params: string;
  tag_id: number | null;
  tag_name: string | null;
  tag_color: string | null;
  jobs: number;
  events: number;
  last_job_at: number | null;
  created_at: number;
  updated_at: number;
}

interface UrlRow {
  id: number;
  url: string;
  url_norm: string;
  active: number;
  next_run_at: number;
  last_run_at: number | null;
}

interface TypeRow {
  id: number;
  code: string;
  name: string;
  url_pattern: string;
  paged: number;
  defaults: string;
  profile_types: string | null;
}

/** A source's own columns as create and update write them. */
export interface SourceFields {
  readonly name: string;
  readonly active: boolean;
  readonly profileId: number | null;
  readonly cadenceSeconds: number;
  readonly maxJobs: number | null;
  readonly eventLimit: number | null;
  readonly params: ScrapeParams;
  readonly tagId: number | null;
}

const SELECT = `SELECT s.id, s.name, t.code AS type_code, s.active, s.profile_id, s.cadence_seconds, s.max_jobs, s.event_limit, s.params,
    s.tag_id, g.name AS tag_name, g.color AS tag_color,
    (SELECT count(*) FROM jobs j WHERE j.source_id = s.id) AS jobs,
    (SELECT count(*) FROM events e WHERE e.source_id = s.id) AS events,
    (SELECT max(j.created_at) FROM jobs j WHERE j.source_id = s.id) AS last_job_at,
    s.created_at, s.updated_at
  FROM sources s JOIN source_types t ON t.id = s.source_type_id LEFT JOIN tags g ON g.id = s.tag_id AND g.deleted_at IS NULL
  WHERE s.deleted_at IS NULL`;

/** The type's defaults as numbers (cadence, limits, scrolling). */
export function typeDefaults(defaults: string): SourceType['defaults'] {
  const d = JSON.parse(defaults) as Record<string, number | undefined>;
  return {
    cadenceSeconds: d.cadenceSeconds ?? 86_400,
    maxJobs: d.maxJobs ?? 1,
    eventLimit: d.eventLimit ?? 100,
    scrolls: d.scrolls,
    scrollDelaySeconds: d.scrollDelaySeconds,
    pageDelaySeconds: d.pageDelaySeconds,
  };
}

/** Sources, their URLs and the catalogue's source types, read and written synchronously. */
export class SourcesRepo {
  private readonly one: Statement<[number], SourceRow>;
  private readonly all: Statement<[], SourceRow>;
  private readonly urlsOf: Statement<[number], UrlRow>;
  private readonly types: Statement<[], TypeRow>;
  private readonly insert: Statement<unknown[]>;
  private readonly edit: Statement<unknown[]>;
  private readonly insertUrl: Statement<[number, string, string, number, number, number]>;
  private readonly dropUrl: Statement<[number, number, number]>;
  private readonly remove: Statement<[number, number, number]>;
  private readonly cancelJobs: Statement<[number, number]>;
  private readonly tagExists: Statement<[number], { id: number }>;
  private readonly profileFits: Statement<[number, string], { id: number }>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
    private readonly packs: SitePacks,
  ) {
    this.one = sqlite.prepare(`${SELECT} AND s.id = ?`);
    this.all = sqlite.prepare(`${SELECT} ORDER BY s.id`);
    this.urlsOf = sqlite.prepare('SELECT id, url, url_norm, active, next_run_at, last_run_at FROM source_urls WHERE source_id = ? AND deleted_at IS NULL ORDER BY id');
    this.types = sqlite.prepare(`SELECT t.id, t.code, t.name, t.url_pattern, t.paged, t.defaults,
        (SELECT json_group_array(p.code) FROM source_type_profile_types x JOIN profile_types p ON p.id = x.profile_type_id WHERE x.source_type_id = t.id) AS profile_types
      FROM source_types t ORDER BY t.id`);
    this.insert = sqlite.prepare(`INSERT INTO sources (source_type_id, name, active, profile_id, cadence_seconds, max_jobs, event_limit, params, tag_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.edit = sqlite.prepare(`UPDATE sources SET name = ?, active = ?, profile_id = ?, cadence_seconds = ?, max_jobs = ?, event_limit = ?, params = ?, tag_id = ?,
      updated_at = ? WHERE id = ?`);
    this.insertUrl = sqlite.prepare('INSERT INTO source_urls (source_id, url, url_norm, next_run_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.dropUrl = sqlite.prepare('UPDATE source_urls SET deleted_at = ?, active = 0, updated_at = ? WHERE id = ?');
    this.remove = sqlite.prepare('UPDATE sources SET deleted_at = ?, active = 0, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
    this.cancelJobs = sqlite.prepare("UPDATE jobs SET status = 'canceled', updated_at = ? WHERE source_id = ? AND status = 'pending'");
    this.tagExists = sqlite.prepare('SELECT id FROM tags WHERE id = ? AND deleted_at IS NULL');
    this.profileFits = sqlite.prepare(`SELECT p.id FROM profiles p JOIN source_type_profile_types x ON x.profile_type_id = p.profile_type_id
      JOIN source_types t ON t.id = x.source_type_id WHERE p.id = ? AND t.code = ? AND p.deleted_at IS NULL`);
  }

  /** Every source type, its URL pattern taken from the site pack that knows it (else the catalogue's). */
  listTypes(): (SourceType & { id: number })[] {
    return this.types.all().map((t) => {
      const packed = this.packs.forSourceType(t.code);
      return {
        id: t.id,
        code: t.code,
        name: t.name,
        urlPattern: packed?.urlPattern ?? t.url_pattern,
        paged: t.paged === 1,
        profileTypes: t.profile_types ? (JSON.parse(t.profile_types) as string[]) : [],
        defaults: typeDefaults(t.defaults),
        pack: packed ? { site: packed.pack.site, version: packed.pack.version } : null,
      };
    });
  }

  /** One live source, or undefined. */
  get(id: number): Source | undefined {
    const row = this.one.get(id);
    return row && this.toSource(row);
  }

  /** Every live source by id. */
  list(): Source[] {
    return this.all.all().map((row) => this.toSource(row));
  }

  /** True when a live tag has this id. */
  hasTag(tagId: number): boolean {
    return this.tagExists.get(tagId) !== undefined;
  }

  /** True when the profile is live and its type can run this source type. */
  profileCanRun(profileId: number, typeCode: string): boolean {
    return this.profileFits.get(profileId, typeCode) !== undefined;
  }

  /** Adds a source with its URLs, each due now; returns its id. */
  create(typeId: number, fields: SourceFields, urls: readonly { url: string; norm: string }[]): number {
    return this.sqlite.transaction(() => {
      const now = this.now();
      const id = Number(this.insert.run(typeId, ...this.columns(fields), now, now).lastInsertRowid);
      for (const u of urls) this.insertUrl.run(id, u.url, u.norm, now, now, now);
      return id;
    })();
  }

  /** Writes a source's fields; given URLs replace the list, URLs kept (same normalised form) keep their schedule. */
  update(id: number, fields: SourceFields, urls: readonly { url: string; norm: string }[] | undefined): void {
    this.sqlite.transaction(() => {
      const now = this.now();
      this.edit.run(...this.columns(fields), now, id);
      if (!urls) return;
      const existing = this.urlsOf.all(id);
      const wanted = new Set(urls.map((u) => u.norm));
      for (const u of existing) if (!wanted.has(u.url_norm)) this.dropUrl.run(now, now, u.id);
      const kept = new Set(existing.map((u) => u.url_norm));
      for (const u of urls) if (!kept.has(u.norm)) this.insertUrl.run(id, u.url, u.norm, now, now, now);
    })();
  }

  /** Soft-deletes a source and cancels its pending jobs; false when it was already gone. */
  delete(id: number): boolean {
    return this.sqlite.transaction(() => {
      const now = this.now();
      if (this.remove.run(now, now, id).changes === 0) return false;
      this.cancelJobs.run(now, id);
      return true;
    })();
  }

  private columns(f: SourceFields): unknown[] {
    return [f.name, Number(f.active), f.profileId, f.cadenceSeconds, f.maxJobs, f.eventLimit, JSON.stringify(f.params), f.tagId];
  }

  private toSource(row: SourceRow): Source {
    return {
      id: row.id,
      name: row.name,
      typeCode: row.type_code,
      active: row.active === 1,
      profileId: row.profile_id,
      cadenceSeconds: row.cadence_seconds,
      maxJobs: row.max_jobs,
      eventLimit: row.event_limit,
      params: JSON.parse(row.params) as ScrapeParams,
      tag: row.tag_id !== null && row.tag_name !== null && row.tag_color !== null ? { id: row.tag_id, name: row.tag_name, color: row.tag_color } : null,
      urls: this.urlsOf.all(row.id).map((u) => ({ id: u.id, url: u.url, active: u.active === 1, nextRunAt: toIso(u.next_run_at), lastRunAt: toIsoOrNull(u.last_run_at) })),
      jobs: row.jobs,
      events: row.events,
      lastJobAt: toIsoOrNull(row.last_job_at),
      createdAt: toIso(row.created_at),
      updatedAt: toIso(row.updated_at),
    };
  }
}
