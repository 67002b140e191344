import { flushSearchIndex } from '../leads/search-index';
import type { Database, Statement } from 'better-sqlite3';
import { isImportTarget, type ImportTarget } from '../../shared/import/import-targets';
import { liveCustomFields } from '../leads/custom-field-defs';
import { UpsertEngine } from '../leads/upsert-engine';
import { rowToLead, whyUnusable, type ImportColumns } from './row-to-lead';

/** Counters of one merge batch. */
export interface MergeBatchResult {
  readonly processed: number;
  readonly inserted: number;
  readonly merged: number;
  readonly duplicate: number;
  readonly rejected: number;
  /** True when no staged row is left after this batch. */
  readonly done: boolean;
}

interface ImportRow {
  mapping: string;
  merged_through_line: number;
  tag_id: number | null;
  /** JSON array of the header labels, or null without a header row. */
  columns: string | null;
}

type Outcome = 'inserted' | 'merged' | 'duplicate' | 'rejected';

/**
 * Merges an import's staged rows into leads in batches, each batch one transaction that also advances
 * `merged_through_line`: a crash loses at most the batch in flight, and a restart continues after the last merged line.
 */
export class StagedRowMerger {
  private readonly engine: UpsertEngine;
  private readonly getImport: Statement<[number], ImportRow>;
  private readonly nextRows: Statement<[number, number, number], { id: number; line: number; cells: string; outcome: string }>;
  private readonly seenInImport: Statement<[number, number, number], { found: number }>;
  private readonly lastJournalId: Statement<[], { id: number | null }>;
  private readonly setOutcome: Statement<[string, string | null, number, number]>;
  private readonly advance: Statement<[number, number, number, number, number, number, number]>;
  private readonly tagLead: Statement<[number, number, number, number]>;
  private readonly journalTagLink: Statement<[number, number, string, number]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.engine = new UpsertEngine(sqlite, now);
    this.getImport = sqlite.prepare("SELECT mapping, merged_through_line, tag_id, json_extract(detected, '$.columns') AS columns FROM imports WHERE id = ?");
    this.nextRows = sqlite.prepare('SELECT id, line, cells, outcome FROM import_rows WHERE import_id = ? AND line > ? ORDER BY line LIMIT ?');
    this.seenInImport = sqlite.prepare(
      "SELECT count(*) AS found FROM merge_journal WHERE import_id = ? AND target_kind = 'lead' AND target_id = ? AND id <= ?",
    );
    this.lastJournalId = sqlite.prepare('SELECT max(id) AS id FROM merge_journal');
    this.setOutcome = sqlite.prepare('UPDATE import_rows SET outcome = ?, reason = ?, processed_at = ? WHERE id = ?');
    this.advance = sqlite.prepare(
      `UPDATE imports SET merged_through_line = ?, rows_inserted = rows_inserted + ?, rows_merged = rows_merged + ?,
         rows_duplicate = rows_duplicate + ?, rows_rejected = rows_rejected + ?, updated_at = ? WHERE id = ?`,
    );
    this.tagLead = sqlite.prepare(
      `INSERT INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_by_id, created_at)
       VALUES (?, 'lead', ?, 'import', ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.journalTagLink = sqlite.prepare("INSERT INTO merge_journal (import_id, target_kind, target_id, action, after, created_at) VALUES (?, 'tag_link', ?, 'insert', ?, ?)");
  }

  /** Merges up to `size` rows after the last merged line. */
  mergeBatch(importId: number, size = 500): MergeBatchResult {
    return this.sqlite.transaction(() => {
      const imp = this.getImport.get(importId);
      if (!imp) throw new Error(`import ${importId} does not exist`);
      const mapping = parseMapping(imp.mapping);
      const columns: ImportColumns = {
        names: imp.columns === null ? null : (JSON.parse(imp.columns) as string[] | null),
        customFields: new Map(liveCustomFields(this.sqlite).map((f) => [f.id, f])),
      };
      const rows = this.nextRows.all(importId, imp.merged_through_line, size);
      const counts: Record<Outcome, number> = { inserted: 0, merged: 0, duplicate: 0, rejected: 0 };
      const at = this.now();
      for (const row of rows) {
        // Ingest already rejected malformed rows (wrong cell count); they only move the cursor.
        if (row.outcome === 'rejected') continue;
        const outcome = this.mergeRow(importId, imp.tag_id, row.line, JSON.parse(row.cells) as string[], mapping, columns, row.id, at);
        counts[outcome]++;
      }
      flushSearchIndex(this.sqlite);
      const last = rows.at(-1)?.line ?? imp.merged_through_line;
      this.advance.run(last, counts.inserted, counts.merged, counts.duplicate, counts.rejected, at, importId);
      return { processed: rows.length, ...counts, done: rows.length < size };
    })();
  }

  private mergeRow(
    importId: number,
    tagId: number | null,
    line: number,
    cells: string[],
    mapping: ImportTarget[],
    columns: ImportColumns,
    rowId: number,
    at: number,
  ): Outcome {
    const { lead, reason } = rowToLead(cells, mapping, columns);
    const unusable = lead ? whyUnusable(lead) : reason;
    if (!lead || unusable) {
      this.setOutcome.run('rejected', `line ${line}: ${unusable}`, at, rowId);
      return 'rejected';
    }
    const watermark = this.lastJournalId.get()?.id ?? 0;
    const result = this.engine.upsertLead(lead, { kind: 'import', id: importId });
    // A lead this import already wrote before this row means the file holds it twice.
    const outcome: Outcome =
      result.outcome === 'inserted' ? 'inserted' : (this.seenInImport.get(importId, result.id, watermark)?.found ?? 0) > 0 ? 'duplicate' : 'merged';
    if (tagId !== null) {
      const link = this.tagLead.run(tagId, result.id, importId, at);
      if (link.changes > 0) this.journalTagLink.run(importId, Number(link.lastInsertRowid), JSON.stringify({ tag_id: tagId, lead_id: result.id }), at);
    }
    this.setOutcome.run(outcome, null, at, rowId);
    return outcome;
  }
}

function parseMapping(json: string): ImportTarget[] {
  const mapping = JSON.parse(json) as unknown;
  if (!Array.isArray(mapping) || !mapping.every((t) => typeof t === 'string' && isImportTarget(t))) {
    throw new Error(`import mapping is not a list of known targets: ${json}`);
  }
  return mapping as ImportTarget[];
}
