import type { Database, Statement } from 'better-sqlite3';
import type { WorkKind } from '../../shared/work-kind';

/** Where an item of unknown outcome stands: its channel may still verify it, or only the operator can decide. */
export interface UnknownRow {
  state: 'verify' | 'operator';
  verify_tries: number;
  due_at: number;
  note: string | null;
}

/** The side table of items in the unknown-outcome state. */
export class UnknownOutcomes {
  private readonly upsert: Statement<[string, number, number, string, number, string | null, number, number]>;
  private readonly tried: Statement<[string, number, string | null, number, string, number]>;
  private readonly remove: Statement<[string, number]>;
  private readonly one: Statement<[string, number], UnknownRow>;

  constructor(sqlite: Database) {
    this.upsert = sqlite.prepare(`
      INSERT INTO unknown_outcomes (work_kind, work_id, profile_id, state, due_at, note, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (work_kind, work_id) DO UPDATE SET state = excluded.state, due_at = excluded.due_at, note = excluded.note,
        updated_at = excluded.updated_at`);
    this.tried = sqlite.prepare(`UPDATE unknown_outcomes SET state = ?, verify_tries = verify_tries + 1, due_at = ?, note = ?, updated_at = ?
      WHERE work_kind = ? AND work_id = ?`);
    this.remove = sqlite.prepare('DELETE FROM unknown_outcomes WHERE work_kind = ? AND work_id = ?');
    this.one = sqlite.prepare('SELECT state, verify_tries, due_at, note FROM unknown_outcomes WHERE work_kind = ? AND work_id = ?');
  }

  /** Puts an item in the unknown state, to be verified from `dueAt` (or left to the operator). */
  hold(kind: WorkKind, id: number, profileId: number, state: UnknownRow['state'], dueAt: number, note: string | null, now: number): void {
    this.upsert.run(kind, id, profileId, state, dueAt, note, now, now);
  }

  /** Counts one verification that did not settle the question. */
  triedOnce(kind: WorkKind, id: number, state: UnknownRow['state'], dueAt: number, note: string | null, now: number): void {
    this.tried.run(state, dueAt, note, now, kind, id);
  }

  /** The item's outcome is known again. */
  clear(kind: WorkKind, id: number): void {
    this.remove.run(kind, id);
  }

  /** The item's unknown-state row, if it is in that state. */
  get(kind: WorkKind, id: number): UnknownRow | undefined {
    return this.one.get(kind, id);
  }
}
