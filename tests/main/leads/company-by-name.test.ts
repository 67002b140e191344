import { describe, expect, it } from 'vitest';
import type { UpsertSource } from '../../../src/main/leads/upsert-types';
import { leadStore } from './lead-store';

const SOURCE: UpsertSource = { kind: 'person', id: 1 };

function setup() {
  const store = leadStore();
  const company = (name: string, domain?: string) => store.engine.upsertCompany({ name, domain: domain ?? null }, SOURCE).id;
  const companyOf = (leadId: number) => store.lead(leadId)?.company_id as number;
  const nameOf = (companyId: number) => (store.sqlite.prepare('SELECT name FROM companies WHERE id = ?').get(companyId) as { name: string }).name;
  return { ...store, company, companyOf, nameOf };
}

describe('a company given by name only', () => {
  it('updates the lead’s current company when the names match ignoring case, accents, punctuation and legal form', () => {
    const s = setup();
    const { id } = s.engine.upsertLead({ email: 'ada@x.io', company: { name: 'Café Zürich GmbH', domain: 'cafe.ch' } }, SOURCE);
    const current = s.companyOf(id);
    s.company('Cafe Zurich');
    s.engine.upsertLead({ email: 'ada@x.io', company: { name: 'CAFÉ ZÜRICH, g.m.b.h.', industry: 'Coffee' } }, SOURCE);
    expect(s.companyOf(id)).toBe(current);
    expect(s.sqlite.prepare('SELECT industry FROM companies WHERE id = ?').get(current)).toEqual({ industry: 'Coffee' });
  });

  it('moves the lead to the single existing company of that name when its current company is another one', () => {
    const s = setup();
    const { id } = s.engine.upsertLead({ email: 'ada@x.io', company: { name: 'Old Employer', domain: 'old.io' } }, SOURCE);
    const acme = s.company('Acme, Inc.', 'acme.com');
    s.company('Acme Widgets');
    s.engine.upsertLead({ email: 'ada@x.io', company: { name: 'ACME Ltd' } }, SOURCE);
    expect(s.companyOf(id)).toBe(acme);
    expect(s.nameOf(acme)).toBe('ACME Ltd');
    expect(s.count('companies')).toBe(3);
  });

  it('attaches a new lead to the single live company with that name', () => {
    const s = setup();
    const engines = s.company('Engines.io');
    const deleted = s.company('Navy');
    s.sqlite.prepare('UPDATE companies SET deleted_at = 1 WHERE id = ?').run(deleted);
    const lead = s.engine.upsertLead({ email: 'grace@x.io', company: { name: 'engines io' } }, SOURCE);
    expect(s.companyOf(lead.id)).toBe(engines);
    const navy = s.engine.upsertLead({ email: 'hopper@x.io', company: { name: 'Navy' } }, SOURCE);
    expect(s.companyOf(navy.id)).not.toBe(deleted);
  });

  it('creates a new company when several companies share the name', () => {
    const s = setup();
    const a = s.company('Globex', 'globex.com');
    const b = s.company('Globex Corp', 'globex.de');
    const lead = s.engine.upsertLead({ email: 'hank@x.io', company: { name: 'Globex' } }, SOURCE);
    expect([a, b]).not.toContain(s.companyOf(lead.id));
    expect(s.count('companies')).toBe(3);
  });

  it('creates a new company when none has the name, and a key given always wins over the name', () => {
    const s = setup();
    const lead = s.engine.upsertLead({ email: 'ada@x.io', company: { name: 'Initech' } }, SOURCE);
    expect(s.nameOf(s.companyOf(lead.id))).toBe('Initech');
    const acme = s.company('Acme', 'acme.com');
    const keyed = s.engine.upsertLead({ email: 'bob@x.io', company: { name: 'Initech', website: 'https://acme.com/' } }, SOURCE);
    expect(s.companyOf(keyed.id)).toBe(acme);
  });

  it('updates the current company when only other company fields are given', () => {
    const s = setup();
    const { id } = s.engine.upsertLead({ email: 'ada@x.io', company: { name: 'Acme' } }, SOURCE);
    s.engine.upsertLead({ email: 'ada@x.io', company: { industry: 'Anvils' } }, SOURCE);
    expect(s.count('companies')).toBe(1);
    expect(s.sqlite.prepare('SELECT name, industry FROM companies WHERE id = ?').get(s.companyOf(id))).toEqual({ name: 'Acme', industry: 'Anvils' });
  });
});

describe('a company name made of a legal form and a number', () => {
  it('is still found by name', () => {
    const s = setup();
    const corp = s.company('Corp 5');
    const lead = s.engine.upsertLead({ email: 'ada@x.io', company: { name: 'corp 5' } }, SOURCE);
    expect(s.companyOf(lead.id)).toBe(corp);
  });
});

describe('one source naming the same company on many rows', () => {
  it('links them all to one company even when the name was ambiguous before', () => {
    const s = setup();
    s.company('Globex', 'globex.com');
    s.company('Globex Corp', 'globex.de');
    const source: UpsertSource = { kind: 'import', id: s.addImport() };
    const ids = ['a', 'b', 'c'].map((who) => s.engine.upsertLead({ email: `${who}@x.io`, company: { name: 'GLOBEX' } }, source).id);
    expect(new Set(ids.map(s.companyOf)).size).toBe(1);
    expect(s.count('companies')).toBe(3);
  });

  it('forgets the link for the next source, and when the company is deleted', () => {
    const s = setup();
    const first: UpsertSource = { kind: 'import', id: s.addImport() };
    const a = s.engine.upsertLead({ email: 'a@x.io', company: { name: 'Initech' } }, first);
    s.sqlite.prepare('UPDATE companies SET deleted_at = 1 WHERE id = ?').run(s.companyOf(a.id));
    const b = s.engine.upsertLead({ email: 'b@x.io', company: { name: 'Initech' } }, first);
    expect(s.companyOf(b.id)).not.toBe(s.companyOf(a.id));
    s.company('Initech', 'initech.com');
    const second: UpsertSource = { kind: 'import', id: s.addImport() };
    const c = s.engine.upsertLead({ email: 'c@x.io', company: { name: 'Initech' } }, second);
    expect([s.companyOf(a.id), s.companyOf(b.id)]).not.toContain(s.companyOf(c.id));
  });
});
