import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrollLeads } from '../src/main/sequences/enroll';
import { SequenceRunner } from '../src/main/sequences/sequence-runner';
import { migration0022 } from '../src/main/store/migrations/0022-sequence-progress';
import { openStore } from '../src/main/store/store';
import { report } from './measure';

const ENROLLMENTS = Number(process.env.BENCH_SEQUENCE_ENROLLMENTS ?? 100_000);
const DAY = 86_400_000;
const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * Sequence planning for BENCH_SEQUENCE_ENROLLMENTS enrollments (default 100,000) in a 3-step email sequence: enrolling
 * them, the pass that creates every first step (rendered, suppression-checked, variant chosen), and the follow-up pass
 * after the first steps went out; against a raw baseline that inserts the same outreach rows and moves the
 * enrollments with two bare prepared statements in one transaction.
 */
export async function benchSequences(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-seq-'));
  let now = Date.UTC(2026, 10, 23, 9);
  const store = openStore(join(dir, 'outpost.db'), () => now);
  const db = store.sqlite;
  if (!db.prepare("SELECT 1 FROM pragma_table_info('enrollments') WHERE name = 'steps_done'").get()) db.exec(migration0022.sql);
  try {
    const insertLead = db.prepare('INSERT INTO leads (first_name, email, email_norm, created_at, updated_at) VALUES (?, ?, ?, 0, 0)');
    db.transaction(() => {
      for (let i = 1; i <= ENROLLMENTS * 2; i++) insertLead.run(`Lead${i}`, `lead${i}@example${i % 500}.com`, `lead${i}@example${i % 500}.com`);
    })();
    const email = (db.prepare("SELECT id FROM outreach_types WHERE code = 'email'").get() as { id: number }).id;
    const seq = Number(db.prepare("INSERT INTO sequences (name, status, created_at, updated_at) VALUES ('bench', 'active', 0, 0)").run().lastInsertRowid);
    for (let p = 1; p <= 3; p++) {
      const step = Number(
        db.prepare('INSERT INTO sequence_steps (sequence_id, position, outreach_type_id, delay_days, auto_approve, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 0, 0)').run(seq, p, email, p === 1 ? 0 : 2).lastInsertRowid,
      );
      for (const label of ['A', 'B']) {
        db.prepare('INSERT INTO sequence_variants (sequence_step_id, label, subject, body, weight, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 0, 0)').run(
          step,
          label,
          `{Hi|Hello} {{first_name}} (${label}${p})`,
          `Dear {{first_name|friend}}, step ${p} variant ${label} about {{company.name|your company}}.`,
        );
      }
    }
    db.prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('domain', 'example7.com', 'operator', 0, 0)").run();
    const ids = Array.from({ length: ENROLLMENTS }, (_, i) => i + 1);
    let started = process.hrtime.bigint();
    let enrolled = 0;
    for (let i = 0; i < ids.length; i += 1000) enrolled += enrollLeads(db, { sequenceId: seq, leadIds: ids.slice(i, i + 1000), now }).enrolled.length;
    report(`enroll ${ENROLLMENTS} leads (${enrolled} enrolled)`, seconds(started), 's');
    const runner = new SequenceRunner(db, null);
    started = process.hrtime.bigint();
    const first = await runner.pass(now);
    const firstSeconds = seconds(started);
    db.prepare("UPDATE outreach SET status = 'performed', occurred_at = ?, finished_at = ? WHERE direction = 'outgoing'").run(now, now);
    now += 2 * DAY;
    started = process.hrtime.bigint();
    const follow = await runner.pass(now);
    const followSeconds = seconds(started);

    // Baseline: the same number of outreach rows and enrollment moves with bare statements (no rendering or checks).
    const raw = db.prepare(`INSERT INTO outreach (outreach_type_id, direction, lead_id, lead_address, subject, body, approval, idempotency_key, due_at, created_at, updated_at)
      VALUES (?, 'outgoing', ?, 'x@example.com', 'Hello', 'Body text of a similar length to a rendered message.', 'auto', ?, ?, ?, ?)`);
    const move = db.prepare('UPDATE enrollments SET next_step_due_at = ?, updated_at = ? WHERE id = ?');
    started = process.hrtime.bigint();
    db.transaction(() => {
      for (let i = 1; i <= first.created; i++) {
        raw.run(email, ENROLLMENTS + i, `raw:${i}`, now, now, now);
        move.run(now + DAY, now, i);
      }
    })();
    const baseline = { name: 'raw insert+update', value: seconds(started) };
    report(`first pass: ${first.created} steps created, ${first.stopped} stopped`, firstSeconds, 's', baseline);
    report(`follow-up pass: ${follow.created} steps created`, followSeconds, 's', baseline);
    report('raw insert+update baseline', baseline.value, 's');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
