import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { EventBus } from '../../../src/main/event-bus';
import { SequenceRunner } from '../../../src/main/sequences/sequence-runner';
import { migration0022 } from '../../../src/main/store/migrations/0022-sequence-progress';
import { openStore } from '../../../src/main/store/store';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';

/** A step as tests write it. */
export interface TestStep {
  type?: string;
  delayDays?: number;
  autoApprove?: boolean;
  branch?: { on: 'accepted' | 'not_accepted'; withinDays: number } | null;
  variants?: { label?: string; subject?: string | null; body?: string; weight?: number }[];
}

/** A real store in a temp folder (Monday 23 Nov 2026 09:00 UTC), a manual clock and a sequence runner. */
export function sequenceFixture() {
  const dir = tempDir('outpost-seq-');
  const clock = new ManualClock();
  const store = openStore(join(dir, 'outpost.db'), () => clock.now());
  const db = store.sqlite;
  // The lead registers migrations in order; until 0022 is in the registry the test applies it.
  const has = db.prepare("SELECT 1 FROM pragma_table_info('enrollments') WHERE name = 'steps_done'").get();
  if (!has) db.exec(migration0022.sql);
  const bus = new EventBus();
  const events: string[] = [];
  bus.subscribe((e) => events.push(e.name));
  const runner = new SequenceRunner(db, bus);
  onTestFinished(() => store.close());
  let n = 0;
  const typeId = (code: string) => (db.prepare('SELECT id FROM outreach_types WHERE code = ?').get(code) as { id: number }).id;
  return {
    clock,
    db,
    store,
    events,
    runner,
    pass: () => runner.pass(clock.now()),
    days: (d: number) => clock.advance(d * 86_400_000),
    company(domain = 'acme.com'): number {
      return Number(db.prepare('INSERT INTO companies (name, domain, created_at, updated_at) VALUES (?, ?, 0, 0)').run(domain, domain).lastInsertRowid);
    },
    lead(input: { email?: string | null; linkedin_url?: string | null; company_id?: number | null; first_name?: string } = {}): number {
      n++;
      const email = input.email === undefined ? `lead${n}@example.com` : input.email;
      return Number(
        db
          .prepare('INSERT INTO leads (first_name, email, email_norm, linkedin_url, linkedin_norm, company_id, created_at, updated_at) VALUES (?, ?, lower(?), ?, ?, ?, 0, 0)')
          .run(input.first_name ?? `Ann${n}`, email, email, input.linkedin_url ?? null, input.linkedin_url ? input.linkedin_url.replace(/^https?:\/\/(www\.)?/, '') : null, input.company_id ?? null)
          .lastInsertRowid,
      );
    },
    sequence(steps: TestStep[], options: { status?: string; cap?: number | null; companyReplied?: boolean } = {}): { id: number; steps: number[]; variants: number[][] } {
      const now = clock.now();
      const id = Number(
        db
          .prepare('INSERT INTO sequences (name, status, schedule, stop_conditions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run('Seq', options.status ?? 'active', JSON.stringify({ dailyEnrollmentCap: options.cap ?? null }), JSON.stringify({ companyReplied: options.companyReplied ?? false }), now, now).lastInsertRowid,
      );
      const stepIds: number[] = [];
      const variantIds: number[][] = [];
      steps.forEach((s, i) => {
        const stepId = Number(
          db
            .prepare('INSERT INTO sequence_steps (sequence_id, position, outreach_type_id, delay_days, conditions, auto_approve, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(id, i + 1, typeId(s.type ?? 'email'), s.delayDays ?? 0, JSON.stringify({ branch: s.branch ?? null }), s.autoApprove === false ? 0 : 1, now, now).lastInsertRowid,
        );
        stepIds.push(stepId);
        variantIds.push(
          (s.variants ?? [{}]).map((v, j) =>
            Number(
              db
                .prepare('INSERT INTO sequence_variants (sequence_step_id, label, subject, body, weight, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
                .run(stepId, v.label ?? String.fromCharCode(65 + j), v.subject === undefined ? (s.type ?? 'email') === 'email' ? `Step ${i + 1}` : null : v.subject, v.body ?? `Hello {{first_name}}, step ${i + 1}`, v.weight ?? 1, now, now)
                .lastInsertRowid,
            ),
          ),
        );
      });
      return { id, steps: stepIds, variants: variantIds };
    },
    enrollment(id: number) {
      return db.prepare('SELECT * FROM enrollments WHERE id = ?').get(id) as { id: number; status: string; stop_reason: string | null; next_step_id: number | null; next_step_due_at: number | null; steps_done: number; profile_id: number | null };
    },
    enrollmentOf(leadId: number) {
      return db.prepare('SELECT * FROM enrollments WHERE lead_id = ? ORDER BY id DESC LIMIT 1').get(leadId) as { id: number; status: string; stop_reason: string | null; next_step_id: number | null; next_step_due_at: number | null; steps_done: number };
    },
    outreachOf(leadId: number) {
      return db
        .prepare("SELECT o.id, t.code AS type, o.status, o.approval, o.subject, o.body, o.sequence_step_id, o.sequence_variant_id, o.profile_id FROM outreach o JOIN outreach_types t ON t.id = o.outreach_type_id WHERE o.lead_id = ? AND o.direction = 'outgoing' ORDER BY o.id")
        .all(leadId) as { id: number; type: string; status: string; approval: string; subject: string | null; body: string; sequence_step_id: number; sequence_variant_id: number; profile_id: number | null }[];
    },
    /** Marks an outgoing row sent now (what a worker's performed outcome does). */
    sent(outreachId: number): void {
      db.prepare("UPDATE outreach SET status = 'performed', occurred_at = ?, finished_at = ?, approval = CASE approval WHEN 'pending' THEN 'approved' ELSE approval END WHERE id = ?").run(clock.now(), clock.now(), outreachId);
    },
    /** Stores an incoming (or accepted) row from the lead, as any channel's applier would. */
    incoming(leadId: number, type: string, kind: 'reply' | 'hard_bounce' | 'unsubscribe' | null, parentId: number | null = null): number {
      const now = clock.now();
      return Number(
        db
          .prepare("INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, parent_outreach_id, status, occurred_at, due_at, created_at, updated_at, finished_at) VALUES (?, ?, ?, ?, ?, 'performed', ?, ?, ?, ?, ?)")
          .run(typeId(type), kind === null ? 'accepted' : 'incoming', kind, leadId, parentId, now, now, now, now, now).lastInsertRowid,
      );
    },
  };
}
