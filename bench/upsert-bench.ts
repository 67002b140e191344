import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { UpsertEngine } from '../src/main/leads/upsert-engine';
import { migrate } from '../src/main/store/migrate';
import { migrations } from '../src/main/store/migrations';
import { openDatabase } from '../src/main/store/open-database';
import { fakeLeadRows } from './fake-leads';
import { medianMs, report } from './measure';

const ROWS = 50_000;
const RUNS = 5;

/** Upserting 50,000 leads (half new, half updating an existing lead found by email) in one transaction, against raw INSERTs of the same rows. */
export function benchUpsert(): void {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-'));
  const rows = fakeLeadRows(ROWS);
  try {
    const raw = migrated(join(dir, 'raw.sqlite'));
    const insert = raw.prepare('INSERT INTO leads (first_name, last_name, email, email_norm, job_title, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const rawMs = medianMs(RUNS, () => rolledBack(raw, () => rows.forEach((r) => insert.run(r.first, r.last, r.email, r.email, r.title, r.country, 1, 1))));
    raw.close();
    report(`raw insert ${ROWS} leads (migrated table)`, rawMs, 'ms');

    const db = migrated(join(dir, 'upsert.sqlite'));
    const importId = Number(
      db.prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, created_at, updated_at) VALUES ('file', 'b.csv', '/b.csv', 1, '{}', '[]', 1, 1)").run()
        .lastInsertRowid,
    );
    const engine = new UpsertEngine(db, Date.now);
    const source = { kind: 'import', id: importId } as const;
    const lead = (r: (typeof rows)[number], jobTitle: string) => ({ firstName: r.first, lastName: r.last, email: r.email, jobTitle, country: r.country });
    // Existing leads differ in title, so the matching half are real updates (journal and provenance), not no-ops.
    db.transaction(() => rows.slice(0, ROWS / 2).forEach((r) => engine.upsertLead(lead(r, 'Sales Manager'), source)))();
    const upsertMs = medianMs(RUNS, () => rolledBack(db, () => rows.forEach((r) => engine.upsertLead(lead(r, r.title), source))));
    db.close();
    report(`upsert ${ROWS} leads (half new, half by email)`, upsertMs, 'ms', { name: 'raw insert', value: rawMs });
    report('upsert rate', ROWS / (upsertMs / 1000), 'rows/s');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function migrated(file: string): Database {
  const db = openDatabase(file);
  migrate(db, migrations);
  return db;
}

/** Runs `work` in a transaction that is rolled back, so every timed run starts from the same rows. */
function rolledBack(db: Database, work: () => void): void {
  db.exec('BEGIN');
  try {
    work();
  } finally {
    db.exec('ROLLBACK');
  }
}
