import type { Database, Statement } from 'better-sqlite3';
import { leadFilter } from '../../../shared/contract/schemas/lead-filter';
import type { BulkKind, BulkOperation } from '../../../shared/contract/schemas/bulk';
import { toIso, toIsoOrNull } from '../../../shared/iso-time';

interface OperationRecord {
  id: number;
  kind: BulkKind;
  filter: string;
  params: string;
  status: BulkOperation['status'];
  total: number;
  done: number;
  changed: number;
  export_id: number | null;
  error_text: string | null;
  created_at: number;
  finished_at: number | null;
  undone_at: number | null;
}

const COLUMNS = 'id, kind, filter, params, status, total, done, changed, export_id, error_text, created_at, finished_at, undone_at';

/** Where the file of a finished export downloads from. */
export const exportDownloadPath = (exportId: number): string => `/api/v1/exports/${exportId}/file`;

const toOperation = (r: OperationRecord): BulkOperation => {
  const params = JSON.parse(r.params) as { tagId?: number };
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    filter: leadFilter.parse(JSON.parse(r.filter)),
    tagId: params.tagId ?? null,
    total: r.total,
    done: r.done,
    changed: r.changed,
    exportId: r.export_id,
    downloadPath: r.export_id !== null && r.status === 'performed' ? exportDownloadPath(r.export_id) : null,
    error: r.error_text,
    createdAt: toIso(r.created_at),
    finishedAt: toIsoOrNull(r.finished_at),
    undoneAt: toIsoOrNull(r.undone_at),
  };
};

/** What a new bulk operation needs; `total` and `maxId` are measured by the caller when it starts. */
export interface NewBulkOperation {
  readonly kind: BulkKind;
  readonly filter: object;
  readonly tagId?: number | undefined;
  readonly total: number;
  readonly maxId: number;
  /** Export only: the file and its columns (keys), recorded in `exports`. */
  readonly exportFile?: { readonly path: string; readonly columns: readonly string[] } | undefined;
}

/** Bulk operations for the API and the bulk loop. */
export class BulkRepo {
  // The loop reads the operation after every batch to report progress: prepare once.
  private readonly byId: Statement<[number], OperationRecord>;
  private readonly open: Statement<[], { id: number }>;
  private readonly failing: Statement<[string, number, number, number]>;
  private readonly failingExport: Statement<[string, number, number, number]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.byId = sqlite.prepare(`SELECT ${COLUMNS} FROM bulk_operations WHERE id = ?`);
    this.open = sqlite.prepare("SELECT id FROM bulk_operations WHERE status IN ('pending', 'running') ORDER BY id LIMIT 1");
    this.failing = sqlite.prepare("UPDATE bulk_operations SET status = 'failed', error_text = ?, finished_at = ?, updated_at = ? WHERE id = ? AND status IN ('pending', 'running')");
    this.failingExport = sqlite.prepare(
      "UPDATE exports SET status = 'failed', error_text = ?, finished_at = ?, updated_at = ? WHERE id = (SELECT export_id FROM bulk_operations WHERE id = ?)",
    );
  }

  /** Records a pending operation (and its export row). */
  create(input: NewBulkOperation): BulkOperation {
    const at = this.now();
    const id = this.sqlite.transaction(() => {
      let exportId: number | null = null;
      if (input.exportFile) {
        exportId = Number(
          this.sqlite
            .prepare('INSERT INTO exports (filter, columns, file_path, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
            .run(JSON.stringify(input.filter), JSON.stringify(input.exportFile.columns), input.exportFile.path, at, at).lastInsertRowid,
        );
      }
      const params = input.tagId === undefined ? {} : { tagId: input.tagId };
      return Number(
        this.sqlite
          .prepare('INSERT INTO bulk_operations (kind, filter, params, total, max_id, export_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.kind, JSON.stringify(input.filter), JSON.stringify(params), input.total, input.maxId, exportId, at, at).lastInsertRowid,
      );
    })();
    return this.get(id) as BulkOperation;
  }

  /** One operation, or null. */
  get(id: number): BulkOperation | null {
    const row = this.byId.get(id);
    return row ? toOperation(row) : null;
  }

  /** The newest operations first. */
  list(limit = 200): BulkOperation[] {
    return (this.sqlite.prepare(`SELECT ${COLUMNS} FROM bulk_operations ORDER BY id DESC LIMIT ?`).all(limit) as OperationRecord[]).map(toOperation);
  }

  /** The oldest operation still to run (a running one was interrupted by a stop or a crash). */
  nextOpen(): number | null {
    return this.open.get()?.id ?? null;
  }

  /** Cancels a pending or running operation (and its export); false when it had already ended. */
  cancel(id: number): boolean {
    const at = this.now();
    return this.sqlite.transaction(() => {
      const changed = this.sqlite
        .prepare("UPDATE bulk_operations SET status = 'canceled', finished_at = ?, updated_at = ? WHERE id = ? AND status IN ('pending', 'running')")
        .run(at, at, id).changes;
      if (changed === 0) return false;
      this.sqlite.prepare("UPDATE exports SET status = 'canceled', finished_at = ?, updated_at = ? WHERE id = (SELECT export_id FROM bulk_operations WHERE id = ?)").run(at, at, id);
      return true;
    })();
  }

  /** Marks an operation (and its export) failed. */
  fail(id: number, error: string): void {
    const at = this.now();
    this.sqlite.transaction(() => {
      this.failing.run(error, at, at, id);
      this.failingExport.run(error, at, at, id);
    })();
  }

  /** The file of an export, while it exists as a record. */
  exportFile(exportId: number): { path: string; status: string } | null {
    const row = this.sqlite.prepare('SELECT file_path, status FROM exports WHERE id = ?').get(exportId) as { file_path: string; status: string } | undefined;
    return row ? { path: row.file_path, status: row.status } : null;
  }
}
