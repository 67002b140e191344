import type { Database, Statement } from 'better-sqlite3';
import type { TimelineMetric } from '../../shared/contract/schemas/timeline';

/** The outreach outcomes /metrics exports as counters. */
export const outreachTotalMetrics: readonly TimelineMetric[] = ['outreach_performed', 'replied', 'auto_replied', 'bounced', 'unsubscribed', 'accepted'];

/** Totals of sends, replies, bounces... since the first row, read from the timeline (so they lag it by one fold). */
export class OutreachTotals {
  private readonly statement: Statement<[string], { metric: string; total: number }>;

  constructor(sqlite: Database) {
    this.statement = sqlite.prepare(
      `SELECT metric, sum(value) AS total FROM timeline_buckets
       WHERE dimension_kind = 'all' AND dimension_id = 0 AND metric IN (SELECT value FROM json_each(?)) GROUP BY metric`,
    );
  }

  /** Each metric's total (0 when nothing was counted). */
  read(): Map<string, number> {
    const totals = new Map(outreachTotalMetrics.map((m) => [m as string, 0]));
    for (const row of this.statement.all(JSON.stringify(outreachTotalMetrics))) totals.set(row.metric, row.total);
    return totals;
  }
}
