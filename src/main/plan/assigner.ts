import type { Database, Statement } from 'better-sqlite3';
import type { WorkKind } from '../../shared/work-kind';
import type { ProfilePool } from './profile-pool';
import { assignedTables, type WorkTable } from './work-tables';

interface Unassigned {
  id: number;
  type_id: number;
  lead_id: number | null;
  action: string | null;
  due_at: number;
  attempts: number;
  created_at: number;
}

/** One (profile, quota action) queue. */
export interface GroupKey {
  readonly profileId: number;
  readonly action: string;
}

/** An item given a profile (not yet written: it is written with its due time). */
export interface Choice {
  readonly kind: WorkKind;
  readonly ord: number;
  readonly id: number;
  readonly profileId: number;
  readonly action: string | null;
  readonly due_at: number;
  readonly attempts: number;
  readonly created_at: number;
}

/** What one batch read: the last id (the keyset cursor), how many rows, and the choices made. */
export interface AssignBatch {
  readonly lastId: number;
  readonly read: number;
  readonly choices: readonly Choice[];
}

interface KindStatements {
  readonly table: WorkTable;
  readonly select: Statement<[number, number], Unassigned>;
}

/**
 * Chooses a profile for unassigned, approved items: the same profile as earlier outreach to the lead on that channel
 * (the profile types that may perform the item are the channel), else the least-loaded eligible one.
 * Profile tags are not matched: no rule or item says which profile tag it needs yet.
 */
export class Assigner {
  private readonly kinds: Map<WorkKind, KindStatements>;
  private readonly history: Statement<[string], { lead_id: number; profile_id: number }>;
  /** Choices of the current pass per lead, latest first, so two new messages to one lead share a profile. */
  private chosen = new Map<number, number[]>();

  constructor(
    sqlite: Database,
    private readonly pool: ProfilePool,
  ) {
    this.kinds = new Map(
      assignedTables.map((t) => {
        const lead = t.kind === 'job' ? 'NULL' : 'w.lead_id';
        // the partial index of unassigned items walks them in id order; the planner would otherwise pick the
        // (profile_id, status, due_at) index and sort every unassigned row for each batch
        const select = sqlite.prepare<[number, number], Unassigned>(`
          SELECT w.id, ${t.typeId} AS type_id, ${lead} AS lead_id, ${t.action} AS action, w.due_at, w.attempts, w.created_at
          FROM ${t.table} w INDEXED BY ${t.table}_unassigned ${t.typeJoin}
          WHERE w.status = 'pending' AND w.profile_id IS NULL AND w.id > ? AND ${t.runnable}
          ORDER BY w.id LIMIT ?`);
        return [t.kind, { table: t, select }];
      }),
    );
    // latest first: the profile that wrote to (or heard from) the lead most recently
    this.history = sqlite.prepare(`
      SELECT lead_id, profile_id FROM outreach
      WHERE lead_id IN (SELECT value FROM json_each(?)) AND profile_id IS NOT NULL
      GROUP BY lead_id, profile_id ORDER BY MAX(id) DESC`);
  }

  /** Starts a pass: forgets the previous pass's choices (they are in the store by now, or will be chosen again). */
  begin(): void {
    this.chosen = new Map();
  }

  /** Chooses profiles for up to `size` unassigned items of one kind after id `afterId`. */
  batch(kind: WorkKind, afterId: number, size: number): AssignBatch {
    const k = this.kinds.get(kind);
    if (!k) throw new Error(`${kind} items are not assigned by the planner`);
    const rows = k.select.all(afterId, size);
    const talkedTo = kind === 'outreach' ? this.profilesByLead(rows) : new Map<number, number[]>();
    const choices: Choice[] = [];
    for (const row of rows) {
      const earlier = row.lead_id === null ? [] : [...(this.chosen.get(row.lead_id) ?? []), ...(talkedTo.get(row.lead_id) ?? [])];
      const profile = this.pool.choose(kind, row.type_id, earlier);
      if (!profile) continue;
      if (row.lead_id !== null) this.chosen.set(row.lead_id, [profile.id, ...(this.chosen.get(row.lead_id) ?? [])]);
      choices.push({ kind, ord: k.table.ord, id: row.id, profileId: profile.id, action: row.action, due_at: row.due_at, attempts: row.attempts, created_at: row.created_at });
    }
    return { lastId: rows.at(-1)?.id ?? afterId, read: rows.length, choices };
  }

  private profilesByLead(rows: readonly Unassigned[]): Map<number, number[]> {
    const leads = [...new Set(rows.map((r) => r.lead_id).filter((id): id is number => id !== null))];
    const byLead = new Map<number, number[]>();
    if (leads.length === 0) return byLead;
    for (const { lead_id, profile_id } of this.history.all(JSON.stringify(leads))) {
      const list = byLead.get(lead_id) ?? [];
      list.push(profile_id);
      byLead.set(lead_id, list);
    }
    return byLead;
  }
}
