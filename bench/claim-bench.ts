import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { EventBus } from '../src/main/event-bus';
import { openStore } from '../src/main/store/store';
import { WorkEngine } from '../src/main/work/work-engine';
import { report } from './measure';

const ITEMS = 2_000;

/** Adds a diagnostic profile and ITEMS due enrichments assigned to it; returns the profile id. */
function seed(sqlite: Database): number {
  sqlite
    .prepare("INSERT INTO profile_types (code, channel_id, name, access, defaults, created_at, updated_at) SELECT 'diagnostic', id, 'Diagnostic', 'basic', '{}', 0, 0 FROM channels WHERE code = 'local'")
    .run();
  const profile = Number(
    sqlite.prepare("INSERT INTO profiles (profile_type_id, name, created_at, updated_at) SELECT id, 'bench', 0, 0 FROM profile_types WHERE code = 'diagnostic'").run().lastInsertRowid,
  );
  const type = (sqlite.prepare("SELECT id FROM enrichment_types WHERE code = 'verify_email'").get() as { id: number }).id;
  const lead = sqlite.prepare("INSERT INTO leads (first_name, created_at, updated_at) VALUES ('Ada', 0, 0)");
  const item = sqlite.prepare(
    `INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, params, approval, idempotency_key, due_at, created_at, updated_at)
     VALUES (?, ?, ?, '{"outcomes":["succeed"]}', 'auto', ?, ?, 0, 0)`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < ITEMS; i++) item.run(type, lead.run().lastInsertRowid, profile, `bench-${i}`, i);
  })();
  return profile;
}

const reset = (sqlite: Database) =>
  sqlite.exec("UPDATE enrichments SET status = 'pending', attempts = 0, result = NULL, hit = NULL, started_at = NULL, finished_at = NULL");

/** Seconds of `run`. */
function timed(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Claim + complete throughput of the work engine against raw UPDATEs of the same rows (two transactions per item either way). */
export async function benchClaim(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-claim-'));
  const store = openStore(join(dir, 'outpost.sqlite'));
  try {
    const { sqlite } = store;
    const profile = seed(sqlite);
    const now = ITEMS + 1;
    const engine = new WorkEngine({ sqlite, bus: new EventBus(), now: () => now });

    const due = sqlite.prepare("SELECT id FROM enrichments WHERE profile_id = ? AND status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT 1").pluck();
    const lease = sqlite.prepare("UPDATE enrichments SET status = 'running', attempts = attempts + 1, lease_owner = 'w', lease_expires_at = ? WHERE id = ?");
    const finish = sqlite.prepare("UPDATE enrichments SET status = 'performed', result = '{}', lease_owner = NULL, lease_expires_at = NULL, finished_at = ? WHERE id = ?");
    const rawSeconds = timed(() => {
      for (;;) {
        const id = sqlite.transaction(() => {
          const next = due.get(profile, now) as number | undefined;
          if (next !== undefined) lease.run(now + 60_000, next);
          return next;
        }).immediate();
        if (id === undefined) break;
        sqlite.transaction(() => finish.run(now, id)).immediate();
      }
    });
    const baseline = { name: 'raw UPDATEs', value: ITEMS / rawSeconds };
    report(`claim+complete, raw UPDATEs (${ITEMS} items)`, baseline.value, 'items/s');

    for (const max of [1, 20]) {
      reset(sqlite);
      const seconds = timed(() => {
        for (;;) {
          const items = engine.claim(profile, 'w', max);
          if (items.length === 0) break;
          for (const item of items) engine.complete('w', item.ticket, { outcome: 'performed', output: {}, effects: [] });
        }
      });
      report(`claim+complete, work engine (max ${max})`, ITEMS / seconds, 'items/s', baseline);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
