import type { Database, Statement, Transaction } from 'better-sqlite3';

/** One record read from an import file; `reason` set means it is staged as rejected. */
export interface StagedRow {
  readonly line: number;
  readonly cells: readonly string[];
  readonly reason: string | null;
}

/** Rows a batch actually added (a line staged before a crash is not counted twice). */
export interface StagedCounts {
  readonly staged: number;
  readonly rejected: number;
}

/** A batch of rows with the file bytes read so far. */
export interface StageBatch {
  readonly importId: number;
  readonly rows: readonly StagedRow[];
  readonly bytesRead: number;
  readonly now: number;
}

type StageTransaction = Transaction<(batch: StageBatch) => StagedCounts>;

// Prepared once per connection: ingest calls this once per batch of a possibly huge file.
const cache = new WeakMap<Database, StageTransaction>();

function prepare(sqlite: Database): StageTransaction {
  const insert: Statement<[number, number, string, string, string | null]> = sqlite.prepare(
    'INSERT INTO import_rows (import_id, line, cells, outcome, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (import_id, line) DO NOTHING',
  );
  const progress: Statement<[number, number, number, number, number]> = sqlite.prepare(
    'UPDATE imports SET rows_staged = rows_staged + ?, rows_rejected = rows_rejected + ?, bytes_ingested = max(bytes_ingested, ?), updated_at = ? WHERE id = ?',
  );
  return sqlite.transaction((batch: StageBatch): StagedCounts => {
    let staged = 0;
    let rejected = 0;
    for (const row of batch.rows) {
      const added = insert.run(batch.importId, row.line, JSON.stringify(row.cells), row.reason === null ? 'pending' : 'rejected', row.reason).changes;
      staged += added;
      if (row.reason !== null) rejected += added;
    }
    progress.run(staged, rejected, batch.bytesRead, batch.now, batch.importId);
    return { staged, rejected };
  });
}

/** Stages rows and advances the import's counters in one transaction; lines already staged are left alone. */
export function stageRows(sqlite: Database, batch: StageBatch): StagedCounts {
  let stage = cache.get(sqlite);
  if (!stage) {
    stage = prepare(sqlite);
    cache.set(sqlite, stage);
  }
  return stage(batch);
}
