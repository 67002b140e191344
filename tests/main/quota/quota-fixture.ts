import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { EventBus } from '../../../src/main/event-bus';
import { StoreQuotaGate } from '../../../src/main/quota/store-quota-gate';
import { openStore, type Store } from '../../../src/main/store/store';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';

/** A real store with one gate over it, closed when the test ends. */
export interface QuotaFixture {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: ManualClock;
  readonly gate: StoreQuotaGate;
  /** Adds a profile of a catalogue type with its own quotas/policy, created at `createdAt`. */
  profile(typeCode: string, own?: { quotas?: object; policy?: object; createdAt?: number }): number;
  /** Sets an operator setting (JSON value). */
  setting(key: string, value: unknown): void;
}

/** Opens a fresh store in a temp dir with a gate on a manual clock. */
export function quotaFixture(start = Date.UTC(2026, 0, 5, 0, 0, 0)): QuotaFixture {
  const clock = new ManualClock(start);
  const store = openStore(join(tempDir(), 'outpost.db'), () => clock.now());
  const bus = new EventBus();
  const gate = new StoreQuotaGate(store.sqlite, bus, clock);
  onTestFinished(async () => {
    gate.close();
    await store.close();
  });
  let seq = 0;
  return {
    store,
    bus,
    clock,
    gate,
    profile(typeCode, own = {}) {
      const at = own.createdAt ?? start - 365 * 86_400_000;
      const info = store.sqlite
        .prepare(
          `INSERT INTO profiles (profile_type_id, name, quotas, policy, active, state, created_at, updated_at)
           SELECT id, ?, ?, ?, 0, 'idle', ?, ? FROM profile_types WHERE code = ?`,
        )
        .run(`${typeCode} ${++seq}`, JSON.stringify(own.quotas ?? {}), JSON.stringify(own.policy ?? {}), at, at, typeCode);
      if (info.changes !== 1) throw new Error(`no profile type ${typeCode}`);
      return Number(info.lastInsertRowid);
    },
    setting(key, value) {
      store.sqlite
        .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
        .run(key, JSON.stringify(value), clock.now());
    },
  };
}

/** Asks the gate every `stepMs` from `from` to `until` (attempt i goes to `recipient(i)`) and records each allowed use; returns their times. */
export function simulate(
  gate: StoreQuotaGate,
  profileId: number,
  action: string,
  from: number,
  until: number,
  stepMs: number,
  recipient: (attempt: number) => string | null = () => null,
): number[] {
  const uses: number[] = [];
  let id = 1;
  for (let t = from, attempt = 0; t < until; t += stepMs, attempt++) {
    const to = recipient(attempt);
    if (gate.check(profileId, action, t, to).allowedAt <= t) {
      gate.record(profileId, action, t, { kind: 'outreach', id: id++ }, to);
      uses.push(t);
    }
  }
  return uses;
}

/** The most uses inside any rolling window of `windowMs` ending at a use. */
export function maxInWindow(uses: readonly number[], windowMs: number): number {
  let most = 0;
  let lo = 0;
  for (let hi = 0; hi < uses.length; hi++) {
    while ((uses[lo] as number) <= (uses[hi] as number) - windowMs) lo++;
    most = Math.max(most, hi - lo + 1);
  }
  return most;
}
