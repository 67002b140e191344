import type { Database } from 'better-sqlite3';
import type { HistoryEntry, ProvenanceEntry } from '../../../shared/contract/schemas/provenance';
import { toIso, toIsoOrNull } from '../../../shared/iso-time';
import { ApiError } from '../../api/api-error';
import { undoJournalEntry, type JournalRow as StoredJournalRow } from '../../leads/undo';
import { SOURCE_KEY, type RecordKind } from './record-edits';

type JournalRow = StoredJournalRow & { file_name: string | null };

type SourceKind = ProvenanceEntry['sourceKind'];
type Values = Record<string, unknown>;

/** Most history entries a record page shows. */
const HISTORY_LIMIT = 200;

/** `first_name` → `firstName`; custom values keep their `custom:<id>` name. */
export const apiFieldName = (column: string): string => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Journal keys that are bookkeeping, not fields a person changed. */
const bookkeeping = (key: string): boolean => key.startsWith('$') || key === 'updated_at';

/** Fields shown in history: no derived keys or timestamps. */
const shown = (key: string): boolean => !bookkeeping(key) && !key.endsWith('_norm') && !key.endsWith('_at');

const historyValue = (v: unknown): string | number | boolean | null => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);

/** The fields an entry changed (an insert: every field it wrote). */
const touched = (row: Pick<JournalRow, 'after'>): string[] => Object.keys(JSON.parse(row.after) as Values).filter((k) => !bookkeeping(k));

/** Why an entry cannot be undone now, given the entries after it on the same record; null when it can. */
function blocker(entry: JournalRow, later: readonly JournalRow[]): string | null {
  if (entry.undone_at !== null) return 'already undone';
  const live = later.filter((l) => l.undone_at === null);
  if (entry.action === 'insert') {
    const first = live[0];
    return first ? `the record was changed after it was created (change ${first.id}); undo that first` : null;
  }
  const mine = new Set(touched(entry));
  for (const l of live) {
    const clash = touched(l).filter((f) => mine.has(f) && (shown(f) || f === 'deleted_at'));
    if (clash.length > 0) return `${clash.map(apiFieldName).join(', ')} changed again later (change ${l.id}); undo that first`;
  }
  return null;
}

/** History, provenance and the undo rule of leads and companies, read from the merge journal. */
export class RecordJournal {
  private readonly fileNames = new Map<number, string | null>();

  constructor(private readonly sqlite: Database) {}

  /** A label for people: the import's file name, "Manual edit", "Rule 4"… */
  label(kind: SourceKind, id: number | null): string | null {
    if (kind === 'person') return 'Manual edit';
    if (kind === 'api') return 'API';
    if (id === null) return null;
    if (kind !== 'import') return `${kind[0]?.toUpperCase()}${kind.slice(1)} ${id}`;
    if (!this.fileNames.has(id)) {
      this.fileNames.set(id, this.sqlite.prepare<[number], { file_name: string }>('SELECT file_name FROM imports WHERE id = ?').get(id)?.file_name ?? null);
    }
    const file = this.fileNames.get(id);
    return file ? `Import ${file}` : `Import ${id}`;
  }

  /** Who last set each column of a record, keyed by API field name (custom values are reported with their values). */
  provenance(kind: RecordKind, id: number): Record<string, ProvenanceEntry> {
    const rows = this.sqlite
      .prepare<[string, number], { field: string; source_kind: SourceKind; source_id: number | null; set_at: number }>(
        "SELECT field, source_kind, source_id, set_at FROM field_provenance WHERE target_kind = ? AND target_id = ? AND field NOT LIKE 'custom:%'",
      )
      .all(kind, id);
    return Object.fromEntries(
      rows.map((r) => [apiFieldName(r.field), { sourceKind: r.source_kind, sourceId: r.source_id, setAt: toIso(r.set_at), label: this.label(r.source_kind, r.source_id) }]),
    );
  }

  /** The record's journal entries, newest first, each with its changes and whether it can be undone now. */
  history(kind: RecordKind, id: number): HistoryEntry[] {
    const rows = this.entries(kind, id);
    return rows.slice(0, HISTORY_LIMIT).map((row, i) => {
      const reason = blocker(row, rows.slice(0, i).reverse());
      return {
        id: row.id,
        action: actionOf(row),
        at: toIso(row.created_at),
        importId: row.import_id,
        label: this.entryLabel(row),
        mergedId: row.merged_id,
        changes: changesOf(row),
        undone: row.undone_at !== null,
        undoneAt: toIsoOrNull(row.undone_at),
        canUndo: reason === null,
        cannotUndoReason: reason,
      };
    });
  }

  /** Why one entry cannot be undone now (null when it can), or undefined when it does not exist. */
  undoBlocker(journalId: number): { entry: { targetKind: JournalRow['target_kind']; targetId: number }; reason: string | null } | undefined {
    const entry = this.sqlite.prepare<[number], JournalRow>('SELECT *, NULL AS file_name FROM merge_journal WHERE id = ?').get(journalId);
    if (!entry) return undefined;
    const later =
      entry.target_kind === 'tag_link'
        ? []
        : this.sqlite
            .prepare<[string, number, number], JournalRow>('SELECT *, NULL AS file_name FROM merge_journal WHERE target_kind = ? AND target_id = ? AND id > ? ORDER BY id')
            .all(entry.target_kind, entry.target_id, entry.id);
    return { entry: { targetKind: entry.target_kind, targetId: entry.target_id }, reason: blocker(entry, later) };
  }

  /** Undoes one entry; 404 when it does not exist, 409 when undoing it would lose a newer change or clash with a live record. */
  undo(journalId: number, now: () => number): { targetKind: JournalRow['target_kind']; targetId: number } {
    return this.sqlite.transaction(() => {
      const found = this.undoBlocker(journalId);
      if (!found) throw new ApiError('not_found', `journal entry ${journalId} does not exist`);
      if (found.reason !== null) throw new ApiError('conflict', `change ${journalId} cannot be undone: ${found.reason}`);
      try {
        undoJournalEntry(this.sqlite, journalId, now);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          throw new ApiError('conflict', `change ${journalId} cannot be undone: another live ${found.entry.targetKind} now has the same email, LinkedIn, Facebook or domain`);
        }
        throw error;
      }
      return found.entry;
    })();
  }

  private entries(kind: RecordKind, id: number): JournalRow[] {
    return this.sqlite
      .prepare<[string, number], JournalRow>(
        `SELECT j.*, i.file_name FROM merge_journal j LEFT JOIN imports i ON i.id = j.import_id
         WHERE j.target_kind = ? AND j.target_id = ? ORDER BY j.id DESC`,
      )
      .all(kind, id);
  }

  private entryLabel(row: JournalRow): string {
    if (row.import_id !== null) return `Import ${row.file_name ?? row.import_id}`;
    const source = (JSON.parse(row.after) as Values)[SOURCE_KEY] as { kind: SourceKind; id: number | null } | undefined;
    return (source && this.label(source.kind, source.id)) ?? 'Change';
  }
}

function actionOf(row: JournalRow): HistoryEntry['action'] {
  if (row.action !== 'update') return row.action;
  const after = JSON.parse(row.after) as Values;
  if (!('deleted_at' in after)) return 'update';
  return after.deleted_at === null ? 'restore' : 'delete';
}

function changesOf(row: JournalRow): HistoryEntry['changes'] {
  const before = (row.before === null ? {} : JSON.parse(row.before)) as Values;
  const after = JSON.parse(row.after) as Values;
  return Object.keys(after)
    .filter(shown)
    .map((key) => ({ field: apiFieldName(key), before: row.before === null ? null : historyValue(before[key]), after: historyValue(after[key]) }));
}
