import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrate, MigrationError } from '../../../src/main/store/migrate';
import { migrations } from '../../../src/main/store/migrations';
import { openDatabase } from '../../../src/main/store/open-database';
import { tempDir } from '../../helpers/temp-dir';

function freshDatabase(): Database {
  const db = openDatabase(join(tempDir('outpost-schema-'), 'outpost.db'));
  onTestFinished(() => {
    db.close();
  });
  return db;
}

/** sqlite_master as text: one block per object, indentation normalised so only real changes show. */
function dumpSchema(db: Database): string {
  const rows = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; tbl_name: string; sql: string }[];
  return rows
    .map((row) => {
      const lines = row.sql
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      const body = lines.map((line, i) => (i === 0 || i === lines.length - 1 ? line : `  ${line}`)).join('\n');
      return `-- ${row.type} ${row.name} on ${row.tbl_name}\n${body};\n`;
    })
    .join('\n');
}

describe('schema migrations', () => {
  it('builds the schema recorded in schema.snapshot.sql', async () => {
    const db = freshDatabase();
    migrate(db, migrations);
    await expect(dumpSchema(db)).toMatchFileSnapshot('./schema.snapshot.sql');
  });

  it('makes every table STRICT and leaves no broken foreign key', () => {
    const db = freshDatabase();
    migrate(db, migrations);
    // FTS5 tables are virtual and their shadow tables cannot be STRICT (SQLite before 3.44 lists shadows as 'table').
    const tables = db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts_[a-z]*'")
      .all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('does nothing when migrated a second time', () => {
    const db = freshDatabase();
    const first = migrate(db, migrations);
    expect(first).toEqual({ from: 0, to: migrations.length, applied: migrations.map((m) => m.version) });
    const schema = dumpSchema(db);
    const channels = db.prepare('SELECT count(*) AS n FROM channels').get();

    const second = migrate(db, migrations);

    expect(second).toEqual({ from: migrations.length, to: migrations.length, applied: [] });
    expect(dumpSchema(db)).toBe(schema);
    expect(db.prepare('SELECT count(*) AS n FROM channels').get()).toEqual(channels);
  });

  it('refuses a database whose applied migration was edited afterwards', () => {
    const db = freshDatabase();
    migrate(db, migrations);
    const edited = migrations.map((m) => (m.version === 3 ? { ...m, sql: `${m.sql}\nCREATE TABLE sneaky (id INTEGER) STRICT;` } : m));

    expect(() => migrate(db, edited)).toThrow(MigrationError);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sneaky'").get()).toEqual({ n: 0 });
  });

  it('numbers the registry 1..N with one NNNN-name.ts file per migration', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(m.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const files = readdirSync(join(import.meta.dirname, '../../../src/main/store/migrations'))
      .filter((f) => f !== 'index.ts')
      .sort();
    expect(files).toEqual(migrations.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`));
  });

  it('turns foreign keys on and enforces them', () => {
    const db = freshDatabase();
    migrate(db, migrations);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const insertLead = db.prepare('INSERT INTO leads (first_name, company_id, created_at, updated_at) VALUES (?, ?, 1, 1)');

    expect(() => insertLead.run('Ada', 424242)).toThrow(/FOREIGN KEY constraint failed/);

    const company = db.prepare("INSERT INTO companies (name, created_at, updated_at) VALUES ('Acme', 1, 1)").run();
    const lead = insertLead.run('Ada', company.lastInsertRowid);
    db.prepare("INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, due_at, created_at, updated_at) SELECT id, 'incoming', 'reply', ?, 1, 1, 1 FROM outreach_types WHERE code = 'email'").run(lead.lastInsertRowid);
    expect(() => db.prepare('DELETE FROM leads WHERE id = ?').run(lead.lastInsertRowid)).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare('DELETE FROM companies WHERE id = ?').run(company.lastInsertRowid);
    expect(db.prepare('SELECT company_id FROM leads WHERE id = ?').get(lead.lastInsertRowid)).toEqual({ company_id: null });
  });
});
