import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../../shared/clock';
import type { ProfileQuotaUsage } from '../../shared/contract/schemas/quotas';
import type { WorkKind } from '../../shared/work-kind';
import type { EventBus } from '../event-bus';
import { actionRules } from './action-rules';
import { ArrayUseHistory } from './array-use-history';
import { ChangeNotifier } from './change-notifier';
import { evaluate } from './evaluate';
import { FailureCounts } from './failure-counts';
import { PolicySource } from './policy-source';
import type { QuotaPlanner, QuotaRecipient, QuotaSlot, QuotaVerdict } from './quota-gate';
import { describeUsage } from './quota-usage';
import { SqlUseHistory } from './sql-use-history';

const DAY_MS = 86_400_000;

/** The domain part of an address or domain, lower-case; null when there is none. */
export function recipientDomainOf(value: string | null | undefined): string | null {
  const domain = value?.slice(value.lastIndexOf('@') + 1).trim().toLowerCase();
  return domain ? domain : null;
}

/** The real quota gate: policies from the catalogue and profiles, uses in quota_uses, all reads through cached statements. */
export class StoreQuotaGate implements QuotaPlanner {
  private readonly policies: PolicySource;
  private readonly history: SqlUseHistory;
  private readonly failures: FailureCounts;
  private readonly notifier: ChangeNotifier;
  private readonly insert: Statement<[number, string, number, WorkKind, number, string | null]>;
  private readonly liveIds: Statement<[], number>;

  constructor(sqlite: Database, bus: EventBus, clock: Clock) {
    this.policies = new PolicySource(sqlite);
    this.history = new SqlUseHistory(sqlite);
    this.failures = new FailureCounts(sqlite);
    this.notifier = new ChangeNotifier(bus, clock);
    this.insert = sqlite.prepare(
      'INSERT INTO quota_uses (profile_id, action, used_at, work_kind, work_id, recipient_domain) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.liveIds = sqlite.prepare<[], number>('SELECT id FROM profiles WHERE deleted_at IS NULL ORDER BY id').pluck();
  }

  check(profileId: number, action: string, now: number, recipientDomain?: string | null, recipientTimezone?: string | null): QuotaVerdict {
    const entry = this.policies.get(profileId);
    if (!entry) return { allowedAt: now, reason: null };
    const rules = actionRules(entry, action, recipientTimezone ?? entry.policy.timezone);
    return evaluate(rules, this.history.at(profileId, action), now, recipientDomainOf(recipientDomain));
  }

  record(profileId: number, action: string, now: number, work: { kind: WorkKind; id: number }, recipientDomain?: string | null): void {
    this.insert.run(profileId, action, now, work.kind, work.id, recipientDomainOf(recipientDomain));
    this.notifier.touch(profileId);
  }

  failureCapReached(profileId: number, now: number): boolean {
    const entry = this.policies.get(profileId);
    if (!entry) return false;
    const { dailyFailedCap, dailyAbortedCap } = entry.policy;
    if (dailyFailedCap === null && dailyAbortedCap === null) return false;
    const today = this.failures.since(profileId, entry.day.startOf(now));
    return (dailyFailedCap !== null && today.failed >= dailyFailedCap) || (dailyAbortedCap !== null && today.aborted >= dailyAbortedCap);
  }

  planSlots(profileId: number, action: string, from: number, n: number, recipient: QuotaRecipient = {}): QuotaSlot[] {
    const entry = this.policies.get(profileId);
    if (!entry) return Array.from({ length: n }, () => ({ at: from, reason: null }));
    const rules = actionRules(entry, action, recipient.timezone ?? entry.policy.timezone);
    const domain = recipientDomainOf(recipient.domain);
    const lookBack = Math.max(DAY_MS, (rules.quota?.windowSeconds ?? 0) * 1000);
    const sql = this.history.at(profileId, action);
    const planned = new ArrayUseHistory(sql.usesAfter(from - lookBack), sql.last(), domain, domain ? sql.domainUsesAfter(domain, from - DAY_MS) : []);
    const slots: QuotaSlot[] = [];
    let t = from;
    for (let i = 0; i < n; i++) {
      const verdict = evaluate(rules, planned, t, domain);
      slots.push({ at: verdict.allowedAt, reason: verdict.reason });
      planned.add(verdict.allowedAt);
      t = verdict.allowedAt;
    }
    return slots;
  }

  /** One profile's usage, or every live profile's when no id is given. */
  usage(now: number, profileId?: number): ProfileQuotaUsage[] {
    const items: ProfileQuotaUsage[] = [];
    for (const id of profileId === undefined ? this.liveIds.all() : [profileId]) {
      const entry = this.policies.get(id);
      if (entry) items.push(describeUsage(entry, this.history, this.failures.since(id, entry.day.startOf(now)), now));
    }
    return items;
  }

  /** Stops the pending change notice (at shutdown). */
  close(): void {
    this.notifier.close();
  }
}
