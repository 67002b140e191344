import { closeSync, openSync, writeSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/** Adds a table with an index that startup never reads, so damaging it fails `quick_check` without stopping the start. */
export function addJunkTable(file: string, rows = 3000): void {
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE junk (v TEXT); CREATE INDEX junk_v ON junk (v)');
  const insert = db.prepare('INSERT INTO junk (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`value-${i}-${'x'.repeat(40)}`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Overwrites the root page of the junk index with garbage (the file must be checkpointed and closed). */
export function damageJunkIndex(file: string): void {
  const db = new BetterSqlite3(file, { readonly: true });
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'junk_v'").get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
}
