import { describe, expect, it } from 'vitest';
import { undoImport, undoJournalEntry } from '../../../src/main/leads/undo';
import type { UpsertSource } from '../../../src/main/leads/upsert-types';
import { leadStore } from './lead-store';

const PERSON: UpsertSource = { kind: 'person', id: 1 };

/** A store holding a lead and a company a person entered before any import. */
function seeded() {
  const store = leadStore();
  const ada = store.engine.upsertLead({ fullName: 'Ada Lovelace', email: 'ada@example.com', jobTitle: 'Analyst', company: { name: 'Acme', domain: 'acme.com' } }, PERSON).id;
  store.tick();
  return { ...store, ada };
}

describe('undoImport', () => {
  it('restores updated rows and removes inserted ones exactly', () => {
    const s = seeded();
    const tables = () => ({ leads: s.rows('leads'), companies: s.rows('companies'), provenance: s.rows('field_provenance') });
    const before = tables();
    const importId = s.addImport();
    const source: UpsertSource = { kind: 'import', id: importId };
    s.sqlite.transaction(() => {
      s.engine.upsertLead({ email: 'ADA@example.com', jobTitle: 'Countess', country: 'GB', company: { domain: 'acme.com', industry: 'Looms' } }, source);
      s.engine.upsertLead({ email: 'grace@navy.mil', linkedinUrl: 'linkedin.com/in/grace', company: { name: 'Navy', website: 'navy.mil' } }, source);
      s.engine.upsertLead({ email: 'alan@example.com' }, source);
      s.engine.upsertLead({ email: 'ada@example.com', phone: '+44 20', jobTitle: '' }, source);
    })();
    expect(s.count('leads')).toBe(3);
    s.tick();

    expect(undoImport(s.sqlite, importId, s.now)).toBe(6);
    expect(tables()).toEqual(before);
    expect(s.sqlite.prepare('SELECT count(*) AS n FROM merge_journal WHERE import_id = ? AND undone_at IS NULL').get(importId)).toEqual({ n: 0 });
    expect(s.sqlite.prepare('SELECT status, undone_at FROM imports WHERE id = ?').get(importId)).toEqual({ status: 'undone', undone_at: 3_000 });
  });

  it('is a no-op the second time', () => {
    const s = seeded();
    const importId = s.addImport();
    s.engine.upsertLead({ email: 'ada@example.com', country: 'GB' }, { kind: 'import', id: importId });
    s.engine.upsertLead({ email: 'grace@navy.mil' }, { kind: 'import', id: importId });
    undoImport(s.sqlite, importId, s.now);
    const snapshot = ['leads', 'companies', 'merge_journal', 'field_provenance', 'imports'].map(s.rows);
    s.tick();
    expect(undoImport(s.sqlite, importId, s.now)).toBe(0);
    expect(['leads', 'companies', 'merge_journal', 'field_provenance', 'imports'].map(s.rows)).toEqual(snapshot);
  });

  it('soft-deletes an inserted row that something else still references', () => {
    const s = seeded();
    const first = s.addImport();
    const second = s.addImport();
    const grace = s.engine.upsertLead({ email: 'grace@navy.mil', company: { domain: 'navy.mil' } }, { kind: 'import', id: first }).id;
    s.engine.upsertLead({ email: 'grace@navy.mil', jobTitle: 'Rear Admiral' }, { kind: 'import', id: second });
    s.engine.upsertLead({ email: 'ada@example.com', company: { domain: 'navy.mil' } }, PERSON);
    s.tick();
    undoImport(s.sqlite, first, s.now);
    expect(s.lead(grace)).toMatchObject({ deleted_at: 3_000, job_title: 'Rear Admiral' });
    expect(s.sqlite.prepare("SELECT deleted_at FROM companies WHERE domain = 'navy.mil'").get()).toEqual({ deleted_at: 3_000 });
  });

  it('keeps a field that changed again after the import', () => {
    const s = seeded();
    const importId = s.addImport();
    s.engine.upsertLead({ email: 'ada@example.com', jobTitle: 'Countess', country: 'GB' }, { kind: 'import', id: importId });
    s.tick();
    s.engine.upsertLead({ email: 'ada@example.com', jobTitle: 'Mathematician' }, PERSON);
    undoImport(s.sqlite, importId, s.now);
    expect(s.lead(s.ada)).toMatchObject({ job_title: 'Mathematician', country: null });
  });
});

describe('undoJournalEntry', () => {
  it('undoes one merge and only once', () => {
    const s = seeded();
    s.engine.upsertLead({ email: 'ada@example.com', jobTitle: 'Countess' }, PERSON);
    s.engine.upsertLead({ email: 'grace@navy.mil' }, PERSON);
    const before = s.lead(s.ada);
    s.tick();
    s.engine.upsertLead({ email: 'ada@example.com', jobTitle: 'Mathematician', phone: '+44 20' }, PERSON);
    const { id } = s.sqlite.prepare('SELECT max(id) AS id FROM merge_journal').get() as { id: number };
    expect(undoJournalEntry(s.sqlite, id, s.now)).toBe(true);
    expect(s.lead(s.ada)).toEqual(before);
    expect(s.count('leads')).toBe(2);
    expect(undoJournalEntry(s.sqlite, id, s.now)).toBe(false);
    expect(s.lead(s.ada)).toEqual(before);
  });
});
