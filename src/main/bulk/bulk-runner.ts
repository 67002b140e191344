import type { Database, Statement } from 'better-sqlite3';
import { leadFilter } from '../../shared/contract/schemas/lead-filter';
import type { BulkKind } from '../../shared/contract/schemas/bulk';
import { flushSearchIndex } from '../leads/search-index';
import { compileLeadFilter } from '../leads/query/lead-filter-sql';
import { columnLabel } from './export-columns';
import { appendExportBatch } from './export-file';
import { ExportRowReader } from './export-rows';

/** After a batch: more to do, the operation finished, or it was no longer pending/running (canceled, gone). */
export type BatchStep = 'more' | 'finished' | 'stopped';

interface OperationState {
  kind: BulkKind;
  filter: string;
  params: string;
  status: string;
  max_id: number;
  last_id: number;
  export_id: number | null;
  export_bytes: number;
}

/** What one batch did to its leads. */
interface Applied {
  readonly changed: number;
  readonly exportBytes: number;
}

/**
 * Applies a bulk operation to the leads matching its filter, one batch per transaction by ascending id.
 * The batch and the cursor (`last_id`, `done`, export bytes) commit together, so after a crash a restart
 * continues after the last committed lead and nothing is applied twice.
 *
 * Set semantics: an operation covers the leads that existed when it started (id <= max_id) and that match
 * the filter when their batch runs; leads created later are left alone, and a lead edited in the meantime is
 * judged by what it is when reached. `total` is the count at start, so `done` may end slightly off it.
 */
export class BulkRunner {
  private readonly selects = new Map<number, { statement: Statement<unknown[], { id: number }>; params: unknown[] }>();
  private readonly exportReader: ExportRowReader;
  private readonly state: Statement<[number], OperationState>;
  private readonly starting: Statement<[number, number, number]>;
  private readonly advance: Statement<[number, number, number, number, number, number]>;
  private readonly finishing: Statement<[number, number, number]>;
  private readonly tagLive: Statement<[number], { found: number }>;
  private readonly addTag: Statement<[number, number, number]>;
  private readonly removeTag: Statement<[number, number, number], { id: number }>;
  private readonly softDelete: Statement<[number, number, number]>;
  private readonly item: Statement<[number, number, number | null, number | null]>;
  private readonly exportState: Statement<[number], { file_path: string; columns: string }>;
  private readonly exportAdvance: Statement<[number, number, number]>;
  private readonly exportDone: Statement<[number, number, number]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.exportReader = new ExportRowReader(sqlite);
    this.state = sqlite.prepare('SELECT kind, filter, params, status, max_id, last_id, export_id, export_bytes FROM bulk_operations WHERE id = ?');
    this.starting = sqlite.prepare("UPDATE bulk_operations SET status = 'running', started_at = coalesce(started_at, ?), updated_at = ? WHERE id = ?");
    this.advance = sqlite.prepare('UPDATE bulk_operations SET last_id = ?, done = done + ?, changed = changed + ?, export_bytes = ?, updated_at = ? WHERE id = ?');
    this.finishing = sqlite.prepare("UPDATE bulk_operations SET status = 'performed', finished_at = ?, updated_at = ? WHERE id = ?");
    this.tagLive = sqlite.prepare('SELECT count(*) AS found FROM tags WHERE id = ? AND deleted_at IS NULL');
    this.addTag = sqlite.prepare(
      `INSERT INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_by_id, created_at)
       VALUES (?, 'lead', ?, 'person', NULL, ?) ON CONFLICT DO NOTHING`,
    );
    this.removeTag = sqlite.prepare(
      `UPDATE tag_links SET removed_at = ?, removed_by_kind = 'person', removed_by_id = NULL
       WHERE tag_id = ? AND target_kind = 'lead' AND target_id = ? AND removed_at IS NULL RETURNING id`,
    );
    this.softDelete = sqlite.prepare('UPDATE leads SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
    this.item = sqlite.prepare('INSERT INTO bulk_operation_items (operation_id, lead_id, tag_link_id, deleted_at) VALUES (?, ?, ?, ?)');
    this.exportState = sqlite.prepare('SELECT file_path, columns FROM exports WHERE id = ?');
    this.exportAdvance = sqlite.prepare("UPDATE exports SET status = 'running', rows_written = rows_written + ?, updated_at = ? WHERE id = ?");
    this.exportDone = sqlite.prepare("UPDATE exports SET status = 'done', finished_at = ?, updated_at = ? WHERE id = ?");
  }

  /** Runs the next batch of up to `size` leads of an operation. */
  runBatch(id: number, size: number): BatchStep {
    let step: BatchStep = 'stopped';
    try {
      step = this.batch(id, size);
      return step;
    } finally {
      if (step !== 'more') this.selects.delete(id);
    }
  }

  private batch(id: number, size: number): BatchStep {
    return this.sqlite.transaction((): BatchStep => {
      const op = this.state.get(id);
      if (!op || (op.status !== 'pending' && op.status !== 'running')) return 'stopped';
      const at = this.now();
      if (op.status === 'pending') this.starting.run(at, at, id);
      // A filter's search reads the full-text index, which first catches up with queued edits (a no-op when none).
      flushSearchIndex(this.sqlite);
      const select = this.select(id, op);
      const ids = select.statement.all(...select.params, op.last_id, op.max_id, size).map((r) => r.id);
      const applied = this.apply(id, op, ids, at);
      const finished = ids.length < size;
      this.advance.run(ids.at(-1) ?? op.last_id, ids.length, applied.changed, applied.exportBytes, at, id);
      if (finished) {
        this.finishing.run(at, at, id);
        if (op.export_id !== null) this.exportDone.run(at, at, op.export_id);
      }
      return finished ? 'finished' : 'more';
    })();
  }

  private select(id: number, op: OperationState): { statement: Statement<unknown[], { id: number }>; params: unknown[] } {
    const cached = this.selects.get(id);
    if (cached) return cached;
    const { from, where, params } = compileLeadFilter(leadFilter.parse(JSON.parse(op.filter)));
    const statement = this.sqlite.prepare<unknown[], { id: number }>(`SELECT l.id FROM ${from} WHERE ${where} AND l.id > ? AND l.id <= ? ORDER BY l.id LIMIT ?`);
    const select = { statement, params };
    this.selects.set(id, select);
    return select;
  }

  private apply(id: number, op: OperationState, ids: readonly number[], at: number): Applied {
    const result = { changed: 0, exportBytes: op.export_bytes };
    switch (op.kind) {
      case 'add_tag': {
        const tagId = this.liveTag(op);
        for (const leadId of ids) {
          const link = this.addTag.run(tagId, leadId, at);
          if (link.changes === 0) continue;
          this.item.run(id, leadId, Number(link.lastInsertRowid), null);
          result.changed++;
        }
        return result;
      }
      case 'remove_tag': {
        const tagId = this.liveTag(op);
        for (const leadId of ids) {
          const link = this.removeTag.get(at, tagId, leadId);
          if (!link) continue;
          this.item.run(id, leadId, link.id, null);
          result.changed++;
        }
        return result;
      }
      case 'delete':
        for (const leadId of ids) {
          if (this.softDelete.run(at, at, leadId).changes === 0) continue;
          this.item.run(id, leadId, null, at);
          result.changed++;
        }
        return result;
      case 'export':
        return this.exportBatch(op, ids, at);
    }
  }

  private liveTag(op: OperationState): number {
    const tagId = (JSON.parse(op.params) as { tagId?: number }).tagId;
    if (tagId === undefined) throw new Error('the operation has no tagId');
    if ((this.tagLive.get(tagId)?.found ?? 0) === 0) throw new Error(`tag ${tagId} was deleted`);
    return tagId;
  }

  private exportBatch(op: OperationState, ids: readonly number[], at: number): Applied {
    if (op.export_id === null) throw new Error('the export record is gone');
    const file = this.exportState.get(op.export_id);
    if (!file) throw new Error(`export ${op.export_id} does not exist`);
    const columns = JSON.parse(file.columns) as string[];
    const rows = this.exportReader.rows(ids, columns);
    const exportBytes = appendExportBatch(file.file_path, op.export_bytes, columns.map(columnLabel), rows);
    this.exportAdvance.run(rows.length, at, op.export_id);
    return { changed: rows.length, exportBytes };
  }
}
