import type { Database, Statement } from 'better-sqlite3';

interface IndexStatements {
  /** Ids whose index entry exists and is stale (new rows have none to remove). */
  readonly changed: Statement<[], { id: number }>;
  readonly remove: Statement<[number]>;
  readonly add: Statement<[]>;
  readonly clear: Statement<[]>;
}

interface FlushStatements {
  readonly pending: Statement<[], { n: number }>;
  readonly indexes: readonly IndexStatements[];
}

const INDEXES = [
  {
    kind: 'lead',
    fts: 'leads_fts',
    add: `INSERT INTO leads_fts (rowid, first_name, last_name, email, job_title, company_name)
      SELECT l.id, l.first_name, l.last_name, l.email, l.job_title, c.name
      FROM search_queue q JOIN leads l ON l.id = q.id LEFT JOIN companies c ON c.id = l.company_id WHERE q.kind = 'lead'`,
  },
  {
    kind: 'company',
    fts: 'companies_fts',
    add: `INSERT INTO companies_fts (rowid, name, domain, industry)
      SELECT c.id, c.name, c.domain, c.industry FROM search_queue q JOIN companies c ON c.id = q.id WHERE q.kind = 'company'`,
  },
] as const;

const prepared = new WeakMap<Database, FlushStatements>();

function statementsFor(sqlite: Database): FlushStatements {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = {
      pending: sqlite.prepare('SELECT EXISTS (SELECT 1 FROM search_queue) AS n'),
      indexes: INDEXES.map(({ kind, fts, add }) => ({
        changed: sqlite.prepare(`SELECT id FROM search_queue WHERE kind = '${kind}' AND op = 'change'`),
        remove: sqlite.prepare(`DELETE FROM ${fts} WHERE rowid = ?`),
        add: sqlite.prepare(add),
        clear: sqlite.prepare(`DELETE FROM search_queue WHERE kind = '${kind}'`),
      })),
    };
    prepared.set(sqlite, statements);
  }
  return statements;
}

/**
 * Folds the rows the search triggers queued into the full-text indexes. Writers call it once per batch;
 * every search calls it first, so a search never misses a change however it was written.
 */
export function flushSearchIndex(sqlite: Database): void {
  const { pending, indexes } = statementsFor(sqlite);
  if (pending.get()?.n !== 1) return;
  sqlite.transaction(() => {
    for (const index of indexes) {
      for (const { id } of index.changed.all()) index.remove.run(id);
      index.add.run();
      index.clear.run();
    }
  })();
}
