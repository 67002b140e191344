import type { Database, Statement } from 'better-sqlite3';
import type { ImportSummary } from '../../../shared/contract/schemas/imports';
import { toIso, toIsoOrNull } from '../../../shared/iso-time';

interface ImportRecord {
  id: number;
  file_name: string;
  status: ImportSummary['status'];
  rows_staged: number;
  rows_inserted: number;
  rows_merged: number;
  rows_duplicate: number;
  rows_rejected: number;
  error_text: string | null;
  created_at: number;
  finished_at: number | null;
}

const toSummary = (r: ImportRecord): ImportSummary => ({
  id: r.id,
  fileName: r.file_name,
  status: r.status,
  rowsStaged: r.rows_staged,
  inserted: r.rows_inserted,
  merged: r.rows_merged,
  duplicate: r.rows_duplicate,
  rejected: r.rows_rejected,
  error: r.error_text,
  createdAt: toIso(r.created_at),
  finishedAt: toIsoOrNull(r.finished_at),
});

const COLUMNS = 'id, file_name, status, rows_staged, rows_inserted, rows_merged, rows_duplicate, rows_rejected, error_text, created_at, finished_at';

/** What a new import needs. */
export interface NewImport {
  readonly fileName: string;
  readonly filePath: string;
  readonly fileSize: number;
  readonly options: object;
  readonly mapping: readonly string[];
  readonly tagName?: string | undefined;
  readonly origin?: 'file' | 'paste';
}

// A new tag gets the app's accent colour until the operator picks one.
const DEFAULT_TAG_COLOR = '#2457d6';

/** Imports and their staged rows, for the API and the loops. */
export class ImportsRepo {
  // The loops poll and report progress through these many times a second during an import: prepare them once.
  private readonly byId: Statement<[number], ImportRecord>;
  private readonly waiting = new Map<string, Statement<string[], { id: number }>>();
  private readonly finishing: Statement<[string, string | null, number, number, number]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.byId = sqlite.prepare(`SELECT ${COLUMNS} FROM imports WHERE id = ?`);
    this.finishing = sqlite.prepare('UPDATE imports SET status = ?, error_text = ?, finished_at = ?, updated_at = ? WHERE id = ?');
  }

  /** Records a new pending import (and its tag, found by name or created). */
  create(input: NewImport): ImportSummary {
    const at = this.now();
    const id = this.sqlite.transaction(() => {
      const tagId = input.tagName === undefined ? null : this.tagByName(input.tagName, at);
      return Number(
        this.sqlite
          .prepare(
            "INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, tag_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          )
          .run(input.origin ?? 'file', input.fileName, input.filePath, input.fileSize, JSON.stringify(input.options), JSON.stringify(input.mapping), tagId, at, at).lastInsertRowid,
      );
    })();
    return this.get(id) as ImportSummary;
  }

  private tagByName(name: string, at: number): number {
    const found = this.sqlite.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL').get(name) as { id: number } | undefined;
    if (found) return found.id;
    return Number(this.sqlite.prepare('INSERT INTO tags (name, color, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, DEFAULT_TAG_COLOR, at, at).lastInsertRowid);
  }

  /** One import, or null. */
  get(id: number): ImportSummary | null {
    const row = this.byId.get(id);
    return row ? toSummary(row) : null;
  }

  /** The newest imports first. */
  list(limit = 200): ImportSummary[] {
    return (this.sqlite.prepare(`SELECT ${COLUMNS} FROM imports ORDER BY id DESC LIMIT ?`).all(limit) as ImportRecord[]).map(toSummary);
  }

  /** Rows of an import with one outcome, in file order. */
  rows(id: number, outcome: string, limit: number): { line: number; outcome: string; reason: string | null; cells: string[] }[] {
    const rows = this.sqlite
      .prepare('SELECT line, outcome, reason, cells FROM import_rows WHERE import_id = ? AND outcome = ? ORDER BY line LIMIT ?')
      .all(id, outcome, limit) as { line: number; outcome: string; reason: string | null; cells: string }[];
    return rows.map((r) => ({ ...r, cells: JSON.parse(r.cells) as string[] }));
  }

  /** The oldest import waiting in one of the given statuses. */
  nextIn(statuses: readonly ImportSummary['status'][]): number | null {
    const key = statuses.join(',');
    let statement = this.waiting.get(key);
    if (!statement) {
      statement = this.sqlite.prepare(`SELECT id FROM imports WHERE status IN (${statuses.map(() => '?').join(', ')}) ORDER BY id LIMIT 1`);
      this.waiting.set(key, statement);
    }
    return statement.get(...statuses)?.id ?? null;
  }

  /** Moves an import to a final status. */
  finish(id: number, status: 'done' | 'failed', error: string | null = null): void {
    const at = this.now();
    this.finishing.run(status, error, at, at, id);
  }
}
