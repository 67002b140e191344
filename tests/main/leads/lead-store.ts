import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { UpsertEngine } from '../../../src/main/leads/upsert-engine';
import { openStore } from '../../../src/main/store/store';
import { tempDir } from '../../helpers/temp-dir';

/** A migrated temp-file store with an upsert engine on a manual clock, and small row readers. */
export function leadStore() {
  const store = openStore(join(tempDir(), 'outpost.db'));
  onTestFinished(() => store.close());
  const sqlite = store.sqlite;
  let clock = 1_000;
  const now = () => clock;
  return {
    sqlite,
    now,
    engine: new UpsertEngine(sqlite, now),
    tick: () => (clock += 1_000),
    lead: (id: number) => sqlite.prepare('SELECT * FROM leads WHERE id = ?').get(id) as Record<string, unknown> | undefined,
    rows: (table: string) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all() as Record<string, unknown>[],
    count: (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    /** A pending import row, so journal entries can reference it. */
    addImport: () =>
      Number(
        sqlite
          .prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, created_at, updated_at) VALUES ('file', 'a.csv', '/a.csv', 1, '{}', '[]', ?, ?)")
          .run(clock, clock).lastInsertRowid,
      ),
  };
}
