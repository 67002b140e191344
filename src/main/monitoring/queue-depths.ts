import type { Database, Statement } from 'better-sqlite3';
import type { QueueDepth } from '../../shared/contract/schemas/monitoring';

// Each count walks an index that starts with status, so it never reads the rows themselves.
const COUNTS: readonly [QueueDepth['kind'], string][] = [
  ['job', 'SELECT status, count(*) AS count FROM jobs GROUP BY status'],
  ['enrichment', 'SELECT status, count(*) AS count FROM enrichments GROUP BY status'],
  // outgoing rows are the work (approval is set exactly on them); received rows are facts
  ['outreach', 'SELECT status, count(*) AS count FROM outreach WHERE approval IS NOT NULL GROUP BY status'],
  ['inbox_check', 'SELECT status, count(*) AS count FROM inbox_checks GROUP BY status'],
  ['connection_check', 'SELECT status, count(*) AS count FROM connection_checks GROUP BY status'],
  ['rule_instance', 'SELECT status, count(*) AS count FROM rule_instances GROUP BY status'],
];

/** Counts work items by kind and status. */
export class QueueDepths {
  private readonly statements: [QueueDepth['kind'], Statement<[], { status: string; count: number }>][];

  constructor(sqlite: Database) {
    this.statements = COUNTS.map(([kind, sql]) => [kind, sqlite.prepare(sql)]);
  }

  /** Every (kind, status) with at least one item. */
  read(): QueueDepth[] {
    return this.statements.flatMap(([kind, statement]) => statement.all().map((row) => ({ kind, status: row.status, count: row.count })));
  }
}
