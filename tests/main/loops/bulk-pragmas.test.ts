import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { withBulkPragmas } from '../../../src/main/loops/bulk-pragmas';
import { openDatabase } from '../../../src/main/store/open-database';
import { tempDir } from '../../helpers/temp-dir';

describe('withBulkPragmas', () => {
  it('raises the page cache during the work only, even when it fails, and keeps durability', async () => {
    const db = openDatabase(join(tempDir(), 'bulk.sqlite'));
    onTestFinished(() => {
      db.close();
    });
    const read = () => [db.pragma('cache_size', { simple: true }), db.pragma('synchronous', { simple: true })];
    const before = read();
    const during = await withBulkPragmas(db, async () => read());
    expect(during).toEqual([-65536, before[1]]);
    expect(read()).toEqual(before);
    await expect(withBulkPragmas(db, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(read()).toEqual(before);
  });
});
