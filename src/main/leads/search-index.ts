import type { Database, Statement } from 'better-sqlite3';

interface IndexStatements {
  readonly changed: Statement<[string], { id: number }>;
  readonly remove: Statement<[number]>;
  readonly add: Statement<[]>;
  readonly clear: Statement<[string]>;
  readonly pending: Statement<[], { n: number }>;
}

const ADD = {
  lead: `INSERT INTO leads_fts (rowid, first_name, last_name, email, job_title, company_name)
    SELECT l.id, l.first_name, l.last_name, l.email, l.job_title, c.name
    FROM search_queue q JOIN leads l ON l.id = q.id LEFT JOIN companies c ON c.id = l.company_id WHERE q.kind = 'lead'`,
  company: `INSERT INTO companies_fts (rowid, name, domain, industry)
    SELECT c.id, c.name, c.domain, c.industry FROM search_queue q JOIN companies c ON c.id = q.id WHERE q.kind = 'company'`,
} as const;

const prepared = new WeakMap<Database, Map<keyof typeof ADD, IndexStatements>>();

function statementsFor(sqlite: Database): Map<keyof typeof ADD, IndexStatements> {
  let byKind = prepared.get(sqlite);
  if (!byKind) {
    const pending = sqlite.prepare<[], { n: number }>('SELECT EXISTS (SELECT 1 FROM search_queue) AS n');
    const changed = sqlite.prepare<[string], { id: number }>("SELECT id FROM search_queue WHERE kind = ? AND op = 'change'");
    const clear = sqlite.prepare<[string]>('DELETE FROM search_queue WHERE kind = ?');
    byKind = new Map(
      (['lead', 'company'] as const).map((kind) => [
        kind,
        { pending, changed, clear, add: sqlite.prepare(ADD[kind]), remove: sqlite.prepare(`DELETE FROM ${kind === 'lead' ? 'leads_fts' : 'companies_fts'} WHERE rowid = ?`) },
      ]),
    );
    prepared.set(sqlite, byKind);
  }
  return byKind;
}

/**
 * Folds the rows the search triggers queued into the full-text indexes. Writers call it once per batch;
 * every search calls it first, so a search never misses a change however it was written.
 */
export function flushSearchIndex(sqlite: Database): void {
  const byKind = statementsFor(sqlite);
  if (byKind.get('lead')?.pending.get()?.n !== 1) return;
  sqlite.transaction(() => {
    for (const [kind, s] of byKind) {
      for (const { id } of s.changed.all(kind)) s.remove.run(id);
      s.add.run();
      s.clear.run(kind);
    }
  })();
}
