import type { Database } from 'better-sqlite3';
import type { EventBus } from '../event-bus';
import { yieldToEventLoop } from '../loops/yield-to-event-loop';
import { advanceEnrollment, type Advance, type AdvanceContext } from './advance-enrollment';
import { readSendingCalendar } from './sending-calendar';
import { SequenceStatements } from './sequence-statements';
import { waitingApprovals } from './waiting-approvals';

/** Counts of one pass by outcome. */
export type PassCounts = Record<Advance, number> & { woken: number };

const BATCH = 500;

/**
 * Advances due enrollments in batches (one transaction each, yielding between): follow-ups first, then first steps
 * of new leads. Acceptances that arrived since the last pass wake enrollments waiting on an invitation.
 */
export class SequenceRunner {
  private readonly st: SequenceStatements;
  private acceptedCursor: number | null = null;

  constructor(
    private readonly sqlite: Database,
    private readonly bus: EventBus | null,
  ) {
    this.st = new SequenceStatements(sqlite);
  }

  /** One pass at time `now`. */
  async pass(now: number): Promise<PassCounts> {
    const counts: PassCounts = { waiting: 0, created: 0, skipped: 0, completed: 0, stopped: 0, woken: this.wakeAccepted(now) };
    const calendar = readSendingCalendar(this.sqlite);
    const awaitingApproval: number[] = [];
    for (const due of [this.st.dueFollowUps, this.st.dueFirst]) {
      // Every outcome moves the row past `now`, ends it, or moves it to a later step, so the batches run out.
      for (;;) {
        const ctx: AdvanceContext = { sqlite: this.sqlite, st: this.st, calendar, now, sequences: new Map(), awaitingApproval };
        const handled = this.sqlite.transaction(() => {
          const rows = due.all(now, BATCH);
          for (const row of rows) counts[advanceEnrollment(ctx, row)] += 1;
          return rows.length;
        })();
        if (handled === 0) break;
        await yieldToEventLoop();
      }
    }
    if (this.bus && counts.created + counts.skipped + counts.completed + counts.stopped > 0) {
      this.bus.emit('sequences.changed', { reason: 'advanced', sequenceId: null });
    }
    if (this.bus && awaitingApproval.length > 0) this.bus.emit('approvals.changed', { waiting: waitingApprovals(this.sqlite) });
    return counts;
  }

  /** Makes enrollments of leads that accepted an invitation since the last pass due now, so a branch decides at once. */
  private wakeAccepted(now: number): number {
    if (this.acceptedCursor === null) {
      // Acceptances before the loop started are seen when a waiting branch reaches its deadline.
      this.acceptedCursor = this.st.maxOutreachId.get()?.id ?? 0;
      return 0;
    }
    let woken = 0;
    for (;;) {
      const rows = this.st.newAcceptances.all(this.acceptedCursor, BATCH);
      if (rows.length === 0) return woken;
      this.sqlite.transaction(() => {
        for (const r of rows) woken += this.st.wake.run({ now, lead: r.lead_id }).changes;
      })();
      this.acceptedCursor = rows.at(-1)?.id ?? this.acceptedCursor;
    }
  }
}
