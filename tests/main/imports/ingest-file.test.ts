import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ingestFile, type IngestProgress } from '../../../src/main/imports/ingest-file';
import type { ImportOptions } from '../../../src/main/imports/import-options';
import { openStore, type Store } from '../../../src/main/store/store';
import { tempDir } from '../../helpers/temp-dir';

interface Fixture {
  readonly store: Store;
  readonly importId: number;
}

/** A migrated temp-file store with one pending import of a file holding `content`. */
function fixture(content: string | Buffer, options: Partial<ImportOptions> = {}): Fixture {
  const dir = tempDir();
  const file = join(dir, 'leads.csv');
  writeFileSync(file, content);
  const store = openStore(join(dir, 'outpost.sqlite'));
  onTestFinished(() => store.close());
  const { lastInsertRowid } = store.sqlite
    .prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, created_at, updated_at) VALUES ('file', 'leads.csv', ?, ?, ?, '[]', 0, 0)")
    .run(file, statSync(file).size, JSON.stringify(options));
  return { store, importId: Number(lastInsertRowid) };
}

interface Staged {
  line: number;
  cells: string[];
  outcome: string;
  reason: string | null;
}

function staged({ store, importId }: Fixture): Staged[] {
  const rows = store.sqlite.prepare('SELECT line, cells, outcome, reason FROM import_rows WHERE import_id = ? ORDER BY line').all(importId) as (Omit<Staged, 'cells'> & { cells: string })[];
  return rows.map((r) => ({ ...r, cells: JSON.parse(r.cells) as string[] }));
}

function importRecord({ store, importId }: Fixture) {
  return store.sqlite.prepare('SELECT status, detected, rows_staged, rows_rejected, bytes_ingested, file_size FROM imports WHERE id = ?').get(importId) as {
    status: string;
    detected: string;
    rows_staged: number;
    rows_rejected: number;
    bytes_ingested: number;
    file_size: number;
  };
}

const cellsOf = (f: Fixture) => staged(f).map((r) => r.cells);

describe('ingestFile', () => {
  it.each([
    [',', 'name,email\nAnn,ann@x.io\nBob,bob@y.io\n'],
    [';', 'name;email\nAnn;ann@x.io\nBob;bob@y.io\n'],
    ['\t', 'name\temail\nAnn\tann@x.io\nBob\tbob@y.io\n'],
    ['|', 'name|email\nAnn|ann@x.io\nBob|bob@y.io'],
  ])('stages the rows of a %j file with their line numbers and the header in detected', async (delimiter, text) => {
    const f = fixture(text);
    const done = await ingestFile(f.store.sqlite, f.importId);
    expect(staged(f)).toEqual([
      { line: 2, cells: ['Ann', 'ann@x.io'], outcome: 'pending', reason: null },
      { line: 3, cells: ['Bob', 'bob@y.io'], outcome: 'pending', reason: null },
    ]);
    const record = importRecord(f);
    expect(JSON.parse(record.detected)).toMatchObject({ delimiter, header: true, columns: ['name', 'email'], width: 2 });
    expect(record).toMatchObject({ status: 'importing', rows_staged: 2, rows_rejected: 0, bytes_ingested: record.file_size });
    expect(done).toMatchObject({ rowsStaged: 2, done: true, bytesRead: record.file_size });
  });

  it('numbers a record by its first line when quoted cells span lines, and unescapes doubled quotes', async () => {
    const f = fixture('name,note\nAnn,"line one\nline two\r\nline three"\nBob,"said ""hi"", left"\n\nCid,x\n');
    await ingestFile(f.store.sqlite, f.importId);
    expect(staged(f).map((r) => [r.line, r.cells])).toEqual([
      [2, ['Ann', 'line one\nline two\r\nline three']],
      [5, ['Bob', 'said "hi", left']],
      [7, ['Cid', 'x']],
    ]);
  });

  it('rejects a ragged row naming its line and counts it', async () => {
    const f = fixture('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    await ingestFile(f.store.sqlite, f.importId);
    expect(staged(f).filter((r) => r.outcome === 'rejected')).toEqual([
      { line: 3, cells: ['4', '5'], outcome: 'rejected', reason: 'line 3: 2 cells, expected 3' },
      { line: 4, cells: ['6', '7', '8', '9'], outcome: 'rejected', reason: 'line 4: 4 cells, expected 3' },
    ]);
    expect(importRecord(f)).toMatchObject({ rows_staged: 4, rows_rejected: 2 });
  });

  it('rejects a record whose quote never closes, naming the line it starts on', async () => {
    const f = fixture('a,b\n1,2\n3,"open\n4,5\n');
    await ingestFile(f.store.sqlite, f.importId);
    const [first, broken] = staged(f);
    expect(first).toMatchObject({ line: 2, outcome: 'pending' });
    expect(broken).toMatchObject({ line: 3, outcome: 'rejected', reason: 'line 3: Quoted field unterminated' });
  });

  it('stages row 1 as data in a file without a header, the first row setting the width', async () => {
    const f = fixture('Ann,ann@x.io\nBob,bob@y.io\nCid\n');
    await ingestFile(f.store.sqlite, f.importId);
    expect(staged(f).map((r) => [r.line, r.outcome])).toEqual([
      [1, 'pending'],
      [2, 'pending'],
      [3, 'rejected'],
    ]);
    expect(JSON.parse(importRecord(f).detected)).toMatchObject({ header: false, columns: null, width: 2 });
  });

  it('follows explicit options over detection', async () => {
    const f = fixture('name;email\nAnn;ann@x.io\n', { header: false, delimiter: ',' });
    await ingestFile(f.store.sqlite, f.importId);
    expect(cellsOf(f)).toEqual([['name;email'], ['Ann;ann@x.io']]);
  });

  it('decodes a Windows-1252 file', async () => {
    const f = fixture(iconv.encode('Nom,Prénom\nMüller,Zoë\n', 'windows-1252'));
    await ingestFile(f.store.sqlite, f.importId);
    expect(cellsOf(f)).toEqual([['Müller', 'Zoë']]);
    expect(JSON.parse(importRecord(f).detected)).toMatchObject({ encoding: 'windows-1252', columns: ['Nom', 'Prénom'] });
  });

  it('reads an Excel export: UTF-8 BOM, semicolons, CRLF and a multi-line cell', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const f = fixture(Buffer.concat([bom, Buffer.from('Nom;Prénom;Adresse\r\nMüller;Zoë;"1 rue X\nParis"\r\nDupont;Élise;Lyon\r\n')]));
    await ingestFile(f.store.sqlite, f.importId);
    expect(staged(f).map((r) => [r.line, r.cells])).toEqual([
      [2, ['Müller', 'Zoë', '1 rue X\nParis']],
      [4, ['Dupont', 'Élise', 'Lyon']],
    ]);
    expect(JSON.parse(importRecord(f).detected)).toMatchObject({ bomBytes: 3, delimiter: ';', newline: '\r\n', columns: ['Nom', 'Prénom', 'Adresse'] });
  });

  it('decodes a UTF-16LE file with its BOM', async () => {
    const f = fixture(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('name\tcity\nZoë\tKöln\n', 'utf-16le')]));
    await ingestFile(f.store.sqlite, f.importId);
    expect(cellsOf(f)).toEqual([['Zoë', 'Köln']]);
  });

  it('resumes after a crash mid-file: every line staged exactly once with its content', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? `n${i},"multi\nline ${i}",x` : i % 11 === 0 ? `n${i},short` : `n${i},"q ""${i}""",x`));
    const f = fixture(['name,note,extra', ...rows].join('\n') + '\n');
    const crash = new AbortController();
    const seen: IngestProgress[] = [];
    const crashed = ingestFile(f.store.sqlite, f.importId, {
      batchSize: 300,
      signal: crash.signal,
      onProgress: (p) => {
        seen.push(p);
        if (seen.length === 3) crash.abort(new Error('crash'));
      },
    });
    await expect(crashed).rejects.toThrow('crash');
    expect(importRecord(f)).toMatchObject({ status: 'ingesting', rows_staged: 900 });
    expect(importRecord(f).bytes_ingested).toBeGreaterThan(0);

    await ingestFile(f.store.sqlite, f.importId, { batchSize: 300 });

    let line = 2;
    const expected = rows.map((text, i) => {
      const start = line;
      line += text.includes('\n') ? 2 : 1;
      const cells = i % 7 === 0 ? [`n${i}`, `multi\nline ${i}`, 'x'] : i % 11 === 0 ? [`n${i}`, 'short'] : [`n${i}`, `q "${i}"`, 'x'];
      return { line: start, cells, outcome: cells.length === 3 ? 'pending' : 'rejected' };
    });
    expect(staged(f).map(({ line, cells, outcome }) => ({ line, cells, outcome }))).toEqual(expected);
    const rejected = expected.filter((r) => r.outcome === 'rejected').length;
    expect(importRecord(f)).toMatchObject({ status: 'importing', rows_staged: 5000, rows_rejected: rejected });
  });

  it('is idempotent when run again on a fully staged import that is still ingesting', async () => {
    const f = fixture('a,b\n1,2\n3,4\n');
    await ingestFile(f.store.sqlite, f.importId);
    f.store.sqlite.prepare("UPDATE imports SET status = 'ingesting' WHERE id = ?").run(f.importId);
    await ingestFile(f.store.sqlite, f.importId);
    expect(staged(f)).toHaveLength(2);
    expect(importRecord(f).rows_staged).toBe(2);
  });

  it('refuses an import past ingesting and a missing import', async () => {
    const f = fixture('a,b\n1,2\n');
    await ingestFile(f.store.sqlite, f.importId);
    await expect(ingestFile(f.store.sqlite, f.importId)).rejects.toThrow('is importing');
    await expect(ingestFile(f.store.sqlite, 999)).rejects.toThrow('does not exist');
  });

  it('counts a 20,000-row file right and reports progress per batch', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `Lead ${i},lead${i}@example.com,Company ${i % 97}`).join('\r\n');
    const f = fixture(`name,email,company\r\n${body}\r\n`);
    const seen: IngestProgress[] = [];
    const done = await ingestFile(f.store.sqlite, f.importId, { onProgress: (p) => seen.push(p) });
    expect(done).toMatchObject({ rowsStaged: 20_000, rowsRejected: 0, done: true });
    expect(seen.map((p) => p.rowsStaged)).toEqual([...Array.from({ length: 20 }, (_, i) => (i + 1) * 1000), 20_000]);
    expect(seen.map((p) => p.done)).toEqual([...Array.from({ length: 20 }, () => false), true]);
    const last = f.store.sqlite.prepare('SELECT line, cells FROM import_rows WHERE import_id = ? ORDER BY line DESC LIMIT 1').get(f.importId);
    expect(last).toEqual({ line: 20_001, cells: JSON.stringify(['Lead 19999', 'lead19999@example.com', 'Company 17']) });
  });
});
