import type { Database, Statement } from 'better-sqlite3';

const DUE = `u.active = 1 AND u.deleted_at IS NULL AND u.next_run_at <= :now AND s.active = 1 AND s.deleted_at IS NULL`;

/**
 * Creates the first-page job of every active source URL that is due (child pages come from the job's result), on the
 * source's own profile when it has a live one (else unassigned, for the assigner), and moves the URL's next run on by
 * whole cadences so a long pause creates one job, not one per missed run.
 */
export class JobCreator {
  private readonly insert: Statement<{ now: number }>;
  private readonly advance: Statement<{ now: number }>;

  constructor(sqlite: Database) {
    this.insert = sqlite.prepare(`
      INSERT INTO jobs (source_id, source_url_id, page, url, profile_id, due_at, created_at, updated_at)
      SELECT s.id, u.id, 1, u.url, sp.id, :now, :now, :now
      FROM source_urls u JOIN sources s ON s.id = u.source_id
      LEFT JOIN profiles sp ON sp.id = s.profile_id AND sp.deleted_at IS NULL
      WHERE ${DUE} AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.source_url_id = u.id AND j.status IN ('pending', 'running'))`);
    // :now is bound as REAL; the number of whole cadences is cast so the division does not keep a fraction
    this.advance = sqlite.prepare(`
      UPDATE source_urls AS u
      SET next_run_at = u.next_run_at + s.cadence_seconds * 1000 * (CAST((:now - u.next_run_at) / (s.cadence_seconds * 1000) AS INTEGER) + 1),
        updated_at = :now
      FROM sources s WHERE s.id = u.source_id AND ${DUE}`);
  }

  /** Creates due jobs and advances their URLs; returns how many jobs were created. Run inside a transaction. */
  create(now: number): number {
    const created = this.insert.run({ now }).changes;
    this.advance.run({ now });
    return created;
  }
}
