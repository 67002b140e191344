import type { WorkKind } from '../../shared/work-kind';
import { toIso, toIsoOrNull } from '../../shared/iso-time';
import type { WorkItemView, WorkStatus } from '../../shared/contract/schemas/work-items';
import type { WorkEngine } from './work-engine';
import type { WorkChange } from './work-store';

/** The operator asked for something the item's status does not allow. */
export class WorkConflict extends Error {
  override readonly name = 'WorkConflict';
}

/** What the operator may do to one item: look at it, settle an unknown outcome, retry it, cancel it. */
export class WorkOperator {
  constructor(
    private readonly engine: WorkEngine,
    private readonly now: () => number,
  ) {}

  /** The item with its ledger and unknown-outcome state; undefined when there is no such item. */
  get(kind: WorkKind, id: number): WorkItemView | undefined {
    const { store } = this.engine;
    const row = store.of(kind).row.get(id);
    if (!row) return undefined;
    const unknown = store.unknowns.get(kind, id);
    return {
      kind,
      id,
      profileId: row.profile_id,
      status: row.status as WorkStatus,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      errorKind: row.error_kind as WorkItemView['errorKind'],
      errorText: row.error_text,
      dueAt: toIso(row.due_at),
      leaseOwner: row.lease_owner,
      leaseExpiresAt: toIsoOrNull(row.lease_expires_at),
      startedAt: toIsoOrNull(row.started_at),
      finishedAt: toIsoOrNull(row.finished_at),
      unknown: unknown ? { state: unknown.state, verifyTries: unknown.verify_tries, note: unknown.note } : null,
      ledger: store.ledger.rows(kind, id).map((l) => ({
        idempotencyKey: l.idempotency_key,
        outcome: l.outcome,
        externalRef: l.external_ref,
        startedAt: toIso(l.started_at),
        finishedAt: toIsoOrNull(l.finished_at),
      })),
    };
  }

  /** Settles an item of unknown outcome: it happened (performed, ledger succeeded) or it did not (pending again, its effect may be retried). */
  resolveUnknown(kind: WorkKind, id: number, decision: 'happened' | 'not_happened'): WorkItemView | undefined {
    return this.change(kind, id, ['unknown'], (now) => {
      const { store } = this.engine;
      const k = store.of(kind);
      store.unknowns.clear(kind, id);
      if (decision === 'happened') {
        store.ledger.close(kind, id, 'succeeded', null, now);
        k.finish.run('performed', null, null, now, now, id);
        const owner = k.owner.get(id);
        if (owner) this.engine.apply(this.engine.context(k, id, owner.profile_id, owner.type_code, now), { outcome: 'verified', happened: true, externalRef: null });
        return 'performed';
      }
      store.ledger.close(kind, id, 'failed', null, now);
      k.requeue.run('transient', 'the operator found that the effect did not happen', now, 0, now, id);
      return 'pending';
    });
  }

  /** Gives a failed, aborted or canceled item one more attempt, due now. */
  retry(kind: WorkKind, id: number): WorkItemView | undefined {
    return this.change(kind, id, ['failed', 'aborted', 'canceled'], (now) => {
      this.engine.store.of(kind).operatorRetry.run(now, now, id);
      return 'pending';
    });
  }

  /** Cancels an item that has not finished; a worker still on it loses its lease, so its late result is refused. */
  cancel(kind: WorkKind, id: number): WorkItemView | undefined {
    return this.change(kind, id, ['pending', 'running', 'unknown'], (now) => {
      this.engine.store.unknowns.clear(kind, id);
      this.engine.store.of(kind).finish.run('canceled', null, 'canceled by the operator', now, now, id);
      return 'canceled';
    });
  }

  private change(kind: WorkKind, id: number, from: readonly WorkStatus[], run: (now: number) => WorkStatus): WorkItemView | undefined {
    const { store } = this.engine;
    const now = this.now();
    const changes: WorkChange[] = [];
    const found = store.sqlite
      .transaction(() => {
        const row = store.of(kind).row.get(id);
        if (!row) return false;
        if (!from.includes(row.status as WorkStatus)) {
          throw new WorkConflict(`status: the ${kind} ${id} is ${row.status}; this needs ${from.join(' or ')}`);
        }
        changes.push({ kind, id, status: run(now) });
        return true;
      })
      .immediate();
    store.publish(changes);
    return found ? this.get(kind, id) : undefined;
  }
}
