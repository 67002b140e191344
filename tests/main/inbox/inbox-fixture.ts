import type { Database } from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { EventBus, type PushedEvent } from '../../../src/main/event-bus';
import { registerInboxHooks } from '../../../src/main/inbox/inbox-hooks';
import { openStore } from '../../../src/main/store/store';
import { WorkEngine } from '../../../src/main/work/work-engine';
import { checkInbox } from '../../../src/workers/channels/mailbox/check-inbox';
import type { Dovecot } from '../../helpers/dovecot';
import { tempDir } from '../../helpers/temp-dir';
import { dovecotProfile, recordingContext } from '../../workers/channels/mailbox/inbox/inbox-test-kit';

/** A migrated store with the work engine and the inbox hooks, one mailbox profile, and helpers to add leads, sends and checks. */
export function inboxFixture(now = 1_800_000_000_000) {
  const store = openStore(`${tempDir('outpost-inbox-')}/outpost.db`, () => now);
  onTestFinished(() => store.close());
  const bus = new EventBus();
  const events: PushedEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const engine = new WorkEngine({ sqlite: store.sqlite, bus, now: () => now });
  registerInboxHooks(engine, { store });
  return { ...inboxRows(store.sqlite, engine, now), events };
}

/** Helpers over a store whose engine has the inbox hooks: one (inactive) mailbox profile, leads, sends, enrollments and checks run against Dovecot. */
export function inboxRows(sqlite: Database, engine: Pick<WorkEngine, 'claim' | 'complete' | 'onClaim'>, now: number) {
  const run = (sql: string, ...args: unknown[]): number => Number(sqlite.prepare(sql).run(...args).lastInsertRowid);
  const profileId = run(
    "INSERT INTO profiles (profile_type_id, name, active, created_at, updated_at) SELECT id, 'Sales mailbox', 0, 0, 0 FROM profile_types WHERE code = 'smtp_imap'",
  );
  const emailType = (sqlite.prepare("SELECT id FROM outreach_types WHERE code = 'email'").get() as { id: number }).id;

  return {
    sqlite,
    engine,
    profileId,
    now,
    addLead: (email: string, firstName: string) => run('INSERT INTO leads (first_name, email, email_norm, created_at, updated_at) VALUES (?, ?, ?, 0, 0)', firstName, email, email),
    /** An email we sent the lead (performed), with its Message-ID. */
    addSent: (leadId: number, messageId: string, address: string, at = Date.parse('2026-11-16T17:13:00Z')) =>
      run(
        `INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, lead_address, subject, body, message_id, approval, idempotency_key,
           occurred_at, status, due_at, created_at, updated_at, finished_at)
         VALUES (?, 'outgoing', ?, ?, ?, 'Hello', 'Hi there', ?, 'approved', ?, ?, 'performed', ?, ?, ?, ?)`,
        emailType,
        leadId,
        profileId,
        address,
        messageId,
        `send-${messageId}`,
        at,
        at,
        at,
        at,
        at,
      ),
    addEnrollment: (leadId: number, nextStepDueAt: number) => {
      const sequence = run("INSERT INTO sequences (name, created_at, updated_at) VALUES ('Intro', 0, 0)");
      return run("INSERT INTO enrollments (sequence_id, lead_id, profile_id, status, next_step_due_at, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, 0, 0)", sequence, leadId, profileId, nextStepDueAt);
    },
    /** Queues an inbox check, lets the engine hand it out, runs the real worker code against Dovecot and hands the outcome back. */
    async check(dovecot: Dovecot): Promise<number> {
      const id = run('INSERT INTO inbox_checks (profile_id, due_at, created_at, updated_at) VALUES (?, ?, 0, 0)', profileId, now);
      return this.runDue(dovecot, id);
    },
    /** Runs the inbox check `id` (already queued) through the engine. */
    async runDue(dovecot: Dovecot, id: number): Promise<number> {
      const [item] = engine.claim(profileId, 'worker-1', 1);
      if (!item || item.recordId !== id) throw new Error(`inbox check ${id} was not handed out`);
      const outcome = await checkInbox(dovecotProfile(dovecot), item, recordingContext().context);
      if (!engine.complete('worker-1', item.ticket, outcome).accepted) throw new Error('the engine refused the outcome');
      return id;
    },
    incoming: () =>
      sqlite
        .prepare("SELECT lead_id, parent_outreach_id, incoming_kind, lead_address, message_id, status, inbox_detail FROM outreach WHERE direction = 'incoming' ORDER BY id")
        .all() as { lead_id: number; parent_outreach_id: number | null; incoming_kind: string; lead_address: string; message_id: string; status: string; inbox_detail: string }[],
    suppressions: () => sqlite.prepare('SELECT value, reason, outreach_id, deleted_at FROM suppressions ORDER BY value').all() as { value: string; reason: string; outreach_id: number | null; deleted_at: number | null }[],
  };
}
