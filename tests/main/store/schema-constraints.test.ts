import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrate } from '../../../src/main/store/migrate';
import { migrations } from '../../../src/main/store/migrations';
import { openDatabase } from '../../../src/main/store/open-database';
import { tempDir } from '../../helpers/temp-dir';

function migratedDatabase(): Database {
  const db = openDatabase(join(tempDir('outpost-constraints-'), 'outpost.db'));
  onTestFinished(() => {
    db.close();
  });
  migrate(db, migrations);
  return db;
}

const id = (db: Database, sql: string, ...params: unknown[]): number => Number(db.prepare(sql).run(...params).lastInsertRowid);

describe('schema constraints', () => {
  it('keeps dedup keys unique among live leads and companies only', () => {
    const db = migratedDatabase();
    const insertLead = db.prepare('INSERT INTO leads (email_norm, linkedin_norm, created_at, updated_at) VALUES (?, ?, 1, 1)');
    const first = insertLead.run('ada@example.com', 'linkedin.com/in/ada').lastInsertRowid;

    expect(() => insertLead.run('ada@example.com', null)).toThrow(/UNIQUE constraint failed: leads.email_norm/);
    expect(() => insertLead.run(null, 'linkedin.com/in/ada')).toThrow(/UNIQUE constraint failed: leads.linkedin_norm/);
    expect(() => insertLead.run('Ada@Example.com', null)).toThrow(/CHECK constraint failed/);
    insertLead.run(null, null);
    insertLead.run(null, null);

    db.prepare('UPDATE leads SET deleted_at = 2 WHERE id = ?').run(first);
    expect(() => insertLead.run('ada@example.com', 'linkedin.com/in/ada')).not.toThrow();

    const insertCompany = db.prepare('INSERT INTO companies (domain, created_at, updated_at) VALUES (?, 1, 1)');
    insertCompany.run('example.com');
    expect(() => insertCompany.run('example.com')).toThrow(/UNIQUE constraint failed: companies.domain/);
  });

  it("removes a purged lead's tag links, custom values and provenance, and nobody else's", () => {
    const db = migratedDatabase();
    const tag = id(db, "INSERT INTO tags (name, color, created_at, updated_at) VALUES ('hot', '#ff0000', 1, 1)");
    const field = id(db, "INSERT INTO custom_fields (target_kind, name, type, created_at, updated_at) VALUES ('lead', 'score', 'integer', 1, 1)");
    const [gone, kept] = [1, 2].map(() => id(db, 'INSERT INTO leads (created_at, updated_at) VALUES (1, 1)'));
    for (const lead of [gone, kept]) {
      db.prepare("INSERT INTO tag_links (tag_id, target_kind, target_id, created_by_kind, created_at) VALUES (?, 'lead', ?, 'person', 1)").run(tag, lead);
      db.prepare("INSERT INTO custom_field_values (target_kind, target_id, field_id, value) VALUES ('lead', ?, ?, 7)").run(lead, field);
      db.prepare("INSERT INTO field_provenance (target_kind, target_id, field, source_kind, set_at) VALUES ('lead', ?, 'email', 'person', 1)").run(lead);
    }

    db.prepare('DELETE FROM leads WHERE id = ?').run(gone);

    for (const table of ['tag_links', 'custom_field_values', 'field_provenance']) {
      expect(db.prepare(`SELECT target_id FROM ${table}`).all(), table).toEqual([{ target_id: kept }]);
    }
  });

  it('refuses work items in impossible states', () => {
    const db = migratedDatabase();
    const lead = id(db, 'INSERT INTO leads (created_at, updated_at) VALUES (1, 1)');
    const insertOutreach = db.prepare(
      `INSERT INTO outreach (outreach_type_id, direction, incoming_kind, approval, idempotency_key, lead_id, status, lease_owner, lease_expires_at, due_at, created_at, updated_at)
       SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1 FROM outreach_types WHERE code = 'email'`,
    );
    type Row = { direction: string; incoming: string | null; approval: string | null; key: string | null; status: string; owner: string | null; expires: number | null };
    const outgoing: Row = { direction: 'outgoing', incoming: null, approval: 'pending', key: 'k1', status: 'pending', owner: null, expires: null };
    const run = (o: Row) => insertOutreach.run(o.direction, o.incoming, o.approval, o.key, lead, o.status, o.owner, o.expires);

    expect(() => run({ ...outgoing, approval: null })).toThrow(/CHECK constraint failed/);
    expect(() => run({ ...outgoing, key: null })).toThrow(/CHECK constraint failed/);
    expect(() => run({ ...outgoing, direction: 'incoming' })).toThrow(/CHECK constraint failed/);
    expect(() => run({ ...outgoing, owner: 'worker-1', expires: 5 })).toThrow(/CHECK constraint failed/);
    expect(() => run({ ...outgoing, status: 'sent' })).toThrow(/CHECK constraint failed/);
    run({ ...outgoing, status: 'running', owner: 'worker-1', expires: 5 });
    expect(() => run(outgoing)).toThrow(/UNIQUE constraint failed: outreach.idempotency_key/);
  });

  it('allows one open inbox check per profile', () => {
    const db = migratedDatabase();
    const profile = id(db, "INSERT INTO profiles (profile_type_id, name, created_at, updated_at) SELECT id, 'Ada', 1, 1 FROM profile_types WHERE code = 'gmail'");
    const insertCheck = db.prepare('INSERT INTO inbox_checks (profile_id, status, due_at, created_at, updated_at) VALUES (?, ?, 1, 1, 1)');
    insertCheck.run(profile, 'performed');
    insertCheck.run(profile, 'pending');

    expect(() => insertCheck.run(profile, 'pending')).toThrow(/UNIQUE constraint failed/);
    insertCheck.run(profile, 'failed');
  });

  it('stores only valid JSON in JSON columns', () => {
    const db = migratedDatabase();
    const put = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 1)');
    put.run('operator', '{"name":"Ada"}');
    expect(() => put.run('broken', '{"name":')).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.prepare("INSERT INTO profiles (profile_type_id, name, quotas, created_at, updated_at) SELECT id, 'x', '[1]', 1, 1 FROM profile_types WHERE code = 'gmail'").run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
