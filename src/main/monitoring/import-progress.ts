import type { Database, Statement } from 'better-sqlite3';

/** A running import: rows staged so far and rows merged, skipped or rejected. */
export interface ImportProgress {
  readonly id: number;
  readonly status: string;
  readonly staged: number;
  readonly done: number;
}

/** Reads the progress of imports still ingesting or importing. */
export class ImportProgressReader {
  private readonly statement: Statement<[], ImportProgress>;

  constructor(sqlite: Database) {
    this.statement = sqlite.prepare(
      `SELECT id, status, rows_staged AS staged, rows_inserted + rows_merged + rows_duplicate + rows_rejected AS done
       FROM imports WHERE status IN ('pending', 'ingesting', 'importing')`,
    );
  }

  /** Every import not finished yet. */
  read(): ImportProgress[] {
    return this.statement.all();
  }
}
