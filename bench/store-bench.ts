import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../src/main/store/migrate';
import { migrations } from '../src/main/store/migrations';
import { openDatabase } from '../src/main/store/open-database';
import { fakeLeadRows } from './fake-leads';
import { medianMs, report } from './measure';

const ROWS = 100_000;

/** Store start-up (open + migrate) and bulk lead inserts, each against raw better-sqlite3 in the same run. */
export function benchStore(): void {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-'));
  let n = 0;
  const fresh = () => join(dir, `db-${n++}.sqlite`);
  try {
    const rawOpen = medianMs(15, () => new BetterSqlite3(fresh()).close());
    report('raw open (empty file)', rawOpen, 'ms');
    const openMigrate = medianMs(15, () => {
      const db = openDatabase(fresh());
      migrate(db, migrations);
      db.close();
    });
    report('store open + migrate (fresh file)', openMigrate, 'ms', { name: 'raw open', value: rawOpen });
    const migrated = fresh();
    const first = openDatabase(migrated);
    migrate(first, migrations);
    first.close();
    const reopen = medianMs(15, () => {
      const db = openDatabase(migrated);
      migrate(db, migrations);
      db.close();
    });
    report('store open + migrate (up to date)', reopen, 'ms', { name: 'raw open', value: rawOpen });

    const rows = fakeLeadRows(ROWS);
    const raw = new BetterSqlite3(fresh());
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.exec('CREATE TABLE leads (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT, job_title TEXT, country TEXT, created_at INTEGER, updated_at INTEGER)');
    const rawInsert = raw.prepare('INSERT INTO leads (first_name, last_name, email, job_title, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const rawMs = timeOnce(() => raw.transaction(() => rows.forEach((r) => rawInsert.run(r.first, r.last, r.email, r.title, r.country, 1, 1)))());
    raw.close();
    const rawRate = ROWS / (rawMs / 1000);
    report(`raw insert ${ROWS} rows (no indexes)`, rawRate, 'rows/s');

    const db = openDatabase(fresh());
    migrate(db, migrations);
    const insert = db.prepare(
      'INSERT INTO leads (first_name, last_name, email, email_norm, job_title, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const storeMs = timeOnce(() => db.transaction(() => rows.forEach((r) => insert.run(r.first, r.last, r.email, r.email, r.title, r.country, 1, 1)))());
    db.close();
    report(`store insert ${ROWS} leads (schema + dedup indexes)`, ROWS / (storeMs / 1000), 'rows/s', { name: 'raw insert', value: rawRate });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeOnce(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
