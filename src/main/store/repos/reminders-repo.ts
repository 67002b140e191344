import type { Database } from 'better-sqlite3';
import type { Reminder } from '../../../shared/contract/schemas/reminders';
import { toIso, toIsoOrNull } from '../../../shared/iso-time';

interface ReminderRow {
  id: number;
  lead_id: number;
  lead_label: string | null;
  due_at: number;
  note: string;
  done_at: number | null;
  created_at: number;
}

/** Which reminders to list. */
export interface RemindersQuery {
  readonly leadId?: number | undefined;
  readonly dueBefore?: number | undefined;
  readonly status: 'open' | 'done' | 'all';
  readonly limit: number;
}

const SELECT = `SELECT r.id, r.lead_id, r.due_at, r.note, r.done_at, r.created_at,
  coalesce(nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), ''), l.email) AS lead_label
  FROM reminders r JOIN leads l ON l.id = r.lead_id AND l.deleted_at IS NULL
  WHERE r.deleted_at IS NULL`;

const toReminder = (r: ReminderRow): Reminder => ({
  id: r.id,
  leadId: r.lead_id,
  leadLabel: r.lead_label,
  dueAt: toIso(r.due_at),
  note: r.note,
  done: r.done_at !== null,
  doneAt: toIsoOrNull(r.done_at),
  createdAt: toIso(r.created_at),
});

/** Reminders on live leads. */
export class RemindersRepo {
  constructor(
    private readonly sqlite: Database,
    private readonly now: () => number,
  ) {}

  /** Reminders matching the query, soonest due first, ties by id. */
  list(q: RemindersQuery): Reminder[] {
    const where: string[] = [];
    const params: number[] = [];
    if (q.leadId !== undefined) {
      where.push('r.lead_id = ?');
      params.push(q.leadId);
    }
    if (q.dueBefore !== undefined) {
      where.push('r.due_at < ?');
      params.push(q.dueBefore);
    }
    if (q.status !== 'all') where.push(q.status === 'open' ? 'r.done_at IS NULL' : 'r.done_at IS NOT NULL');
    const sql = `${SELECT}${where.map((w) => ` AND ${w}`).join('')} ORDER BY r.due_at, r.id LIMIT ?`;
    return this.sqlite.prepare<number[], ReminderRow>(sql).all(...params, q.limit).map(toReminder);
  }

  /** One reminder of a live lead, or null. */
  get(id: number): Reminder | null {
    const row = this.sqlite.prepare<[number], ReminderRow>(`${SELECT} AND r.id = ?`).get(id);
    return row ? toReminder(row) : null;
  }

  /** A new reminder; null when the lead is not live. */
  create(leadId: number, dueAt: number, note: string): Reminder | null {
    const live = this.sqlite.prepare('SELECT 1 FROM leads WHERE id = ? AND deleted_at IS NULL').get(leadId);
    if (!live) return null;
    const at = this.now();
    const id = Number(
      this.sqlite.prepare('INSERT INTO reminders (lead_id, due_at, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(leadId, dueAt, note, at, at).lastInsertRowid,
    );
    return this.get(id);
  }

  /** Moves a reminder or changes its note; null when it does not exist. */
  update(id: number, patch: { dueAt?: number | undefined; note?: string | undefined }): Reminder | null {
    const current = this.get(id);
    if (!current) return null;
    this.sqlite
      .prepare('UPDATE reminders SET due_at = coalesce(?, due_at), note = coalesce(?, note), updated_at = ? WHERE id = ?')
      .run(patch.dueAt ?? null, patch.note ?? null, this.now(), id);
    return this.get(id);
  }

  /** Marks a reminder done (keeping the first completion time) or open again; null when it does not exist. */
  complete(id: number, done: boolean): Reminder | null {
    if (!this.get(id)) return null;
    const at = this.now();
    this.sqlite.prepare('UPDATE reminders SET done_at = CASE WHEN ? THEN coalesce(done_at, ?) END, updated_at = ? WHERE id = ?').run(done ? 1 : 0, at, at, id);
    return this.get(id);
  }

  /** Soft-deletes a reminder; false when it does not exist. */
  delete(id: number): boolean {
    const at = this.now();
    return this.sqlite.prepare('UPDATE reminders SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, at, id).changes > 0;
  }
}
