import { join } from 'node:path';
import pino from 'pino';
import { onTestFinished } from 'vitest';
import type { z } from 'zod';
import { ruleDefinition } from '../../../src/shared/contract/schemas/rules';
import { EventBus } from '../../../src/main/event-bus';
import { createRuleLoop } from '../../../src/main/loops/rule-loop';
import type { RuleEngineOptions } from '../../../src/main/rules/rule-engine';
import { RuleStore } from '../../../src/main/rules/rule-store';
import { openStore } from '../../../src/main/store/store';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';


/** Lead columns a test may set. */
export interface LeadInput {
  first_name?: string;
  last_name?: string;
  email?: string | null;
  phone?: string | null;
  linkedin_url?: string | null;
  facebook_url?: string | null;
  job_title?: string | null;
  country?: string | null;
  location?: string | null;
  email_verification?: string | null;
  company_id?: number | null;
}

/** A real store in a temp folder, a manual clock, the rule store and a rule loop that can be stopped and restarted. */
export function ruleFixture(options: RuleEngineOptions = {}) {
  const dir = tempDir('outpost-rules-');
  const clock = new ManualClock();
  const now = () => clock.now();
  const store = openStore(join(dir, 'outpost.db'), now);
  const db = store.sqlite;
  const bus = new EventBus();
  const rules = new RuleStore(db, now);
  const loops: ReturnType<typeof createRuleLoop>[] = [];
  const newLoop = (o: RuleEngineOptions = options) => {
    const loop = createRuleLoop({ store, clock, bus }, pino({ level: 'silent' }), o);
    loops.push(loop);
    return loop;
  };
  let loop = newLoop();
  onTestFinished(async () => {
    await Promise.all(loops.map((l) => l.stop()));
    await store.close();
  });
  const insertLead = db.prepare(`INSERT INTO leads (first_name, last_name, email, email_norm, phone, linkedin_url, facebook_url, job_title, country, location, email_verification, company_id, created_at, updated_at)
    VALUES (:first_name, :last_name, :email, lower(:email), :phone, :linkedin_url, :facebook_url, :job_title, :country, :location, :email_verification, :company_id, :now, :now)`);
  const blank: Required<LeadInput> = { first_name: 'Ann', last_name: 'Lee', email: null, phone: null, linkedin_url: null, facebook_url: null, job_title: null, country: null, location: null, email_verification: null, company_id: null };
  let n = 0;
  return {
    clock,
    db,
    store,
    bus,
    rules,
    get loop() {
      return loop;
    },
    /** Replaces the loop with a new one (a restart), with other batch sizes if given. */
    restart(o?: RuleEngineOptions) {
      loop = newLoop(o);
      return loop;
    },
    /** One full pass. */
    pass: () => loop.runOnce(),
    lead(input: LeadInput = {}): number {
      n++;
      return Number(insertLead.run({ ...blank, email: `lead${n}@example.com`, ...input, now: clock.now() }).lastInsertRowid);
    },
    company(input: { name?: string; domain?: string | null; industry?: string | null; headcount?: number | null; revenue?: number | null; country?: string | null; location?: string | null; phone?: string | null } = {}): number {
      return Number(
        db
          .prepare('INSERT INTO companies (name, domain, industry, headcount, revenue, country, location, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.name ?? 'Acme', input.domain ?? null, input.industry ?? null, input.headcount ?? null, input.revenue ?? null, input.country ?? null, input.location ?? null, input.phone ?? null, clock.now(), clock.now()).lastInsertRowid,
      );
    },
    tag(name: string): number {
      return Number(db.prepare("INSERT INTO tags (name, color, created_at, updated_at) VALUES (?, '#112233', 0, 0)").run(name).lastInsertRowid);
    },
    tagLead(tagId: number, leadId: number, kind: 'lead' | 'company' = 'lead'): void {
      db.prepare("INSERT INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_at) VALUES (?, ?, ?, 'person', ?)").run(tagId, kind, leadId, clock.now());
    },
    tagsOf(kind: 'lead' | 'company', id: number): number[] {
      return db.prepare<[string, number], number>('SELECT tag_id FROM tag_links WHERE target_kind = ? AND target_id = ? AND removed_at IS NULL ORDER BY tag_id').pluck().all(kind, id);
    },
    create(def: z.input<typeof ruleDefinition>) {
      return rules.create(ruleDefinition.parse(def));
    },
    instances(ruleId: number) {
      return db
        .prepare<[number], { id: number; target_kind: string; target_id: number; status: string; due_at: number; parent_instance_id: number | null; error_text: string | null }>(
          'SELECT id, target_kind, target_id, status, due_at, parent_instance_id, error_text FROM rule_instances WHERE rule_id = ? ORDER BY target_kind, target_id',
        )
        .all(ruleId);
    },
  };
}
