import type { Database, Statement } from 'better-sqlite3';
import type { SuppressionItem } from '../../shared/contract/schemas/suppressions';
import { toIso, toIsoOrNull } from '../../shared/iso-time';
import { stopEnrollments } from '../sequences/stop-enrollments';
import type { SuppressionKind } from './is-suppressed';
import { suppressionValue } from './suppression-value';

type Reason = SuppressionItem['reason'];

interface Row {
  id: number;
  kind: SuppressionKind;
  value: string;
  reason: Reason;
  note: string | null;
  outreach_id: number | null;
  created_at: number;
  deleted_at: number | null;
  removed_note: string | null;
}

const toItem = (r: Row): SuppressionItem => ({
  id: r.id,
  kind: r.kind,
  value: r.value,
  reason: r.reason,
  note: r.note,
  outreachId: r.outreach_id,
  createdAt: toIso(r.created_at),
  removedAt: toIsoOrNull(r.deleted_at),
  removedNote: r.removed_note,
});

const COLUMNS = 'id, kind, value, reason, note, outreach_id, created_at, deleted_at, removed_note';

// Leads an entry covers: by the same normalised key the entry holds (a domain covers emails at it and its company).
const MATCHING_LEADS = `SELECT l.id FROM leads l LEFT JOIN companies c ON c.id = l.company_id
  WHERE l.deleted_at IS NULL AND (
    (@kind = 'email' AND l.email_norm = @value) OR
    (@kind = 'domain' AND (l.email_norm LIKE '%@' || @value OR c.domain = @value)) OR
    (@kind = 'linkedin' AND l.linkedin_norm = @value) OR
    (@kind = 'facebook' AND l.facebook_norm = @value))`;

/** The one suppression list of every channel: list, add (honoured at once), remove with a note, import. */
export class SuppressionStore {
  private readonly page: Statement<Record<string, unknown>, Row>;
  private readonly one: Statement<[number], Row>;
  private readonly live: Statement<[string, string], Row>;
  private readonly insert: Statement<[string, string, string, string | null, number, number]>;
  private readonly remove: Statement<[number, string, number, number]>;
  private readonly leads: Statement<{ kind: string; value: string }, { id: number }>;
  private readonly abortOutgoing: Statement<[string, number, number, number]>;

  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {
    this.page = sqlite.prepare(`SELECT ${COLUMNS} FROM suppressions
      WHERE (@removed = 1) = (deleted_at IS NOT NULL) AND (@kind IS NULL OR kind = @kind) AND (@search IS NULL OR instr(value, lower(@search)) > 0)
        AND (@beforeId IS NULL OR id < @beforeId)
      ORDER BY id DESC LIMIT @limit`);
    this.one = sqlite.prepare(`SELECT ${COLUMNS} FROM suppressions WHERE id = ?`);
    this.live = sqlite.prepare(`SELECT ${COLUMNS} FROM suppressions WHERE kind = ? AND value = ? AND deleted_at IS NULL`);
    this.insert = sqlite.prepare(`INSERT INTO suppressions (kind, value, reason, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (kind, value) WHERE deleted_at IS NULL DO NOTHING`);
    this.remove = sqlite.prepare('UPDATE suppressions SET deleted_at = ?, removed_note = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
    this.leads = sqlite.prepare(MATCHING_LEADS);
    this.abortOutgoing = sqlite.prepare(`UPDATE outreach SET status = 'aborted', error_kind = 'policy', error_text = ?, finished_at = ?, updated_at = ?
      WHERE lead_id = ? AND direction = 'outgoing' AND status = 'pending'`);
  }

  /** A page of entries, newest first. */
  list(input: { search?: string | undefined; kind?: SuppressionKind | undefined; status: 'live' | 'removed'; beforeId?: number | undefined; limit: number }): SuppressionItem[] {
    return this.page
      .all({ removed: input.status === 'removed' ? 1 : 0, kind: input.kind ?? null, search: input.search || null, beforeId: input.beforeId ?? null, limit: input.limit })
      .map(toItem);
  }

  /** One entry, or undefined. */
  get(id: number): SuppressionItem | undefined {
    const row = this.one.get(id);
    return row && toItem(row);
  }

  /**
   * Adds an entry (or finds the live one) and honours it at once: the leads it covers leave their sequences and
   * their unsent messages are aborted. Returns an error naming the problem for a value that is not an address.
   */
  add(input: { value: string; kind?: SuppressionKind | undefined; reason: Reason; note?: string | undefined }): { item: SuppressionItem; added: boolean } | { error: string } {
    const parsed = suppressionValue(input.value, input.kind);
    if ('error' in parsed) return parsed;
    return this.sqlite.transaction(() => {
      const now = this.now();
      const added = this.insert.run(parsed.kind, parsed.value, input.reason, input.note ?? null, now, now).changes === 1;
      if (added) this.honour(parsed.kind, parsed.value, now);
      const row = this.live.get(parsed.kind, parsed.value);
      if (!row) throw new Error(`suppression ${parsed.kind} ${parsed.value} vanished inside its transaction`);
      return { item: toItem(row), added };
    })();
  }

  /** Soft-deletes an entry with the operator's reason; undefined when it does not exist or was already removed. */
  removeEntry(id: number, note: string): SuppressionItem | undefined {
    const now = this.now();
    if (this.remove.run(now, note, now, id).changes === 0) return undefined;
    return this.get(id);
  }

  /** Imports one address per line (CSV: the first column; a header row is skipped), reporting bad lines by number. */
  import(input: { text: string; reason: Reason; note?: string | undefined }): { added: number; alreadyListed: number; errors: { line: number; message: string }[] } {
    const result = { added: 0, alreadyListed: 0, errors: [] as { line: number; message: string }[] };
    const lines = input.text.split(/\r?\n/);
    this.sqlite.transaction(() => {
      lines.forEach((text, i) => {
        const first = (text.split(/[,;\t]/)[0] ?? '').trim().replace(/^"(.*)"$/, '$1');
        if (first === '' || (i === 0 && /^(email|domain|value|address|url|linkedin|facebook)$/i.test(first))) return;
        const outcome = this.add({ value: first, reason: input.reason, note: input.note });
        if ('error' in outcome) {
          if (result.errors.length < 1000) result.errors.push({ line: i + 1, message: outcome.error });
        } else if (outcome.added) result.added += 1;
        else result.alreadyListed += 1;
      });
    })();
    return result;
  }

  private honour(kind: SuppressionKind, value: string, now: number): void {
    for (const { id } of this.leads.all({ kind, value })) {
      stopEnrollments(this.sqlite, { leadId: id, reason: 'suppressed', now });
      this.abortOutgoing.run(`suppressed: ${kind} ${value}`, now, now, id);
    }
  }
}
