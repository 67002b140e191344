import type { Database, Statement } from 'better-sqlite3';

/** Items of a profile that ended failed or aborted since a time. */
export interface FailureCount {
  readonly failed: number;
  readonly aborted: number;
}

const workTables = ['jobs', 'enrichments', 'outreach', 'inbox_checks', 'connection_checks'];

/** Counts a profile's failed and aborted work items across every kind of work. */
export class FailureCounts {
  private readonly count: Statement<{ profileId: number; since: number }, { status: string; n: number }>;

  constructor(sqlite: Database) {
    const parts = workTables.map(
      (table) => `SELECT status FROM ${table} WHERE profile_id = @profileId AND status IN ('failed', 'aborted') AND finished_at >= @since`,
    );
    this.count = sqlite.prepare(`SELECT status, COUNT(*) AS n FROM (${parts.join(' UNION ALL ')}) GROUP BY status`);
  }

  /** Failed and aborted items that finished at or after `since`. */
  since(profileId: number, since: number): FailureCount {
    let failed = 0;
    let aborted = 0;
    for (const row of this.count.all({ profileId, since })) {
      if (row.status === 'failed') failed = row.n;
      else aborted = row.n;
    }
    return { failed, aborted };
  }
}
