import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { listBackups, writeBackup } from '../../../src/main/backup/backup-folder';
import { parseBackupName } from '../../../src/main/backup/backup-names';
import { checkFile } from '../../../src/main/backup/verify-backup';
import { openDatabase } from '../../../src/main/store/open-database';
import { tempDir } from '../../helpers/temp-dir';
import { addJunkTable, damageJunkIndex } from './corrupt-file';

// Generous ceiling only (the machine is shared); no test asserts on time.
vi.setConfig({ testTimeout: 120_000 });

const at = Date.UTC(2026, 10, 23, 9, 0, 0, 7);

function seeded(dir: string): string {
  const file = join(dir, 'live.sqlite');
  const db = openDatabase(file);
  // Every write adds one row to each table in one transaction: a consistent copy has equal counts.
  db.exec("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX a_v ON a (v)");
  const insertA = db.prepare('INSERT INTO a (v) VALUES (?)');
  const insertB = db.prepare('INSERT INTO b (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) {
      insertA.run(`a${i}-${'p'.repeat(200)}`);
      insertB.run(`b${i}`);
    }
  })();
  db.close();
  return file;
}

const counts = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('SELECT (SELECT count(*) FROM a) AS a, (SELECT count(*) FROM b) AS b').get() as { a: number; b: number };
  } finally {
    db.close();
  }
};

describe('online backups', () => {
  it('copies a database consistently while this connection and another keep writing, and the copy passes integrity_check', async () => {
    const dir = tempDir();
    const file = seeded(dir);
    const live = openDatabase(file);
    const other = openDatabase(file);
    const pair = (db: BetterSqlite3.Database, i: number) =>
      db.transaction(() => {
        db.prepare('INSERT INTO a (v) VALUES (?)').run(`w${i}`);
        db.prepare('INSERT INTO b (v) VALUES (?)').run(`w${i}`);
      })();
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        pair(writes % 2 === 0 ? live : other, writes);
        writes++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backup = await writeBackup(live, join(dir, 'backups'), at, 'manual');
    writing = false;
    await writer;
    live.close();
    other.close();

    expect(writes).toBeGreaterThan(0);
    expect(backup.id).toBe('outpost-20261123T090000007Z-manual.sqlite');
    expect(await checkFile(backup.file)).toEqual({ ok: true, problems: [] });
    const copied = counts(backup.file);
    expect(copied.a).toBe(copied.b);
    expect(copied.a).toBeGreaterThanOrEqual(20_000);
    expect(copied.a).toBeLessThanOrEqual(20_000 + writes);
    // A self-contained file: no -wal or -shm beside it, no partial left behind.
    expect(readdirSync(join(dir, 'backups'))).toEqual([backup.id]);
    expect(listBackups(join(dir, 'backups'))).toEqual([{ ...backup }]);
  });

  it('refuses a corrupted file: integrity_check reports it, and a damaged copy is not listed', async () => {
    const dir = tempDir();
    const file = join(dir, 'live.sqlite');
    openDatabase(file).close();
    addJunkTable(file);
    expect((await checkFile(file)).ok).toBe(true);
    const copy = join(dir, 'outpost-20261123T090000007Z-manual.sqlite');
    copyFileSync(file, copy);
    damageJunkIndex(copy);
    const check = await checkFile(copy);
    expect(check.ok).toBe(false);
    expect(check.problems.length).toBeGreaterThan(0);
    expect((await checkFile(join(dir, 'missing.sqlite'))).ok).toBe(false);
  });

  it('parses only its own names', () => {
    expect(parseBackupName('outpost-20261123T090000007Z-scheduled.sqlite')).toEqual({ at, reason: 'scheduled' });
    expect(parseBackupName('outpost-20261323T090000007Z-scheduled.sqlite')).toBeNull();
    expect(parseBackupName('outpost-20261123T090000007Z-other.sqlite')).toBeNull();
    expect(parseBackupName('outpost-20261123T090000007Z-manual.sqlite.partial')).toBeNull();
  });
});
