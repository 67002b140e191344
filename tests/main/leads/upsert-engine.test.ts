import { describe, expect, it } from 'vitest';
import type { UpsertSource } from '../../../src/main/leads/upsert-types';
import { leadStore } from './lead-store';

const PERSON: UpsertSource = { kind: 'person', id: 3 };
let IMPORT: UpsertSource;

function setup() {
  const store = leadStore();
  IMPORT = { kind: 'import', id: store.addImport() };
  return store;
}

describe('UpsertEngine.upsertLead', () => {
  it('inserts, then reports unchanged for the same data and updated for new data', () => {
    const { engine, lead } = setup();
    const first = engine.upsertLead({ firstName: 'Ada', email: 'ada@example.com' }, IMPORT);
    expect(first.outcome).toBe('inserted');
    expect(engine.upsertLead({ firstName: 'Ada', email: 'ada@example.com' }, IMPORT)).toEqual({ id: first.id, outcome: 'unchanged' });
    expect(engine.upsertLead({ email: 'ada@example.com', jobTitle: 'Analyst' }, IMPORT)).toEqual({ id: first.id, outcome: 'updated' });
    expect(lead(first.id)).toMatchObject({ first_name: 'Ada', job_title: 'Analyst', email_norm: 'ada@example.com', created_at: 1_000 });
  });

  it.each([
    ['id', (id: number) => ({ id, email: 'other@example.com' })],
    ['email', () => ({ email: '  ADA@Example.com ' })],
    ['LinkedIn', () => ({ linkedinUrl: 'HTTPS://www.LinkedIn.com/in/Ada/?trk=x' })],
    ['Facebook', () => ({ facebookUrl: 'https://m.facebook.com/Ada.Lovelace/?ref=bookmarks' })],
  ])('matches an existing lead by %s in its normalised form', (_key, input) => {
    const { engine, count } = setup();
    const { id } = engine.upsertLead({ email: 'ada@example.com', linkedinUrl: 'linkedin.com/in/ada', facebookUrl: 'facebook.com/ada.lovelace' }, IMPORT);
    expect(engine.upsertLead({ ...input(id), jobTitle: 'Countess' }, IMPORT)).toEqual({ id, outcome: 'updated' });
    expect(count('leads')).toBe(1);
  });

  it('follows the key precedence id > email > LinkedIn > Facebook and never steals a key held by another lead', () => {
    const { engine, lead } = setup();
    const byEmail = engine.upsertLead({ email: 'ada@example.com' }, IMPORT).id;
    const byLinkedin = engine.upsertLead({ linkedinUrl: 'linkedin.com/in/grace' }, IMPORT).id;
    const byFacebook = engine.upsertLead({ facebookUrl: 'facebook.com/alan' }, IMPORT).id;
    const all = { email: 'ada@example.com', linkedinUrl: 'linkedin.com/in/grace', facebookUrl: 'facebook.com/alan', jobTitle: 'X' };
    expect(engine.upsertLead(all, IMPORT).id).toBe(byEmail);
    expect(engine.upsertLead({ ...all, email: undefined }, IMPORT).id).toBe(byLinkedin);
    expect(engine.upsertLead({ ...all, id: byFacebook }, IMPORT).id).toBe(byFacebook);
    expect(lead(byEmail)).toMatchObject({ linkedin_norm: null, facebook_norm: null, job_title: 'X' });
    expect(lead(byFacebook)).toMatchObject({ email_norm: null, linkedin_norm: null, facebook_norm: 'facebook.com/alan' });
  });

  it('never blanks a stored field on a partial re-import', () => {
    const { engine, lead } = setup();
    const full = { firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst', email: 'ada@example.com', phone: '+44 1', country: 'GB', linkedinUrl: 'linkedin.com/in/ada' };
    const { id } = engine.upsertLead(full, IMPORT);
    const stored = lead(id);
    expect(engine.upsertLead({ email: 'ada@example.com', firstName: '', lastName: '   ', jobTitle: null, phone: undefined, linkedinUrl: 'not a url' }, IMPORT).outcome).toBe(
      'unchanged',
    );
    expect(lead(id)).toEqual(stored);
  });

  it('splits a full name when no name part is given', () => {
    const { engine, lead } = setup();
    const { id } = engine.upsertLead({ fullName: 'Dr. Ada K. Lovelace', email: 'ada@example.com' }, IMPORT);
    expect(lead(id)).toMatchObject({ first_name: 'Ada', middle_name: 'K.', last_name: 'Lovelace' });
  });

  it('records provenance per changed field with its source, and journals before and after', () => {
    const { sqlite, engine, tick } = setup();
    const { id } = engine.upsertLead({ firstName: 'Ada', email: 'ada@example.com' }, IMPORT);
    tick();
    engine.upsertLead({ firstName: 'Augusta', email: 'ada@example.com', country: 'GB' }, PERSON);
    const provenance = sqlite.prepare("SELECT field, source_kind, source_id, set_at FROM field_provenance WHERE target_kind = 'lead' AND target_id = ? ORDER BY field").all(id);
    expect(provenance).toEqual([
      { field: 'country', source_kind: 'person', source_id: 3, set_at: 2_000 },
      { field: 'email', source_kind: 'import', source_id: IMPORT.id, set_at: 1_000 },
      { field: 'first_name', source_kind: 'person', source_id: 3, set_at: 2_000 },
    ]);
    const journal = sqlite.prepare('SELECT import_id, action, before, after FROM merge_journal ORDER BY id').all() as Record<string, string | number | null>[];
    expect(journal.map((j) => [j.import_id, j.action, JSON.parse(String(j.before)), JSON.parse(String(j.after))])).toEqual([
      [IMPORT.id, 'insert', null, { first_name: 'Ada', email: 'ada@example.com', email_norm: 'ada@example.com' }],
      [
        null,
        'update',
        { first_name: 'Ada', country: null, updated_at: 1_000, $provenance: { first_name: { source_kind: 'import', source_id: IMPORT.id, set_at: 1_000 }, country: null } }, { first_name: 'Augusta', country: 'GB', updated_at: 2_000 },
      ],
    ]);
  });

  it('creates the nested company once and links every lead to it', () => {
    const { sqlite, engine, lead, count } = setup();
    const a = engine.upsertLead({ email: 'ada@acme.com', company: { name: 'Acme', website: 'https://www.acme.com/about' } }, IMPORT);
    const b = engine.upsertLead({ email: 'grace@acme.com', company: { domain: 'ACME.com', industry: 'Software' } }, IMPORT);
    expect(count('companies')).toBe(1);
    const company = sqlite.prepare('SELECT * FROM companies').get() as Record<string, unknown>;
    expect(company).toMatchObject({ name: 'Acme', domain: 'acme.com', industry: 'Software' });
    expect([lead(a.id)?.company_id, lead(b.id)?.company_id]).toEqual([company.id, company.id]);
  });

  it('ignores soft-deleted leads when matching', () => {
    const { sqlite, engine } = setup();
    const { id } = engine.upsertLead({ email: 'ada@example.com' }, IMPORT);
    sqlite.prepare('UPDATE leads SET deleted_at = 1 WHERE id = ?').run(id);
    expect(engine.upsertLead({ email: 'ada@example.com' }, IMPORT).outcome).toBe('inserted');
  });
});

describe('UpsertEngine.upsertCompany', () => {
  it.each([
    ['id', (id: number) => ({ id })],
    ['domain', () => ({ website: 'http://WWW.acme.com:80/' })],
    ['LinkedIn', () => ({ linkedinUrl: 'https://fr.linkedin.com/company/ACME/' })],
    ['Facebook', () => ({ facebookUrl: 'https://web.facebook.com/acme?ref=x' })],
  ])('matches by %s', (_key, input) => {
    const { engine, count } = setup();
    const { id } = engine.upsertCompany({ name: 'Acme', domain: 'acme.com', linkedinUrl: 'linkedin.com/company/acme', facebookUrl: 'facebook.com/acme' }, IMPORT);
    expect(engine.upsertCompany({ ...input(id), headcount: 12 }, IMPORT)).toEqual({ id, outcome: 'updated' });
    expect(count('companies')).toBe(1);
  });
});
