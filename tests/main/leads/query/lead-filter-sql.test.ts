import { describe, expect, it } from 'vitest';
import { compileLeadFilter } from '../../../../src/main/leads/query/lead-filter-sql';
import { queryStore } from './query-store';

const T = (iso: string) => Date.parse(iso);

/** Five leads at two companies (and one without) that differ in every filtered field. */
function seeded() {
  const s = queryStore();
  const acme = s.addCompany({ name: 'Acme', industry: 'Software', headcount: 50, revenue: 1_000_000 });
  const navy = s.addCompany({ name: 'Navy', industry: 'Defense', headcount: 5000, revenue: null });
  const ada = s.addLead({
    first_name: 'Ada', email: 'ada@acme.com', email_verification: 'valid', phone: '+44 1', linkedin_url: 'https://linkedin.com/in/ada',
    country: 'GB', location: 'London, UK', job_title: 'Head of Sales', company_id: acme, created_at: T('2024-01-01T00:00:00Z'), updated_at: T('2024-06-01T00:00:00Z'),
  });
  const grace = s.addLead({
    first_name: 'Grace', email: 'grace@navy.mil', email_verification: 'risky', facebook_url: 'https://facebook.com/grace',
    country: 'us', location: 'Arlington 100%', job_title: 'Sales Intern', company_id: navy, created_at: T('2024-02-01T00:00:00Z'), updated_at: T('2024-02-01T00:00:00Z'),
  });
  const alan = s.addLead({ first_name: 'Alan', email: '', phone: '', country: 'GB', job_title: null, company_id: acme, created_at: T('2024-03-01T00:00:00Z'), updated_at: T('2024-07-01T00:00:00Z') });
  const ken = s.addLead({ first_name: 'Ken', country: null, job_title: 'CTO', created_at: T('2024-04-01T00:00:00Z'), updated_at: T('2024-04-01T00:00:00Z') });
  const gone = s.addLead({ first_name: 'Gone', email: 'gone@acme.com', country: 'GB', company_id: acme, deleted_at: 5 });
  return { ...s, acme, navy, ada, grace, alan, ken, gone };
}

describe('compileLeadFilter', () => {
  it('matches every live lead and no deleted one without conditions, with the documented aliases', () => {
    const s = seeded();
    expect(s.leadIds({})).toEqual([s.ada, s.grace, s.alan, s.ken]);
    const f = compileLeadFilter({});
    expect(f.from).toBe('leads l LEFT JOIN companies c ON c.id = l.company_id');
    expect(f.where).toContain('l.deleted_at IS NULL');
  });

  it('binds every value and splices none into the SQL', () => {
    const f = compileLeadFilter({ countries: ["x' OR 1=1 --"], titleInclude: ['%'], search: 'robert"); DROP TABLE leads; --', importId: 7 });
    expect(f.where).not.toContain('OR 1=1');
    expect(f.where).not.toContain('DROP');
    expect(f.params).toContain("x' OR 1=1 --");
  });

  it('filters on presence: yes, no (NULL or empty) and any', () => {
    const s = seeded();
    expect(s.leadIds({ hasEmail: 'yes' })).toEqual([s.ada, s.grace]);
    expect(s.leadIds({ hasEmail: 'no' })).toEqual([s.alan, s.ken]);
    expect(s.leadIds({ hasEmail: 'any' })).toEqual([s.ada, s.grace, s.alan, s.ken]);
    expect(s.leadIds({ hasPhone: 'yes' })).toEqual([s.ada]);
    expect(s.leadIds({ hasPhone: 'no' })).toEqual([s.grace, s.alan, s.ken]);
    expect(s.leadIds({ hasLinkedin: 'yes' })).toEqual([s.ada]);
    expect(s.leadIds({ hasFacebook: 'yes' })).toEqual([s.grace]);
    expect(s.leadIds({ hasFacebook: 'no', hasLinkedin: 'no' })).toEqual([s.alan, s.ken]);
  });

  it('includes leads carrying any of the tags and vetoes any carrying an excluded one; removed links do not count', () => {
    const s = seeded();
    const hot = s.addTag('hot');
    const cold = s.addTag('cold');
    const old = s.addTag('old');
    s.tag(hot, 'lead', s.ada);
    s.tag(hot, 'lead', s.grace);
    s.tag(cold, 'lead', s.alan);
    s.tag(cold, 'lead', s.grace);
    s.tag(old, 'lead', s.ken, true);
    s.tag(hot, 'company', s.alan);
    expect(s.leadIds({ tagsInclude: [hot] })).toEqual([s.ada, s.grace]);
    expect(s.leadIds({ tagsInclude: [hot, cold] })).toEqual([s.ada, s.grace, s.alan]);
    expect(s.leadIds({ tagsInclude: [hot], tagsExclude: [cold] })).toEqual([s.ada]);
    expect(s.leadIds({ tagsExclude: [cold] })).toEqual([s.ada, s.ken]);
    expect(s.leadIds({ tagsInclude: [old] })).toEqual([]);
  });

  it('filters on verification outcomes, `unverified` meaning never checked', () => {
    const s = seeded();
    expect(s.leadIds({ verification: ['valid'] })).toEqual([s.ada]);
    expect(s.leadIds({ verification: ['valid', 'risky'] })).toEqual([s.ada, s.grace]);
    expect(s.leadIds({ verification: ['unverified'] })).toEqual([s.alan, s.ken]);
    expect(s.leadIds({ verification: ['risky', 'unverified'] })).toEqual([s.grace, s.alan, s.ken]);
    expect(s.leadIds({ verification: ['invalid'] })).toEqual([]);
  });

  it('matches countries case-insensitively and locations by keyword, taking % literally', () => {
    const s = seeded();
    expect(s.leadIds({ countries: ['gb'] })).toEqual([s.ada, s.alan]);
    expect(s.leadIds({ countries: ['GB', 'US'] })).toEqual([s.ada, s.grace, s.alan]);
    expect(s.leadIds({ locationKeywords: ['london'] })).toEqual([s.ada]);
    expect(s.leadIds({ locationKeywords: ['nowhere', 'ARLINGTON'] })).toEqual([s.grace]);
    expect(s.leadIds({ locationKeywords: ['100%'] })).toEqual([s.grace]);
    expect(s.leadIds({ locationKeywords: ['%'] })).toEqual([s.grace]);
  });

  it('includes titles containing any keyword and vetoes titles containing an excluded one', () => {
    const s = seeded();
    expect(s.leadIds({ titleInclude: ['sales'] })).toEqual([s.ada, s.grace]);
    expect(s.leadIds({ titleInclude: ['sales', 'cto'] })).toEqual([s.ada, s.grace, s.ken]);
    expect(s.leadIds({ titleInclude: ['sales'], titleExclude: ['intern'] })).toEqual([s.ada]);
    expect(s.leadIds({ titleExclude: ['intern'] })).toEqual([s.ada, s.alan, s.ken]);
  });

  it("applies industry, headcount and revenue to the lead's company; leads without one fail any of them", () => {
    const s = seeded();
    expect(s.leadIds({ industries: ['software'] })).toEqual([s.ada, s.alan]);
    expect(s.leadIds({ industries: ['SOFTWARE', 'defense'] })).toEqual([s.ada, s.grace, s.alan]);
    expect(s.leadIds({ headcountMin: 50 })).toEqual([s.ada, s.grace, s.alan]);
    expect(s.leadIds({ headcountMin: 51 })).toEqual([s.grace]);
    expect(s.leadIds({ headcountMax: 50 })).toEqual([s.ada, s.alan]);
    expect(s.leadIds({ headcountMin: 10, headcountMax: 100 })).toEqual([s.ada, s.alan]);
    expect(s.leadIds({ revenueMin: 0 })).toEqual([s.ada, s.alan]);
    expect(s.leadIds({ revenueMax: 999_999 })).toEqual([]);
  });

  it('filters on created and updated ranges, both ends inclusive', () => {
    const s = seeded();
    expect(s.leadIds({ createdFrom: '2024-02-01T00:00:00.000Z' })).toEqual([s.grace, s.alan, s.ken]);
    expect(s.leadIds({ createdTo: '2024-02-01T00:00:00.000Z' })).toEqual([s.ada, s.grace]);
    expect(s.leadIds({ createdFrom: '2024-01-15T00:00:00Z', createdTo: '2024-03-15T00:00:00Z' })).toEqual([s.grace, s.alan]);
    expect(s.leadIds({ updatedFrom: '2024-05-01T00:00:00Z' })).toEqual([s.ada, s.alan]);
    expect(s.leadIds({ updatedTo: '2024-04-01T00:00:00Z' })).toEqual([s.grace, s.ken]);
  });

  it('filters on the company and on the leads an import inserted or merged, not undone entries', () => {
    const s = seeded();
    expect(s.leadIds({ companyId: s.acme })).toEqual([s.ada, s.alan]);
    const first = s.addImport();
    const second = s.addImport();
    const journal = s.sqlite.prepare("INSERT INTO merge_journal (import_id, target_kind, target_id, action, before, after, created_at, undone_at) VALUES (?, ?, ?, ?, ?, '{}', 1, ?)");
    journal.run(first, 'lead', s.ada, 'insert', null, null);
    journal.run(first, 'lead', s.grace, 'update', '{}', null);
    journal.run(first, 'company', s.alan, 'insert', null, null);
    journal.run(first, 'lead', s.ken, 'insert', null, 9);
    journal.run(second, 'lead', s.alan, 'insert', null, null);
    expect(s.leadIds({ importId: first })).toEqual([s.ada, s.grace]);
    expect(s.leadIds({ importId: second, companyId: s.acme })).toEqual([s.alan]);
    expect(s.leadIds({ importId: first, companyId: s.navy, hasEmail: 'yes' })).toEqual([s.grace]);
  });
});

describe('compileCompanyFilter', () => {
  it('filters companies on their own fields and tags, live ones only', () => {
    const s = queryStore();
    const acme = s.addCompany({ name: 'Acme', domain: 'acme.com', country: 'FR', industry: 'Software', headcount: 10, phone: '+33', created_at: 10 });
    const navy = s.addCompany({ name: 'Navy', country: 'us', location: 'Arlington', linkedin_url: 'li', industry: 'Defense', headcount: 900, revenue: 5, created_at: 20 });
    s.addCompany({ name: 'Gone', domain: 'gone.com', deleted_at: 1 });
    const vip = s.addTag('vip');
    s.tag(vip, 'company', navy);
    s.tag(vip, 'lead', acme);
    expect(s.companyIds({})).toEqual([acme, navy]);
    expect(s.companyIds({ hasDomain: 'yes' })).toEqual([acme]);
    expect(s.companyIds({ hasDomain: 'no', hasLinkedin: 'yes' })).toEqual([navy]);
    expect(s.companyIds({ hasPhone: 'yes', hasFacebook: 'no' })).toEqual([acme]);
    expect(s.companyIds({ countries: ['US', 'de'] })).toEqual([navy]);
    expect(s.companyIds({ locationKeywords: ['arling'] })).toEqual([navy]);
    expect(s.companyIds({ industries: ['software'] })).toEqual([acme]);
    expect(s.companyIds({ headcountMin: 100 })).toEqual([navy]);
    expect(s.companyIds({ revenueMax: 5 })).toEqual([navy]);
    expect(s.companyIds({ createdTo: new Date(10).toISOString() })).toEqual([acme]);
    expect(s.companyIds({ tagsInclude: [vip] })).toEqual([navy]);
    expect(s.companyIds({ tagsExclude: [vip] })).toEqual([acme]);
    expect(s.companyIds({ search: 'acm' })).toEqual([acme]);
  });
});
