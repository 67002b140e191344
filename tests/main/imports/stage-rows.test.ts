import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { stageRows } from '../../../src/main/imports/stage-rows';
import { openStore } from '../../../src/main/store/store';
import { tempDir } from '../../helpers/temp-dir';

describe('stageRows', () => {
  it('counts only lines it added, so a batch staged twice advances the counters once', () => {
    const store = openStore(join(tempDir(), 'outpost.sqlite'));
    onTestFinished(() => store.close());
    const importId = Number(
      store.sqlite
        .prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, created_at, updated_at) VALUES ('file', 'x.csv', '/x.csv', 100, '{}', '[]', 0, 0)")
        .run().lastInsertRowid,
    );
    const rows = [
      { line: 2, cells: ['a', 'b'], reason: null },
      { line: 3, cells: ['c'], reason: 'line 3: 1 cells, expected 2' },
    ];
    expect(stageRows(store.sqlite, { importId, rows, bytesRead: 40, now: 5 })).toEqual({ staged: 2, rejected: 1 });
    expect(stageRows(store.sqlite, { importId, rows: [...rows, { line: 4, cells: ['d', 'e'], reason: null }], bytesRead: 30, now: 6 })).toEqual({ staged: 1, rejected: 0 });
    expect(store.sqlite.prepare('SELECT rows_staged, rows_rejected, bytes_ingested, updated_at FROM imports WHERE id = ?').get(importId)).toEqual({
      rows_staged: 3,
      rows_rejected: 1,
      bytes_ingested: 40,
      updated_at: 6,
    });
    expect(store.sqlite.prepare('SELECT line, outcome, reason FROM import_rows ORDER BY line').all()).toEqual([
      { line: 2, outcome: 'pending', reason: null },
      { line: 3, outcome: 'rejected', reason: 'line 3: 1 cells, expected 2' },
      { line: 4, outcome: 'pending', reason: null },
    ]);
  });
});
