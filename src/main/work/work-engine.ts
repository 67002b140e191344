import type { Database } from 'better-sqlite3';
import type { WorkKind } from '../../shared/work-kind';
import type { WorkItem, WorkOutcome } from '../../shared/worker-protocol/messages';
import { alwaysOnline, type Connectivity } from '../connectivity/connectivity';
import type { EventBus } from '../event-bus';
import { openQuotaGate, type QuotaGate } from '../quota/quota-gate';
import { backoffDelay, type BackoffPolicy } from '../supervisor/backoff';
import type { ClaimCapabilities, CompleteResult, EffectVerdict, ExpiredLease, WorkSource } from '../supervisor/work-source';
import type { DueRow, KindStatements, OwnedRow } from './kind-statements';
import { isAbort, type HookContext, type OutcomeApplier, type PayloadBuilder } from './work-hooks';
import { WorkStore, type WorkChange } from './work-store';
import { formatTicket, parseTicket, type Ticket } from './work-ticket';

/** How long a worker holds an item before it is taken back (a crashed worker's items come back after this). */
export const WORK_LEASE_MS = 5 * 60_000;

/** Production retry timing for transient failures: doubling from a minute, at most six hours apart, ±25 % jitter. */
export const defaultRetry: BackoffPolicy = { baseMs: 60_000, maxMs: 6 * 3_600_000, jitter: 0.25 };

/** What the engine needs; everything but the store and the bus has a default. */
export interface WorkEngineOptions {
  readonly sqlite: Database;
  readonly bus: EventBus;
  readonly now: () => number;
  readonly leaseMs?: number;
  readonly gate?: QuotaGate;
  readonly connectivity?: Connectivity;
  readonly retry?: BackoffPolicy;
  /** Verifications of one unknown item that fail before it is left to the operator. */
  readonly maxVerifyTries?: number;
  /** Returns [0, 1): the jitter of retry delays. */
  readonly random?: () => number;
}

const rejected: CompleteResult = { accepted: false, pause: null };
const accepted: CompleteResult = { accepted: true, pause: null };

interface Candidate {
  readonly k: KindStatements;
  readonly row: DueRow;
  readonly mode: 'perform' | 'verify';
}

/** The durable work of every kind: leased to profile workers, retried with backoff, guarded by quotas, connectivity and the effect ledger. */
export class WorkEngine implements WorkSource {
  readonly store: WorkStore;
  private readonly builders = new Map<WorkKind, PayloadBuilder[]>();
  private readonly appliers = new Map<WorkKind, OutcomeApplier[]>();
  private readonly leaseMs: number;
  private readonly gate: QuotaGate;
  private readonly connectivity: Connectivity;
  private readonly retry: BackoffPolicy;
  private readonly random: () => number;
  private readonly maxVerifyTries: number;

  constructor(private readonly o: WorkEngineOptions) {
    this.store = new WorkStore(o.sqlite, o.bus);
    this.leaseMs = o.leaseMs ?? WORK_LEASE_MS;
    this.gate = o.gate ?? openQuotaGate;
    this.connectivity = o.connectivity ?? alwaysOnline;
    this.retry = o.retry ?? defaultRetry;
    this.random = o.random ?? Math.random;
    this.maxVerifyTries = o.maxVerifyTries ?? 5;
  }

  /** Adds a payload builder for a kind; builders run in registration order, each extending the last one's params. */
  onClaim(kind: WorkKind, builder: PayloadBuilder): void {
    this.builders.set(kind, [...(this.builders.get(kind) ?? []), builder]);
  }

  /** Adds an outcome applier for a kind; it runs after the item's own columns were written, in the same transaction. */
  onOutcome(kind: WorkKind, applier: OutcomeApplier): void {
    this.appliers.set(kind, [...(this.appliers.get(kind) ?? []), applier]);
  }

  claim(profileId: number, workerId: string, max: number, capabilities: ClaimCapabilities = { verify: false }): WorkItem[] {
    if (!this.connectivity.isOnline()) return [];
    const now = this.o.now();
    const changes: WorkChange[] = [];
    const items = this.o.sqlite
      .transaction(() => {
        const candidates: Candidate[] = [];
        for (const k of this.store.kinds) {
          for (const row of k.due.all(profileId, now, max)) candidates.push({ k, row, mode: 'perform' });
          if (capabilities.verify && k.dueVerify) for (const row of k.dueVerify.all(profileId, now, max)) candidates.push({ k, row, mode: 'verify' });
        }
        candidates.sort((a, b) => a.row.due_at - b.row.due_at);
        const leased: WorkItem[] = [];
        for (const c of candidates) {
          if (leased.length >= max) break;
          const item = c.mode === 'verify' ? this.leaseVerify(c, workerId, now) : this.leasePerform(c, workerId, now, changes);
          if (item) leased.push(item);
        }
        return leased;
      })
      .immediate();
    this.store.publish(changes);
    return items;
  }

  beginEffect(workerId: string, ticket: string, idempotencyKey: string): EffectVerdict {
    const t = parseTicket(ticket);
    if (!t || t.mode !== 'perform') return { accepted: false, reason: 'not a ticket of an item being performed' };
    const k = this.store.of(t.kind);
    const now = this.o.now();
    const changes: WorkChange[] = [];
    const verdict = this.o.sqlite
      .transaction((): EffectVerdict => {
        const row = k.owned.get(t.id, workerId, t.attempt);
        if (!row) return { accepted: false, reason: 'lease lost' };
        if (!k.spec.effects) return { accepted: false, reason: `${t.kind} items have no external effects` };
        const begun = this.store.ledger.begin(idempotencyKey, t.kind, t.id, row.profile_id, now);
        if (begun === 'started') return { accepted: true };
        if (begun === 'foreign') return { accepted: false, reason: 'the idempotency key belongs to another item' };
        this.store.holdUnknown(k, t.id, row.profile_id, 'an earlier attempt began this effect and never reported how it ended', now, changes);
        return { accepted: false, reason: 'an earlier attempt may already have performed this effect' };
      })
      .immediate();
    this.store.publish(changes);
    return verdict;
  }

  complete(workerId: string, ticket: string, outcome: WorkOutcome): CompleteResult {
    const t = parseTicket(ticket);
    if (!t) return rejected;
    const k = this.store.of(t.kind);
    const now = this.o.now();
    const changes: WorkChange[] = [];
    const result = this.o.sqlite
      .transaction((): CompleteResult => {
        const row = k.owned.get(t.id, workerId, t.attempt);
        if (!row) return rejected;
        const ctx = this.context(k, t.id, row.profile_id, row.type_code, now);
        return t.mode === 'verify' ? this.verified(k, t, row, outcome, ctx, changes) : this.performed(k, t, row, outcome, ctx, changes);
      })
      .immediate();
    this.store.publish(changes);
    return result;
  }

  expireLeases(asOf?: number): ExpiredLease[] {
    const now = this.o.now();
    const changes: WorkChange[] = [];
    const expired = this.o.sqlite
      .transaction(() =>
        this.store.kinds.flatMap((k) =>
          k.expired.all(asOf ?? now).map((row): ExpiredLease => {
            const { kind } = k.spec;
            const base = { kind, id: row.id, profileId: row.profile_id, owner: row.lease_owner };
            if (this.store.unknowns.get(kind, row.id) || (k.spec.effects && this.store.ledger.hasOpen(kind, row.id))) {
              this.store.holdUnknown(k, row.id, row.profile_id, 'the worker lost its lease after beginning an effect', now, changes);
              return { ...base, status: 'unknown' };
            }
            const text = 'the worker lost its lease (crashed, hung or stalled)';
            if (row.attempts >= row.max_attempts) {
              k.finish.run('failed', 'transient', text, now, now, row.id);
              changes.push({ kind, id: row.id, status: 'failed' });
              return { ...base, status: 'failed' };
            }
            k.requeue.run('transient', text, now, 0, now, row.id);
            changes.push({ kind, id: row.id, status: 'pending' });
            return { ...base, status: 'pending' };
          }),
        ),
      )
      .immediate();
    this.store.publish(changes);
    return expired;
  }

  /** Runs the kind's appliers for an outcome the store already reflects. */
  apply(ctx: HookContext, outcome: WorkOutcome): void {
    for (const applier of this.appliers.get(ctx.kind) ?? []) applier(ctx, outcome);
  }

  /** The hook context of one item. */
  context(k: KindStatements, id: number, profileId: number, typeCode: string, now: number): HookContext {
    return { sqlite: this.o.sqlite, now, kind: k.spec.kind, recordId: id, profileId, typeCode, bus: this.o.bus };
  }

  private leasePerform(c: Candidate, workerId: string, now: number, changes: WorkChange[]): WorkItem | undefined {
    const { k, row } = c;
    const { kind } = k.spec;
    if (row.quota_action !== null) {
      const verdict = this.gate.check(row.profile_id, row.quota_action, now, row.recipient_domain);
      if (verdict.allowedAt > now) {
        k.postpone.run(verdict.allowedAt, now, row.id);
        return undefined;
      }
    }
    let params = JSON.parse(row.payload) as Record<string, unknown>;
    const builders = this.builders.get(kind) ?? [];
    const ctx = this.context(k, row.id, row.profile_id, row.type_code, now);
    try {
      // A savepoint: a builder that throws leaves nothing behind but the item's failure.
      const built = builders.length === 0 ? params : this.o.sqlite.transaction(() => {
        for (const builder of builders) {
          const next = builder(ctx, params);
          if (isAbort(next)) return next;
          params = next;
        }
        return params;
      })();
      if (isAbort(built)) {
        k.finish.run('aborted', 'policy', built.abort, now, now, row.id);
        changes.push({ kind, id: row.id, status: 'aborted' });
        return undefined;
      }
    } catch (error) {
      k.finish.run('failed', 'permanent', `preparing the item failed: ${error instanceof Error ? error.message : String(error)}`, now, now, row.id);
      changes.push({ kind, id: row.id, status: 'failed' });
      return undefined;
    }
    if (row.quota_action !== null) this.gate.record(row.profile_id, row.quota_action, now, { kind, id: row.id }, row.recipient_domain);
    const expiresAt = now + this.leaseMs;
    if (k.lease.run(workerId, expiresAt, now, now, row.id).changes === 0) return undefined;
    changes.push({ kind, id: row.id, status: 'running' });
    return this.item(c, row.attempts + 1, params, expiresAt);
  }

  private leaseVerify(c: Candidate, workerId: string, now: number): WorkItem | undefined {
    const expiresAt = now + this.leaseMs;
    if (c.k.leaseVerify.run(workerId, expiresAt, now, c.row.id).changes === 0) return undefined;
    return this.item(c, c.row.attempts, JSON.parse(c.row.payload) as Record<string, unknown>, expiresAt);
  }

  private item(c: Candidate, attempt: number, params: Record<string, unknown>, leaseExpiresAt: number): WorkItem {
    const { row } = c;
    const kind = c.k.spec.kind;
    return {
      ticket: formatTicket({ kind, id: row.id, attempt, mode: c.mode }),
      kind,
      recordId: row.id,
      typeCode: row.type_code,
      attempt,
      idempotencyKey: row.idempotency_key,
      target: row.lead_id !== null ? { kind: 'lead', id: row.lead_id } : row.company_id !== null ? { kind: 'company', id: row.company_id } : null,
      params,
      mode: c.mode,
      leaseExpiresAt,
    };
  }

  private performed(k: KindStatements, t: Ticket, row: OwnedRow, outcome: WorkOutcome, ctx: HookContext, changes: WorkChange[]): CompleteResult {
    const { kind } = k.spec;
    const now = ctx.now;
    if (outcome.outcome === 'verified') {
      return this.failed(k, t, row, { outcome: 'failed', errorKind: 'permanent', errorText: 'the worker answered a verification to an item it was to perform', effects: [] }, ctx, changes);
    }
    if (k.spec.effects) for (const effect of outcome.effects) this.store.ledger.record(effect, kind, t.id, row.profile_id, now);
    if (k.spec.effects && this.store.ledger.hasOpen(kind, t.id)) {
      const note = outcome.outcome === 'failed' ? outcome.errorText : 'an effect ended without a known outcome';
      this.store.holdUnknown(k, t.id, row.profile_id, note, now, changes);
      if (outcome.outcome !== 'failed') return accepted;
      k.writeSnapshot(t.id, outcome.snapshot);
      // A warning page right after the click: the effect stays unknown and the profile still pauses for the operator.
      return outcome.pause ? { accepted: true, pause: { reason: outcome.pause, detail: outcome.errorText } } : accepted;
    }
    if (outcome.outcome === 'failed') return this.failed(k, t, row, outcome, ctx, changes);
    k.finish.run('performed', null, null, now, now, t.id);
    k.writeResult(t.id, outcome.output, outcome.hit);
    this.store.succeeded(row.profile_id, now);
    changes.push({ kind, id: t.id, status: 'performed' });
    this.apply(ctx, outcome);
    return accepted;
  }

  private failed(
    k: KindStatements,
    t: Ticket,
    row: OwnedRow,
    outcome: Extract<WorkOutcome, { outcome: 'failed' }>,
    ctx: HookContext,
    changes: WorkChange[],
  ): CompleteResult {
    const { kind } = k.spec;
    const now = ctx.now;
    if (outcome.network) {
      this.connectivity.reportNetworkFailure(row.profile_id);
      if (!this.connectivity.isOnline()) {
        // Not the item's fault: it waits for the network without losing the attempt.
        k.requeue.run('transient', outcome.errorText, now, 1, now, t.id);
        changes.push({ kind, id: t.id, status: 'pending' });
        return accepted;
      }
    }
    k.writeSnapshot(t.id, outcome.snapshot);
    if (outcome.pause) {
      // The site or server wants the operator: the item waits for the resumed profile without losing the attempt.
      k.requeue.run('transient', outcome.errorText, now, 1, now, t.id);
      changes.push({ kind, id: t.id, status: 'pending' });
      return { accepted: true, pause: { reason: outcome.pause, detail: outcome.errorText } };
    }
    const final = outcome.errorKind !== 'transient' || row.attempts >= row.max_attempts;
    if (final) {
      const status = outcome.errorKind === 'policy' ? 'aborted' : 'failed';
      k.finish.run(status, outcome.errorKind, outcome.errorText, now, now, t.id);
      changes.push({ kind, id: t.id, status });
    } else {
      const dueAt = now + backoffDelay(this.retry, row.attempts, this.random);
      k.requeue.run('transient', outcome.errorText, dueAt, 0, now, t.id);
      changes.push({ kind, id: t.id, status: 'pending' });
    }
    this.apply(ctx, outcome);
    const streak = outcome.errorKind !== 'policy' && this.store.failedAgain(row.profile_id, now);
    const capped = streak || (final && this.gate.failureCapReached(row.profile_id, now));
    return { accepted: true, pause: capped ? { reason: 'failure_cap', detail: outcome.errorText } : null };
  }

  private verified(k: KindStatements, t: Ticket, row: OwnedRow, outcome: WorkOutcome, ctx: HookContext, changes: WorkChange[]): CompleteResult {
    const { kind } = k.spec;
    const now = ctx.now;
    const { ledger, unknowns } = this.store;
    if (outcome.outcome === 'verified' && outcome.happened === true) {
      ledger.close(kind, t.id, 'succeeded', outcome.externalRef, now);
      unknowns.clear(kind, t.id);
      k.finish.run('performed', null, null, now, now, t.id);
      changes.push({ kind, id: t.id, status: 'performed' });
      this.apply(ctx, outcome);
      return accepted;
    }
    if (outcome.outcome === 'verified' && outcome.happened === false) {
      // It did not happen: the ledger row is closed as failed so the next attempt may begin the effect again.
      ledger.close(kind, t.id, 'failed', null, now);
      unknowns.clear(kind, t.id);
      k.requeue.run('transient', 'verified: the earlier attempt had no effect', now, 0, now, t.id);
      changes.push({ kind, id: t.id, status: 'pending' });
      return accepted;
    }
    k.unknown.run(null, now, t.id);
    changes.push({ kind, id: t.id, status: 'unknown' });
    const tries = (unknowns.get(kind, t.id)?.verify_tries ?? 0) + 1;
    if (outcome.outcome === 'verified') {
      unknowns.triedOnce(kind, t.id, 'operator', now, 'the channel cannot tell whether the effect happened', now);
    } else {
      const note = outcome.outcome === 'failed' ? `verification failed: ${outcome.errorText}` : 'the worker performed an item it was to verify';
      const state = tries >= this.maxVerifyTries ? 'operator' : 'verify';
      unknowns.triedOnce(kind, t.id, state, now + backoffDelay(this.retry, tries, this.random), note, now);
    }
    return accepted;
  }
}
