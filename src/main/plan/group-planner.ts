import type { Database, Statement } from 'better-sqlite3';
import type { WorkKind } from '../../shared/work-kind';
import type { QuotaPlanner } from '../quota/quota-gate';
import type { Choice, GroupKey } from './assigner';
import { assignedTables } from './work-tables';

/** One pending item of a queue. */
export interface QueuedRow {
  kind: WorkKind;
  ord: number;
  id: number;
  due_at: number;
  attempts: number;
  created_at: number;
}

/** One item's new due time, and its new profile when it was just assigned. */
export interface Move {
  readonly kind: WorkKind;
  readonly id: number;
  readonly from: number;
  readonly to: number;
  readonly assign: number | null;
}

/** The order a queue is served in: as the items arrived. */
const arrival = (a: QueuedRow, b: QueuedRow): number => a.created_at - b.created_at || a.ord - b.ord || a.id - b.id;

/** Places past the exact slots, continued at the average rate of those (all at `now` when there are none). */
export function extrapolate(exact: readonly number[], n: number, now: number): number[] {
  const out = [...exact];
  const first = exact[0] ?? now;
  const last = exact.at(-1) ?? now;
  const step = exact.length > 1 ? (last - first) / (exact.length - 1) : 0;
  for (let i = exact.length; i < n; i++) out.push(Math.round(last + (i - exact.length + 1) * step));
  return out;
}

/** An assigned item whose due time stays as it is (no quota action, or planning is off while offline). */
export const keepTime = (c: Choice): Move => ({ kind: c.kind, id: c.id, from: c.due_at, to: c.due_at, assign: c.profileId });

/**
 * Plans the queue of one (profile, quota action): its pending items in the order they arrived get the next allowed
 * times from the quota planner, so a backlog (new work, or work missed while offline or asleep) is spread over the
 * coming windows instead of bursting. The first `horizon` items get exact slots; later ones are placed at the rate
 * of those, and get exact slots as the queue moves up. An item waiting out a retry backoff keeps its later time.
 */
export class GroupPlanner {
  private readonly queueStmt: Statement<Record<string, string | number>, QueuedRow>;
  private readonly stale: Statement<{ before: number }, GroupKey>;
  private readonly dueUpdates: Map<WorkKind, Statement<[number, number, number]>>;
  private readonly assignUpdates: Map<WorkKind, Statement<[number, number, number, number]>>;

  constructor(
    sqlite: Database,
    private readonly quotas: QuotaPlanner,
    /** Places of a queue given exact slots. */
    readonly horizon: number,
  ) {
    const parts = assignedTables.map(
      (t) => `SELECT '${t.kind}' AS kind, ${t.ord} AS ord, w.id, w.due_at, w.attempts, w.created_at FROM ${t.table} w ${t.typeJoin}
        WHERE w.profile_id = :profileId AND w.status = 'pending' AND ${t.action} = :action AND ${t.runnable}`,
    );
    this.queueStmt = sqlite.prepare(`SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY created_at, ord, id`);
    const missed = assignedTables.map(
      (t) => `SELECT w.profile_id AS profileId, ${t.action} AS action FROM ${t.table} w ${t.typeJoin}
        WHERE w.status = 'pending' AND w.due_at < :before AND w.profile_id IS NOT NULL AND ${t.runnable} AND ${t.action} IS NOT NULL`,
    );
    // only profiles that could run now: a paused or stopped profile's queue is planned when it runs again
    this.stale = sqlite.prepare(`
      SELECT DISTINCT m.profileId, m.action FROM (${missed.join(' UNION ALL ')}) m JOIN profiles p ON p.id = m.profileId
      WHERE p.deleted_at IS NULL AND p.active = 1 AND p.state NOT IN ('paused', 'failed')`);
    this.dueUpdates = new Map(
      assignedTables.map((t) => [t.kind, sqlite.prepare(`UPDATE ${t.table} SET due_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'`)]),
    );
    this.assignUpdates = new Map(
      assignedTables.map((t) => [
        t.kind,
        sqlite.prepare(`UPDATE ${t.table} SET profile_id = ?, due_at = ?, updated_at = ? WHERE id = ? AND status = 'pending' AND profile_id IS NULL`),
      ]),
    );
  }

  /** Queues of runnable profiles holding an item whose due time is before `before` (missed). */
  staleGroups(before: number): GroupKey[] {
    return this.stale.all({ before });
  }

  /** The pending items of a queue in the order they are served. */
  queue(group: GroupKey): QueuedRow[] {
    return this.queueStmt.all({ profileId: group.profileId, action: group.action });
  }

  /** The slots of the first `n` places of a queue from `now` on (exact up to the horizon, then at the same rate). */
  slots(group: GroupKey, now: number, n: number): number[] {
    const exact = this.quotas.planSlots(group.profileId, group.action, now, Math.min(n, this.horizon)).map((s) => s.at);
    return extrapolate(exact, n, now);
  }

  /** New times for a queue (with `newcomers`, just assigned to it) from `now` on: every newcomer, and items whose time changes. */
  plan(group: GroupKey, now: number, newcomers: readonly Choice[] = []): Move[] {
    const rows: (QueuedRow & { assign?: number })[] = [...this.queue(group), ...newcomers.map((c) => ({ ...c, assign: c.profileId }))];
    if (rows.length === 0) return [];
    rows.sort(arrival);
    const slots = this.slots(group, now, rows.length);
    const moves: Move[] = [];
    rows.forEach((row, i) => {
      const slot = slots[i] ?? now;
      const to = row.attempts > 0 && row.due_at > slot ? row.due_at : slot;
      if (to !== row.due_at || row.assign !== undefined) moves.push({ kind: row.kind, id: row.id, from: row.due_at, to, assign: row.assign ?? null });
    });
    return moves;
  }

  /** Writes moves; run inside a transaction. Returns how many rows changed (an item claimed or assigned meanwhile is left alone). */
  apply(moves: readonly Move[], now: number): number {
    let changed = 0;
    for (const m of moves) {
      const result = m.assign === null ? this.dueUpdates.get(m.kind)?.run(m.to, now, m.id) : this.assignUpdates.get(m.kind)?.run(m.assign, m.to, now, m.id);
      changed += result?.changes ?? 0;
    }
    return changed;
  }
}
