import type { Database, Statement } from 'better-sqlite3';
import type { WaitReason, WaitingItem } from '../../shared/contract/schemas/outbox';
import { toIso } from '../../shared/iso-time';
import type { WorkKind } from '../../shared/work-kind';
import type { Connectivity } from '../connectivity/connectivity';
import type { QuotaPlanner, QuotaSlot } from '../quota/quota-gate';
import { GroupPlanner, extrapolate } from './group-planner';
import { DEFAULT_HORIZON } from './planner';
import { OutboxRows, decodeCursor, encodeCursor, type OutboxRow } from './outbox-rows';
import { assignedTables } from './work-tables';

interface ProfileFacts {
  id: number;
  name: string;
  active: number;
  state: string;
  pause_reason: string | null;
  state_detail: string | null;
  deleted_at: number | null;
}

/** What the outbox is asked for. */
export interface OutboxQuery {
  readonly kind?: WorkKind;
  readonly profileId?: number;
  readonly reason?: WaitReason;
  readonly after?: string;
  readonly limit: number;
}

/** A reason, its detail and when the item is expected to run (null: it depends on someone or on the network). */
interface Verdict {
  readonly reason: WaitReason;
  readonly detail: string | null;
  readonly expectedAt: number | null;
}

/** A page of the outbox scans at most this many rows per requested item when filtering by reason. */
const SCAN_FACTOR = 20;

const domainOf = (address: string | null): string | null => (address?.includes('@') ? address.slice(address.lastIndexOf('@') + 1) : null);

/** Works out, for every waiting item, why it waits and when it should run; reads the outbox page by page. */
export class WhyWaiting {
  private readonly rows: OutboxRows;
  private readonly groups: GroupPlanner;
  private readonly profilesStmt: Statement<[], ProfileFacts>;
  private readonly neededStmts: Map<WorkKind, Statement<[], { type_id: number; code: string; live: number }>>;

  constructor(
    sqlite: Database,
    private readonly quotas: QuotaPlanner,
    private readonly connectivity: Connectivity,
    horizon = DEFAULT_HORIZON,
  ) {
    this.rows = new OutboxRows(sqlite);
    this.groups = new GroupPlanner(sqlite, quotas, horizon);
    this.profilesStmt = sqlite.prepare('SELECT id, name, active, state, pause_reason, state_detail, deleted_at FROM profiles');
    this.neededStmts = new Map(
      assignedTables.map((t) => [
        t.kind,
        sqlite.prepare(`
          SELECT l.${t.eligible?.column} AS type_id, pt.code,
            (SELECT COUNT(*) FROM profiles p WHERE p.profile_type_id = pt.id AND p.deleted_at IS NULL AND p.active = 1 AND p.state <> 'failed') AS live
          FROM ${t.eligible?.table} l JOIN profile_types pt ON pt.id = l.profile_type_id ORDER BY pt.code`),
      ]),
    );
  }

  /** One page of waiting items with their reasons; `next` continues after the last row read. */
  page(query: OutboxQuery, now: number): { items: WaitingItem[]; next: string | null } {
    let cursor = query.after === undefined ? null : decodeCursor(query.after);
    if (query.after !== undefined && cursor === null) throw new RangeError('after: not a cursor from a previous page');
    const items: WaitingItem[] = [];
    const budget = query.reason ? query.limit * SCAN_FACTOR : query.limit;
    let scanned = 0;
    for (;;) {
      const want = query.reason ? Math.min(500, budget - scanned) : query.limit - items.length;
      const rows = this.rows.read(cursor, want, query.kind, query.profileId);
      const explained = this.explain(rows, now);
      for (const [i, item] of explained.entries()) {
        if (!query.reason || item.reason === query.reason) items.push(item);
        const row = rows[i];
        if (items.length === query.limit && row) return { items, next: encodeCursor({ dueAt: row.due_at, ord: row.ord, id: row.id }) };
      }
      scanned += rows.length;
      const end = rows.at(-1);
      if (rows.length < want || !end) return { items, next: null };
      cursor = { dueAt: end.due_at, ord: end.ord, id: end.id };
      if (scanned >= budget) return { items, next: encodeCursor(cursor) };
    }
  }

  /** The reason and expected time of each row. */
  explain(rows: readonly OutboxRow[], now: number): WaitingItem[] {
    const profiles = new Map(this.profilesStmt.all().map((p) => [p.id, p]));
    const needed = this.neededTypes(rows);
    const positions = this.queuePositions(rows, now);
    return rows.map((row) => {
      const profile = row.profile_id === null ? undefined : profiles.get(row.profile_id);
      const verdict = this.verdict(row, profile, needed, positions, now);
      return {
        kind: row.kind,
        id: row.id,
        profileId: row.profile_id,
        profileName: profile?.name ?? null,
        label: row.label,
        reason: verdict.reason,
        detail: verdict.detail,
        dueAt: toIso(row.due_at),
        expectedAt: verdict.expectedAt === null ? null : toIso(verdict.expectedAt),
        attempts: row.attempts,
      };
    });
  }

  private verdict(
    row: OutboxRow,
    profile: ProfileFacts | undefined,
    needed: Map<string, { codes: string[]; live: number }>,
    positions: Map<string, { position: number; slot: QuotaSlot }>,
    now: number,
  ): Verdict {
    if (row.status === 'unknown') return { reason: 'unknown_outcome', detail: 'an earlier attempt may have happened; waiting for evidence or the operator', expectedAt: null };
    if (row.approval === 'pending' || row.approval === 'rejected') return { reason: 'not_approved', detail: row.approval === 'rejected' ? 'rejected' : null, expectedAt: null };
    if (row.profile_id === null || !profile) {
      const need = needed.get(`${row.kind}:${row.type_id}`);
      const types = need?.codes.join(', ') || 'none';
      const detail = need && need.live > 0 ? `profile types: ${types}` : `no eligible profile; needs one of: ${types}`;
      return { reason: 'not_assigned', detail, expectedAt: null };
    }
    if (profile.deleted_at !== null) return { reason: 'profile_stopped', detail: 'profile deleted', expectedAt: null };
    if (profile.state === 'failed') return { reason: 'profile_stopped', detail: `failed${profile.state_detail ? `: ${profile.state_detail}` : ''}`, expectedAt: null };
    if (profile.state === 'paused') return { reason: 'profile_paused', detail: profile.pause_reason, expectedAt: null };
    if (profile.active !== 1) return { reason: 'profile_stopped', detail: 'start it on the Profiles screen', expectedAt: null };
    if (!this.connectivity.isOnline()) return { reason: 'offline', detail: 'resumes when the network is back', expectedAt: null };
    if (row.attempts > 0 && row.due_at > now) return { reason: 'retry_backoff', detail: `attempt ${row.attempts} failed${row.error_text ? `: ${row.error_text}` : ''}`, expectedAt: row.due_at };
    if (row.action === null) return row.due_at > now ? { reason: 'scheduled', detail: null, expectedAt: row.due_at } : { reason: 'due', detail: null, expectedAt: now };
    const queued = positions.get(`${row.kind}:${row.id}`);
    const slot = queued?.slot ?? this.headSlot(row, now);
    const expected = Math.max(slot.at, row.due_at, now);
    const domain = domainOf(row.address);
    if (domain) {
      const capped = this.quotas.check(row.profile_id, row.action, expected, domain);
      if (capped.reason === 'domain_cap' && capped.allowedAt > expected) return { reason: 'domain_cap', detail: domain, expectedAt: capped.allowedAt };
    }
    if (slot.at > now && slot.at >= row.due_at) {
      const ahead = queued && queued.position > 0 ? `${queued.position} ahead on ${profile.name}` : null;
      return { reason: slot.reason ?? 'quota', detail: ahead, expectedAt: expected };
    }
    if (row.due_at > now) return { reason: 'scheduled', detail: null, expectedAt: row.due_at };
    return { reason: 'due', detail: null, expectedAt: now };
  }

  private headSlot(row: OutboxRow, now: number): QuotaSlot {
    const verdict = this.quotas.check(row.profile_id ?? 0, row.action ?? '', now);
    return { at: verdict.allowedAt, reason: verdict.reason };
  }

  private neededTypes(rows: readonly OutboxRow[]): Map<string, { codes: string[]; live: number }> {
    const needed = new Map<string, { codes: string[]; live: number }>();
    for (const kind of new Set(rows.filter((r) => r.profile_id === null).map((r) => r.kind))) {
      for (const { type_id, code, live } of this.neededStmts.get(kind)?.all() ?? []) {
        const entry = needed.get(`${kind}:${type_id}`) ?? { codes: [], live: 0 };
        entry.codes.push(code);
        entry.live += live;
        needed.set(`${kind}:${type_id}`, entry);
      }
    }
    return needed;
  }

  /** Each assigned item's place in its (profile, action) queue and the slot the quota planner gives that place. */
  private queuePositions(rows: readonly OutboxRow[], now: number): Map<string, { position: number; slot: QuotaSlot }> {
    const wanted = new Map<string, { profileId: number; action: string }>();
    for (const r of rows) {
      if (r.profile_id !== null && r.action !== null && assignedTables.some((t) => t.kind === r.kind)) {
        wanted.set(`${r.profile_id}:${r.action}`, { profileId: r.profile_id, action: r.action });
      }
    }
    const out = new Map<string, { position: number; slot: QuotaSlot }>();
    for (const group of wanted.values()) {
      const queue = this.groups.queue(group);
      const index = new Map(queue.map((q, i) => [`${q.kind}:${q.id}`, i]));
      const mine = rows.map((r) => index.get(`${r.kind}:${r.id}`)).filter((i): i is number => i !== undefined);
      if (mine.length === 0) continue;
      const n = Math.max(...mine) + 1;
      const exact = this.quotas.planSlots(group.profileId, group.action, now, Math.min(n, this.groups.horizon));
      const times = extrapolate(exact.map((e) => e.at), n, now);
      // places past the exact horizon are estimates at the rate the quota allows
      const slots = times.map((at, i): QuotaSlot => ({ at, reason: exact[i]?.reason ?? 'quota' }));
      for (const r of rows) {
        const position = index.get(`${r.kind}:${r.id}`);
        const slot = position === undefined ? undefined : slots[position];
        if (position !== undefined && slot && r.profile_id === group.profileId) out.set(`${r.kind}:${r.id}`, { position, slot });
      }
    }
    return out;
  }
}
