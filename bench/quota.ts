// Quota gate: checks per second (allowed, held by the window, with a recipient domain) and planSlots, against the raw
// rolling-window COUNT query on the same database as baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../src/main/event-bus';
import { StoreQuotaGate } from '../src/main/quota/store-quota-gate';
import { openStore } from '../src/main/store/store';
import { systemClock } from '../src/shared/clock';
import { report } from './measure';

const PROFILES = 20;
const HISTORY_DAYS = 60;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 7, 10); // a Wednesday, inside the default Mon-Fri 08-18 schedule

/** Calls per second of `fn` over about `ms` milliseconds, 500 calls at a time, each batch through `batch` (e.g. one transaction). */
function perSecond(fn: (i: number) => void, batch: (run: () => void) => void = (run) => run(), ms = 1000): number {
  for (let i = 0; i < 1000; i++) fn(i);
  const start = process.hrtime.bigint();
  let calls = 0;
  while (Number(process.hrtime.bigint() - start) / 1e6 < ms) {
    batch(() => {
      for (let i = 0; i < 500; i++) fn(calls++);
    });
  }
  return calls / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Runs the quota benchmark and prints its figures. */
export function benchQuota(): void {
  console.log(`quota gate (${PROFILES} profiles, ${HISTORY_DAYS} days of history at 40 emails a day each)`);
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-quota-'));
  const store = openStore(join(dir, 'outpost.db'), () => NOW);
  const gate = new StoreQuotaGate(store.sqlite, new EventBus(), systemClock);
  try {
    const created = NOW - 400 * DAY;
    const insertProfile = store.sqlite.prepare(
      "INSERT INTO profiles (profile_type_id, name, created_at, updated_at) SELECT id, ?, ?, ? FROM profile_types WHERE code = 'gmail'",
    );
    const use = store.sqlite.prepare("INSERT INTO quota_uses (profile_id, action, used_at, recipient_domain) VALUES (?, 'email', ?, ?)");
    store.sqlite.transaction(() => {
      for (let p = 1; p <= PROFILES; p++) {
        insertProfile.run(`mailbox ${p}`, created, created);
        // even profiles have 20 uses in the current window (room left), odd ones 40 (full: the check looks up when one leaves)
        for (let d = HISTORY_DAYS; d >= 1; d--) for (let k = 0; k < 40; k++) use.run(p, NOW - d * DAY + k * 600_000, `d${k % 7}.example`);
        for (let k = 0; k < (p % 2 === 0 ? 20 : 40); k++) use.run(p, NOW - 20 * 3_600_000 + k * 600_000, `d${k % 7}.example`);
      }
    })();

    const count = store.sqlite.prepare<[number, string, number], number>('SELECT COUNT(*) FROM quota_uses WHERE profile_id = ? AND action = ? AND used_at > ?').pluck();
    const rawCount = (i: number) => count.get(1 + (i % PROFILES), 'email', NOW - DAY);
    const inTransaction = (run: () => void) => store.sqlite.transaction(run)();
    const baseline = { name: 'raw COUNT', value: perSecond(rawCount) };
    report('raw window COUNT query', baseline.value, 'queries/s');
    const mixed = (i: number) => gate.check(1 + (i % PROFILES), 'email', NOW + (i % 1000));
    report('check, half allowed and half held by the window', perSecond(mixed), 'checks/s', baseline);
    const batched = { name: 'raw COUNT in a transaction', value: perSecond(rawCount, inTransaction) };
    report('raw window COUNT query, 500 per transaction', batched.value, 'queries/s');
    report('check, the same mix, 500 per transaction', perSecond(mixed, inTransaction), 'checks/s', batched);
    const allowed = perSecond((i) => gate.check(2 * (1 + (i % (PROFILES / 2))), 'email', NOW + (i % 1000)));
    report('check, allowed', allowed, 'checks/s', baseline);
    const domain = perSecond((i) => gate.check(2 * (1 + (i % (PROFILES / 2))), 'email', NOW + (i % 1000), `lead@d${i % 7}.example`));
    report('check with a recipient domain', domain, 'checks/s', baseline);
    const night = perSecond((i) => gate.check(2 * (1 + (i % (PROFILES / 2))), 'email', NOW + 10 * 3_600_000 + (i % 1000)));
    report('check outside the schedule', night, 'checks/s', baseline);
    const plans = perSecond((i) => gate.planSlots(1 + (i % PROFILES), 'email', NOW, 100));
    report('planSlots of 100 slots', plans, 'plans/s');
    report('  i.e. planned slots', plans * 100, 'slots/s', baseline);
  } finally {
    gate.close();
    store.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchQuota();
