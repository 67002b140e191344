import { describe, expect, it } from 'vitest';
import type { RuleFilter, RuleTrigger } from '../../../src/shared/contract/schemas/rules';
import { ruleFilter } from '../../../src/shared/contract/schemas/rules';
import { dryRunRule } from '../../../src/main/rules/rule-dry-run';
import { ruleFixture } from './rule-fixture';

type Fixture = ReturnType<typeof ruleFixture>;

// A small world: two companies, six leads with different fields, two tags.
function world(f: Fixture) {
  const big = f.company({ name: 'Big', industry: 'Software', headcount: 500, revenue: 9_000_000, country: 'DE', location: 'Berlin', phone: '+49' });
  const small = f.company({ name: 'Small', industry: 'Retail', headcount: 12, revenue: 100_000, country: 'FR', location: 'Lyon' });
  const vip = f.tag('vip');
  const cold = f.tag('cold');
  const leads = {
    cto: f.lead({ job_title: 'CTO', country: 'DE', location: 'Berlin Mitte', phone: '+1', linkedin_url: 'https://linkedin.com/in/a', email_verification: 'valid', company_id: big }),
    sales: f.lead({ job_title: 'Head of Sales', country: 'FR', location: 'Paris', email_verification: 'invalid', company_id: small }),
    intern: f.lead({ job_title: 'Engineering Intern', country: 'DE', location: 'Munich', email: null, facebook_url: 'https://facebook.com/b', company_id: big }),
    founder: f.lead({ job_title: 'Founder & CEO', country: 'uk', location: 'London', email_verification: 'risky' }),
    vp: f.lead({ job_title: 'VP Engineering', country: 'US', location: 'Austin', linkedin_url: 'https://linkedin.com/in/c', company_id: small }),
    none: f.lead({ job_title: null, country: null, location: null }),
  };
  f.tagLead(vip, leads.cto);
  f.tagLead(vip, leads.vp);
  f.tagLead(cold, leads.vp);
  f.tagLead(vip, big, 'company');
  return { leads, big, small, vip, cold };
}

const LEAD_TRIGGER: RuleTrigger = { kind: 'lead_created' };

describe('rule filters', () => {
  it('every operator: include lists OR inside, AND across, excludes veto, presence, verification, keywords, company fields', () => {
    const f = ruleFixture();
    const { leads: l, vip, cold } = world(f);
    const ids = (filter: RuleFilter, trigger: RuleTrigger = LEAD_TRIGGER) =>
      dryRunRule(f.db, { trigger, filter: ruleFilter.parse(filter) })
        .sample.map((s) => s.id)
        .sort((a, b) => a - b);
    const all = Object.values(l).sort((a, b) => a - b);
    expect(ids({})).toEqual(all);
    // keywords in the title: any of (OR), exclude vetoes
    expect(ids({ lead: { titleInclude: ['engineer', 'cto'] } })).toEqual([l.cto, l.intern, l.vp]);
    expect(ids({ lead: { titleInclude: ['engineer'], titleExclude: ['intern'] } })).toEqual([l.vp]);
    // tags: include any, exclude vetoes
    expect(ids({ lead: { tagsInclude: [vip] } })).toEqual([l.cto, l.vp]);
    expect(ids({ lead: { tagsInclude: [vip], tagsExclude: [cold] } })).toEqual([l.cto]);
    // countries (case-insensitive) and their exclude list; AND across lists
    expect(ids({ lead: { countries: ['de', 'UK'] } })).toEqual([l.cto, l.intern, l.founder]);
    expect(ids({ lead: { countriesExclude: ['DE'] } })).toEqual([l.sales, l.founder, l.vp, l.none]);
    expect(ids({ lead: { countries: ['DE'], titleInclude: ['cto'] } })).toEqual([l.cto]);
    // location keywords include/exclude
    expect(ids({ lead: { locationKeywords: ['berlin', 'paris'] } })).toEqual([l.cto, l.sales]);
    expect(ids({ lead: { locationExclude: ['berlin', 'paris'] } })).toEqual([l.intern, l.founder, l.vp, l.none]);
    // presence any/yes/no
    expect(ids({ lead: { hasEmail: 'no' } })).toEqual([l.intern]);
    expect(ids({ lead: { hasEmail: 'any' } })).toEqual(all);
    expect(ids({ lead: { hasPhone: 'yes' } })).toEqual([l.cto]);
    expect(ids({ lead: { hasLinkedin: 'yes', hasFacebook: 'no' } })).toEqual([l.cto, l.vp]);
    expect(ids({ lead: { hasFacebook: 'yes' } })).toEqual([l.intern]);
    // verification result, "unverified" = never checked
    expect(ids({ lead: { verification: ['valid', 'risky'] } })).toEqual([l.cto, l.founder]);
    expect(ids({ lead: { verification: ['unverified'] } })).toEqual([l.intern, l.vp, l.none]);
    // company fields through the lead: industry, headcount, revenue, and their excludes
    expect(ids({ lead: { industries: ['software'] } })).toEqual([l.cto, l.intern]);
    expect(ids({ lead: { industriesExclude: ['software'] } })).toEqual([l.sales, l.founder, l.vp, l.none]);
    expect(ids({ lead: { headcountMin: 10, headcountMax: 100 } })).toEqual([l.sales, l.vp]);
    expect(ids({ lead: { revenueMin: 1_000_000 } })).toEqual([l.cto, l.intern]);
    // a company part on a lead target needs a company that matches
    expect(ids({ company: { tagsInclude: [vip] } })).toEqual([l.cto, l.intern]);
    expect(ids({ company: { countriesExclude: ['DE'] } })).toEqual([l.sales, l.vp]);
    expect(ids({ company: { hasPhone: 'no' } })).toEqual([l.sales, l.vp]);
  });

  it('company targets filter on the company; event targets on their text, kind, lead and company', () => {
    const f = ruleFixture();
    const { leads: l, big, small } = world(f);
    const companies = (filter: RuleFilter) => dryRunRule(f.db, { trigger: { kind: 'company_created' }, filter: ruleFilter.parse(filter) }).sample.map((s) => s.id);
    expect(companies({ company: { locationKeywords: ['lyon'] } })).toEqual([small]);
    expect(companies({ company: { locationExclude: ['lyon'] } })).toEqual([big]);
    expect(companies({ company: { industriesExclude: ['retail'], headcountMin: 100 } })).toEqual([big]);
    f.db.prepare("INSERT INTO sources (source_type_id, name, cadence_seconds, created_at, updated_at) VALUES (1, 's', 60, 0, 0)").run();
    f.db.prepare("INSERT INTO source_urls (source_id, url, url_norm, next_run_at, created_at, updated_at) VALUES (1, 'u', 'u', 0, 0, 0)").run();
    f.db.prepare("INSERT INTO jobs (source_id, source_url_id, url, due_at, created_at, updated_at) VALUES (1, 1, 'u', 0, 0, 0)").run();
    const ev = f.db.prepare("INSERT INTO events (url, url_norm, kind, source_id, job_id, title, text, descriptor, lead_id, created_at, updated_at) VALUES (?, ?, ?, 1, 1, ?, ?, '{}', ?, 0, 0)");
    const e1 = Number(ev.run('1', '1', 'post', 'We are hiring', 'Python engineers', l.cto).lastInsertRowid);
    const e2 = Number(ev.run('2', '2', 'listing', 'Hiring now', 'Sales people', l.sales).lastInsertRowid);
    const e3 = Number(ev.run('3', '3', 'post', 'Holiday', 'closed', null).lastInsertRowid);
    const events = (filter: RuleFilter) =>
      dryRunRule(f.db, { trigger: { kind: 'event_created' }, filter: ruleFilter.parse(filter) })
        .sample.map((s) => s.id)
        .sort();
    expect(events({})).toEqual([e1, e2, e3]);
    expect(events({ event: { textInclude: ['hiring'] } })).toEqual([e1, e2]);
    expect(events({ event: { textInclude: ['hiring'], textExclude: ['sales'] } })).toEqual([e1]);
    expect(events({ event: { kinds: ['listing'] } })).toEqual([e2]);
    expect(events({ lead: { countries: ['FR'] } })).toEqual([e2]);
    expect(events({ company: { industries: ['software'] } })).toEqual([e1]);
  });

  it('the loop acts on exactly what the dry run counted', async () => {
    const f = ruleFixture();
    const { leads: l, vip } = world(f);
    const done = f.tag('done');
    const filter = ruleFilter.parse({ lead: { tagsInclude: [vip], hasLinkedin: 'yes' } });
    const dry = dryRunRule(f.db, { trigger: LEAD_TRIGGER, filter });
    expect(dry.count).toBe(2);
    expect(dry.sample.map((s) => s.label)).toEqual(['Ann Lee', 'Ann Lee']);
    const rule = f.create({ name: 'r', trigger: LEAD_TRIGGER, filter, action: { kind: 'add_tag', tagId: done }, applyToPrevious: true });
    await f.pass();
    expect(f.instances(rule.id).map((i) => i.target_id)).toEqual([l.cto, l.vp]);
    expect(f.rules.get(rule.id)?.counters).toMatchObject({ triggered: 6, passedFilter: 2, performed: 2 });
  });
});
