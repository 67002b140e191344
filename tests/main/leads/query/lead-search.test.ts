import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { toMatchExpression } from '../../../../src/main/leads/query/fts-match';
import { undoImport } from '../../../../src/main/leads/undo';
import { migrate } from '../../../../src/main/store/migrate';
import { migrations } from '../../../../src/main/store/migrations';
import { openDatabase } from '../../../../src/main/store/open-database';
import { tempDir } from '../../../helpers/temp-dir';
import { queryStore } from './query-store';

const PERSON = { kind: 'person', id: 1 } as const;

describe('lead search', () => {
  it('ignores diacritics and case both ways, and matches the last word as a prefix', () => {
    const s = queryStore();
    const jose = s.addLead({ first_name: 'José', last_name: 'Núñez', email: 'jose@example.com' });
    const zoe = s.addLead({ first_name: 'ZOE', last_name: 'Müller', job_title: 'Head of Sales' });
    expect(s.leadIds({ search: 'jose nunez' })).toEqual([jose]);
    expect(s.leadIds({ search: 'JOSÉ' })).toEqual([jose]);
    expect(s.leadIds({ search: 'zoë' })).toEqual([zoe]);
    expect(s.leadIds({ search: 'mull' })).toEqual([zoe]);
    expect(s.leadIds({ search: 'mu' })).toEqual([zoe]);
    expect(s.leadIds({ search: 'head sal' })).toEqual([zoe]);
    // Only the last word is a prefix: an earlier word must be whole.
    expect(s.leadIds({ search: 'hea sales' })).toEqual([]);
    expect(s.leadIds({ search: 'jose@exam' })).toEqual([jose]);
  });

  it("finds leads by their company's name, also after the company is renamed", () => {
    const s = queryStore();
    const acme = s.addCompany({ name: 'Acme Robotics' });
    const ada = s.addLead({ first_name: 'Ada', company_id: acme });
    const alan = s.addLead({ first_name: 'Alan' });
    expect(s.leadIds({ search: 'robotics' })).toEqual([ada]);
    s.sqlite.prepare("UPDATE companies SET name = 'Initech' WHERE id = ?").run(acme);
    expect(s.leadIds({ search: 'robotics' })).toEqual([]);
    expect(s.leadIds({ search: 'initech' })).toEqual([ada]);
    s.sqlite.prepare('UPDATE leads SET company_id = ? WHERE id = ?').run(acme, alan);
    expect(s.leadIds({ search: 'initech' })).toEqual([ada, alan]);
    s.sqlite.prepare('DELETE FROM companies WHERE id = ?').run(acme);
    expect(s.leadIds({ search: 'initech' })).toEqual([]);
    expect(s.leadIds({ search: 'ada' })).toEqual([ada]);
  });

  it('treats quotes, operators, -, * and NEAR( as plain text and never errors', () => {
    const s = queryStore();
    const ada = s.addLead({ first_name: 'Ada', last_name: 'Lovelace-Byron', email: 'ada@x.io' });
    for (const hostile of ['"', '""', 'ada"', '"ada', 'NEAR(', 'NEAR(ada', 'ada NEAR(', '*', 'ada*', '*ada', '-', '-ada', 'ada -', 'AND', 'ada OR', 'NOT ada', '(', ')', 'col:ada', '^ada', '+', "'", '\\', '{ada}']) {
      expect(() => s.leadIds({ search: hostile }), hostile).not.toThrow();
    }
    expect(s.leadIds({ search: 'ada"' })).toEqual([ada]);
    expect(s.leadIds({ search: 'lovelace-byron' })).toEqual([ada]);
    expect(s.leadIds({ search: 'NOT ada' })).toEqual([]);
    expect(s.leadIds({ search: 'first_name:ada' })).toEqual([]);
  });

  it('leaves the list unfiltered when nothing searchable was typed', () => {
    expect(toMatchExpression('  ')).toBeNull();
    expect(toMatchExpression('- * "')).toBeNull();
    expect(toMatchExpression('a "b" c-d')).toBe('"a" """b""" "c-d"*');
    const s = queryStore();
    const ada = s.addLead({ first_name: 'Ada' });
    expect(s.leadIds({ search: '-' })).toEqual([ada]);
  });

  it('keeps the index in sync with inserts, edits, deletes and the undo of an import', () => {
    const s = queryStore();
    const ada = s.engine.upsertLead({ fullName: 'Ada Lovelace', email: 'ada@example.com', jobTitle: 'Analyst' }, PERSON).id;
    expect(s.leadIds({ search: 'analyst' })).toEqual([ada]);

    const importId = s.addImport();
    const source = { kind: 'import', id: importId } as const;
    s.engine.upsertLead({ email: 'ada@example.com', jobTitle: 'Countess' }, source);
    const grace = s.engine.upsertLead({ fullName: 'Grace Hopper', email: 'grace@navy.mil', company: { name: 'Navy' } }, source).id;
    expect(s.leadIds({ search: 'analyst' })).toEqual([]);
    expect(s.leadIds({ search: 'countess' })).toEqual([ada]);
    expect(s.leadIds({ search: 'navy hopp' })).toEqual([grace]);
    expect(s.leadIds({ importId })).toEqual([ada, grace]);

    s.tick();
    undoImport(s.sqlite, importId, s.now);
    expect(s.leadIds({ search: 'countess' })).toEqual([]);
    expect(s.leadIds({ search: 'analyst' })).toEqual([ada]);
    expect(s.leadIds({ search: 'grace' })).toEqual([]);
    expect(s.leadIds({ importId })).toEqual([]);

    s.sqlite.prepare('DELETE FROM leads WHERE id = ?').run(ada);
    expect(s.leadIds({ search: 'ada' })).toEqual([]);
    // The index holds exactly the rows that exist: nothing stale is left to match a reused word.
    const indexed = s.sqlite.prepare("SELECT count(*) AS n FROM leads_fts WHERE leads_fts MATCH 'ada OR grace OR analyst OR countess OR navy'").get();
    expect(indexed).toEqual({ n: 0 });
  });

  it('hides soft-deleted leads from search and shows them again when restored', () => {
    const s = queryStore();
    const ada = s.addLead({ first_name: 'Ada' });
    s.sqlite.prepare('UPDATE leads SET deleted_at = 5 WHERE id = ?').run(ada);
    expect(s.leadIds({ search: 'ada' })).toEqual([]);
    s.sqlite.prepare('UPDATE leads SET deleted_at = NULL WHERE id = ?').run(ada);
    expect(s.leadIds({ search: 'ada' })).toEqual([ada]);
  });

  it('searches companies by name, domain and industry, in sync with edits', () => {
    const s = queryStore();
    const acme = s.addCompany({ name: 'Acme Corp', domain: 'acme-robotics.com', industry: 'Manufacturing' });
    const other = s.addCompany({ name: 'Other' });
    expect(s.companyIds({ search: 'robotics' })).toEqual([acme]);
    expect(s.companyIds({ search: 'manuf' })).toEqual([acme]);
    s.sqlite.prepare("UPDATE companies SET industry = 'Retail' WHERE id = ?").run(acme);
    expect(s.companyIds({ search: 'manuf' })).toEqual([]);
    expect(s.companyIds({ search: 'retail' })).toEqual([acme]);
    s.sqlite.prepare('DELETE FROM companies WHERE id = ?').run(acme);
    expect(s.companyIds({ search: 'acme' })).toEqual([]);
    expect(s.companyIds({ search: 'oth' })).toEqual([other]);
  });

  it('indexes the rows that existed before the migration ran', () => {
    const db = openDatabase(join(tempDir(), 'old.db'));
    onTestFinished(() => {
      db.close();
    });
    migrate(db, migrations.filter((m) => m.version < 10));
    const acme = db.prepare("INSERT INTO companies (name, domain, created_at, updated_at) VALUES ('Backfill Co', 'backfill.io', 1, 1)").run().lastInsertRowid;
    const early = db.prepare("INSERT INTO leads (first_name, company_id, created_at, updated_at) VALUES ('Early', ?, 1, 1)").run(acme).lastInsertRowid;
    migrate(db, migrations);
    expect(db.prepare("SELECT rowid AS id FROM leads_fts WHERE leads_fts MATCH 'backfill early'").all()).toEqual([{ id: early }]);
    expect(db.prepare('SELECT rowid AS id FROM companies_fts WHERE companies_fts MATCH ?').all('"backfill.io"')).toEqual([{ id: acme }]);
  });
});
