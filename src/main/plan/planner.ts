import type { Database } from 'better-sqlite3';
import type { Connectivity } from '../connectivity/connectivity';
import { BatchSizer, type BatchSizerSpec } from '../loops/batch-sizer';
import { withBulkPragmas } from '../loops/bulk-pragmas';
import { yieldToEventLoop } from '../loops/yield-to-event-loop';
import type { QuotaPlanner } from '../quota/quota-gate';
import { Assigner, type Choice, type GroupKey } from './assigner';
import { CheckCreator } from './check-creator';
import { GroupPlanner, keepTime, type Move } from './group-planner';
import { JobCreator } from './job-creator';
import { ProfilePool } from './profile-pool';
import { assignedTables } from './work-tables';

/** What one plan pass did. */
export interface PlanPassResult {
  readonly inboxChecks: number;
  readonly connectionChecks: number;
  readonly jobs: number;
  readonly assigned: number;
  /** Items given a new due time. */
  readonly moved: number;
  /** Of those, items whose due time had already passed (missed while offline, asleep or paused), and where they went. */
  readonly caughtUp: { readonly items: number; readonly firstAt: number | null; readonly lastAt: number | null };
}

/** Tuning of the planner. */
export interface PlannerOptions {
  /** An item due this long ago that has not run was missed, and its queue is planned again (default 5 minutes). */
  readonly missedMs?: number;
  /** Places of a queue given exact slots; later places are estimated at the same rate (default 250: a week of a mailbox). */
  readonly horizon?: number;
  /** Sizes of the transactions a pass runs in (default about 50 ms each). */
  readonly batch?: BatchSizerSpec;
}

/** How a pass is run: `catchUp` re-plans every queue with anything due (after a reconnect or a wake). */
export interface PassOptions {
  readonly catchUp?: boolean;
}

/** Exact slots per queue and pass; enough for a mailbox's week, cheap enough to re-plan every queue each pass. */
export const DEFAULT_HORIZON = 250;

const defaultBatch: BatchSizerSpec = { targetMs: 50, initial: 2_000, min: 100, max: 50_000 };

const groupKey = (g: GroupKey): string => `${g.profileId}:${g.action}`;

/**
 * The plan loop's work: due checks and jobs, assignment of approved items to eligible profiles, and due times from
 * the quota planner; an assigned item is written once, with its profile and its time. Runs in transactions of about
 * `batch.targetMs`, yielding to the event loop between them.
 */
export class Planner {
  private readonly checks: CheckCreator;
  private readonly jobs: JobCreator;
  private readonly pool: ProfilePool;
  private readonly assigner: Assigner;
  private readonly groups: GroupPlanner;
  private readonly missedMs: number;
  private readonly readSizer: BatchSizer;
  private readonly writeSizer: BatchSizer;

  constructor(
    private readonly sqlite: Database,
    quotas: QuotaPlanner,
    private readonly connectivity: Connectivity,
    options: PlannerOptions = {},
  ) {
    this.checks = new CheckCreator(sqlite);
    this.jobs = new JobCreator(sqlite);
    this.pool = new ProfilePool(sqlite);
    this.assigner = new Assigner(sqlite, this.pool);
    this.groups = new GroupPlanner(sqlite, quotas, options.horizon ?? DEFAULT_HORIZON);
    this.missedMs = options.missedMs ?? 5 * 60_000;
    this.readSizer = new BatchSizer(options.batch ?? defaultBatch);
    this.writeSizer = new BatchSizer(options.batch ?? defaultBatch);
  }

  /** One pass at time `now`. */
  async pass(now: number, options: PassOptions = {}): Promise<PlanPassResult> {
    const created = this.sqlite.transaction(() => ({ checks: this.checks.create(now), jobs: this.jobs.create(now) }))();
    await yieldToEventLoop();
    const choices = await this.chooseProfiles();
    const moves = await this.planMoves(choices, now, options.catchUp === true);
    await withBulkPragmas(this.sqlite, () => this.write(moves, now));
    let caught = 0;
    let firstAt: number | null = null;
    let lastAt: number | null = null;
    for (const m of moves) {
      if (m.from >= now || m.to === m.from) continue;
      caught += 1;
      firstAt = Math.min(firstAt ?? m.to, m.to);
      lastAt = Math.max(lastAt ?? m.to, m.to);
    }
    return {
      inboxChecks: created.checks.inbox,
      connectionChecks: created.checks.connection,
      jobs: created.jobs,
      assigned: choices.length,
      moved: moves.filter((m) => m.to !== m.from).length,
      caughtUp: { items: caught, firstAt, lastAt },
    };
  }

  /** Reads unassigned items in keyset batches and chooses their profiles (nothing is written yet). */
  private async chooseProfiles(): Promise<Choice[]> {
    this.pool.invalidate();
    this.assigner.begin();
    const choices: Choice[] = [];
    for (const { kind } of assignedTables) {
      for (let after = 0; ; ) {
        let requested = 0;
        const batch = this.readSizer.timed(
          (size) => {
            requested = size;
            return this.assigner.batch(kind, after, size);
          },
          (b) => b.read,
        );
        for (const c of batch.choices) choices.push(c);
        after = batch.lastId;
        if (batch.read < requested) break;
        await yieldToEventLoop();
      }
    }
    return choices;
  }

  /**
   * Due times for the queues that gained items or hold missed ones (all with anything due on a catch-up). Offline,
   * nothing runs, so planning would only push times around: new items keep their time and the reconnect re-plans.
   */
  private async planMoves(choices: readonly Choice[], now: number, catchUp: boolean): Promise<Move[]> {
    const online = this.connectivity.isOnline();
    const byGroup = new Map<string, { group: GroupKey; newcomers: Choice[] }>();
    const moves: Move[] = [];
    for (const c of choices) {
      if (!online || c.action === null) {
        moves.push(keepTime(c));
        continue;
      }
      const group = { profileId: c.profileId, action: c.action };
      const entry = byGroup.get(groupKey(group)) ?? { group, newcomers: [] };
      entry.newcomers.push(c);
      byGroup.set(groupKey(group), entry);
    }
    if (online) {
      for (const group of this.groups.staleGroups(catchUp ? now + 1 : now - this.missedMs)) {
        if (!byGroup.has(groupKey(group))) byGroup.set(groupKey(group), { group, newcomers: [] });
      }
    }
    for (const { group, newcomers } of byGroup.values()) {
      for (const m of this.groups.plan(group, now, newcomers)) moves.push(m);
      await yieldToEventLoop();
    }
    return moves;
  }

  /** Writes moves in row order (queues interleave across the table; row order touches each page once), in transactions of about the target time. */
  private async write(unordered: readonly Move[], now: number): Promise<void> {
    const moves = [...unordered].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id - b.id));
    for (let at = 0; at < moves.length; ) {
      const chunk = moves.slice(at, at + this.writeSizer.size);
      this.writeSizer.timed(
        () => this.sqlite.transaction(() => this.groups.apply(chunk, now))(),
        () => chunk.length,
      );
      at += chunk.length;
      await yieldToEventLoop();
    }
  }
}
