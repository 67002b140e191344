import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alwaysOnline } from '../src/main/connectivity/connectivity';
import { EventBus } from '../src/main/event-bus';
import { Planner } from '../src/main/plan/planner';
import { StoreQuotaGate } from '../src/main/quota/store-quota-gate';
import { openStore } from '../src/main/store/store';
import { systemClock } from '../src/shared/clock';
import { report } from './measure';

const ITEMS = Number(process.env.BENCH_PLAN_ITEMS ?? 100_000);
const PROFILES = 20;
/** Leads that already heard from a profile, so their new outreach must stay on it. */
const STICKY_SHARE = 0.2;
const YEAR_MS = 365 * 86_400_000;

function seed(db: ReturnType<typeof openStore>['sqlite'], now: number): number[] {
  const types = ['gmail', 'microsoft365', 'smtp_imap'];
  const profile = db.prepare(
    "INSERT INTO profiles (profile_type_id, name, active, state, created_at, updated_at) VALUES ((SELECT id FROM profile_types WHERE code = ?), ?, 1, 'idle', ?, ?)",
  );
  const lead = db.prepare('INSERT INTO leads (email, email_norm, created_at, updated_at) VALUES (?, ?, 0, 0)');
  const outreach = db.prepare(`
    INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, lead_address, subject, body, approval, idempotency_key, status, due_at, created_at, updated_at)
    VALUES ((SELECT id FROM outreach_types WHERE code = 'email'), 'outgoing', ?, ?, ?, 'Hi', 'Hello', 'approved', ?, ?, ?, ?, ?)`);
  return db.transaction(() => {
    const ids = Array.from({ length: PROFILES }, (_, i) => Number(profile.run(types[i % types.length], `mailbox ${i}`, now - YEAR_MS, now).lastInsertRowid));
    for (let i = 0; i < ITEMS; i++) {
      const email = `lead${i}@company${i % 5_000}.test`;
      const leadId = Number(lead.run(email, email).lastInsertRowid);
      if (i < ITEMS * STICKY_SHARE) outreach.run(leadId, ids[i % PROFILES], email, `old-${i}`, 'performed', now - YEAR_MS, now - YEAR_MS, now - YEAR_MS);
      outreach.run(leadId, null, email, `new-${i}`, 'pending', now, now, now);
    }
    return ids;
  })();
}

/** One plan pass over 100,000 due, approved, unassigned emails across 20 mailboxes, against one raw UPDATE doing the same writes. */
export async function benchPlan(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-plan-'));
  const store = openStore(join(dir, 'outpost.db'));
  const quotas = new StoreQuotaGate(store.sqlite, new EventBus(), systemClock);
  try {
    const db = store.sqlite;
    const now = Date.UTC(2026, 10, 23, 9, 0);
    const profiles = seed(db, now);
    const reset = () => db.prepare("UPDATE outreach SET profile_id = NULL, due_at = ? WHERE status = 'pending'").run(now);
    db.pragma('wal_checkpoint(TRUNCATE)');

    const rawStart = performance.now();
    db.prepare(`UPDATE outreach SET profile_id = ? + id % ${PROFILES}, due_at = ? + (id / ${PROFILES}) * 180000, updated_at = ?
      WHERE status = 'pending' AND profile_id IS NULL AND direction = 'outgoing' AND approval IN ('approved', 'auto')`).run(profiles[0], now, now);
    const raw = performance.now() - rawStart;
    reset();

    const planner = new Planner(db, quotas, alwaysOnline);
    const start = performance.now();
    const result = await planner.pass(now);
    const pass = performance.now() - start;
    const idleStart = performance.now();
    await planner.pass(now);
    const idle = performance.now() - idleStart;

    const sticky = db
      .prepare(`SELECT COUNT(*) FROM outreach n JOIN outreach o ON o.lead_id = n.lead_id AND o.status = 'performed'
        WHERE n.status = 'pending' AND n.profile_id <> o.profile_id`)
      .pluck()
      .get() as number;
    console.log(`plan loop: ${ITEMS.toLocaleString('en')} due emails, ${PROFILES} mailboxes, ${STICKY_SHARE * 100}% to leads a mailbox already wrote to`);
    report('raw UPDATE (assign + naive spacing)', raw, 'ms');
    report('plan pass (assign, same mailbox per lead, quota)', pass, 'ms', { name: 'raw', value: raw });
    report('plan pass items/s', (ITEMS / pass) * 1000, 'items/s');
    report('next pass, nothing new', idle, 'ms');
    console.log(`  assigned ${result.assigned}, given a time ${result.moved}, moved off their lead's mailbox ${sticky}\n`);
  } finally {
    quotas.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void benchPlan();
