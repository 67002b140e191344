import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/main/backup/backup-folder';
import { prepareDatabase } from '../../../src/main/backup/prepare-database';
import { migrate } from '../../../src/main/store/migrate';
import { migrations } from '../../../src/main/store/migrations';
import { openDatabase } from '../../../src/main/store/open-database';
import { openStore } from '../../../src/main/store/store';
import pino from 'pino';
import { tempDir } from '../../helpers/temp-dir';

describe('pre-migration backup', () => {
  it('backs up an existing database once, before its pending migrations, and never a fresh one', async () => {
    const dataDir = tempDir();
    const now = () => Date.UTC(2026, 10, 23, 9);
    const prepared = await prepareDatabase(dataDir, now, pino({ level: 'silent' }));
    const fresh = openStore(prepared.file, now, { beforeMigrate: prepared.beforeMigrate });
    await fresh.close();
    expect(listBackups(join(dataDir, 'backups'))).toEqual([]);

    const older = join(dataDir, 'older.sqlite');
    const db = openDatabase(older);
    migrate(db, migrations.slice(0, 3), now);
    db.close();
    const calls: number[] = [];
    const verified: Promise<unknown>[] = [];
    const hook = (sqlite: Parameters<typeof prepared.beforeMigrate>[0]) => {
      calls.push((sqlite.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v);
      verified.push(prepared.beforeMigrate(sqlite));
    };
    for (let i = 0; i < 2; i++) await openStore(older, now, { beforeMigrate: hook }).close();
    expect(calls).toEqual([3]);
    await Promise.all(verified);
    const taken = listBackups(join(dataDir, 'backups'));
    expect(taken.map((b) => b.reason)).toEqual(['pre-migration']);
    const copy = openDatabase(taken[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 3 });
    copy.close();
  });
});
