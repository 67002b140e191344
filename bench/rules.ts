import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { EventBus } from '../src/main/event-bus';
import { createRuleLoop } from '../src/main/loops/rule-loop';
import { compileRuleFilter } from '../src/main/rules/rule-filter-sql';
import { RuleStore } from '../src/main/rules/rule-store';
import { openStore } from '../src/main/store/store';
import { ruleDefinition, type RuleFilter } from '../src/shared/contract/schemas/rules';
import { systemClock } from '../src/shared/clock';
import { report } from './measure';
import { fill } from './query-bench';

const LEADS = Number(process.env.BENCH_RULES_LEADS ?? 1_000_000);
const CHANGES = 10_000;
const TITLES = ['Head of Sales', 'CEO', 'CTO', 'Marketing Manager', 'Account Executive', 'Software Engineer', 'Founder', 'VP Growth', 'Intern'];
const COUNTRIES = ['FR', 'DE', 'US', 'GB', 'ES', 'IT', 'NL', 'BE', 'CH', 'SE', 'PL', 'PT', 'IE', 'DK', 'NO', 'FI', 'AT', 'CZ', 'CA', 'JP'];
const INDUSTRIES = ['Software', 'Retail', 'Banking', 'Logistics', 'Healthcare', 'Media', 'Energy', 'Education'];

// Twenty selective rules of the kinds an operator writes: a title in a country, an industry with a phone, a big company without email...
function filters(skipTag: number): RuleFilter[] {
  return [
    ...TITLES.map((title, i) => ({ lead: { titleInclude: [title], countries: [COUNTRIES[i] as string] } })),
    ...INDUSTRIES.slice(0, 5).map((industry, i) => ({ lead: { industries: [industry], countries: [COUNTRIES[i + 9] as string], hasPhone: 'yes' as const } })),
    ...['CEO', 'Founder', 'CTO'].map((title) => ({ lead: { titleInclude: [title], headcountMin: 4000, hasEmail: 'no' as const } })),
    { lead: { countries: ['JP', 'CA'], titleExclude: ['Intern', 'Engineer'], tagsExclude: [skipTag] } },
    { lead: { verification: ['unverified' as const], countriesExclude: COUNTRIES.slice(1), titleInclude: ['VP'] }, company: { industriesExclude: ['Banking'] } },
    { lead: { locationExclude: ['x'], titleInclude: ['Account'], countries: ['PT'], hasLinkedin: 'no' as const } },
  ];
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * 20 rules over BENCH_RULES_LEADS leads (default 1,000,000): a full pass (every rule applied to previous records,
 * instances created and their actions performed) and an incremental pass after 10,000 new leads, each against a raw
 * SELECT of the same matching ids measured in the same run.
 */
export async function benchRules(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-rules-'));
  const store = openStore(join(dir, 'outpost.db'));
  const db = store.sqlite;
  try {
    let started = process.hrtime.bigint();
    fill(db, LEADS);
    report(`generate ${LEADS} leads`, seconds(started), 's');
    const tag = (name: string) => Number(db.prepare("INSERT INTO tags (name, color, created_at, updated_at) VALUES (?, '#2457d6', 1, 1)").run(name).lastInsertRowid);
    const skip = tag('skip');
    const all = filters(skip);
    const raw = (after: number) => {
      let matches = 0;
      const start = process.hrtime.bigint();
      for (const f of all) {
        const c = compileRuleFilter('lead', f);
        matches += db.prepare(`SELECT l.id FROM leads l LEFT JOIN companies c ON c.id = l.company_id WHERE l.id > ? AND ${c.where}`).pluck().all(after, ...c.params).length;
      }
      return { ms: ms(start), matches };
    };
    const fullRaw = raw(0);
    report(`raw SELECT of the 20 rules' matching ids (${fullRaw.matches})`, fullRaw.ms, 'ms');

    const rules = new RuleStore(db, () => Date.now());
    all.forEach((filter, i) => {
      const action = i % 10 === 3 ? { kind: 'outreach', typeCode: 'email', subject: 'Hi {{first_name}}', body: 'Hello {{first_name}}' } : { kind: 'add_tag', tagId: tag(`rule ${i}`) };
      rules.create(ruleDefinition.parse({ name: `rule ${i}`, trigger: { kind: 'lead_created' }, filter, action, applyToPrevious: true }));
    });
    const loop = createRuleLoop({ store, clock: systemClock, bus: new EventBus() }, pino({ level: 'silent' }));
    started = process.hrtime.bigint();
    await loop.runOnce();
    const full = ms(started);
    const instances = db.prepare("SELECT count(*) FROM rule_instances WHERE status = 'performed'").pluck().get() as number;
    report(`full pass: 20 rules, ${instances} instances performed`, full, 'ms', { name: 'raw SELECT', value: fullRaw.ms });

    const maxId = db.prepare('SELECT max(id) FROM leads').pluck().get() as number;
    const insert = db.prepare('INSERT INTO leads (first_name, last_name, email, email_norm, job_title, phone, country, company_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 1; i <= CHANGES; i++) {
        const email = `new.${i}@changes.example`;
        insert.run('New', `Lead${i}`, i % 5 === 0 ? null : email, i % 5 === 0 ? null : email, TITLES[i % TITLES.length], i % 2 ? '+1' : null, COUNTRIES[(i * 7) % COUNTRIES.length], 1 + (i % 1000), Date.now(), Date.now());
      }
    })();
    const incRaw = raw(maxId);
    report(`raw SELECT of matches among ${CHANGES} new leads (${incRaw.matches})`, incRaw.ms, 'ms');
    started = process.hrtime.bigint();
    await loop.runOnce();
    const inc = ms(started);
    const more = (db.prepare("SELECT count(*) FROM rule_instances WHERE status = 'performed'").pluck().get() as number) - instances;
    report(`incremental pass after ${CHANGES} changes (${more} performed)`, inc, 'ms', { name: 'raw SELECT', value: incRaw.ms });
    started = process.hrtime.bigint();
    await loop.runOnce();
    report('idle pass (nothing new)', ms(started), 'ms');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
