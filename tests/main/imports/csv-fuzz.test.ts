import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/main/imports/ingest-file';
import { StagedRowMerger } from '../../../src/main/imports/merge-staged-rows';
import { whyNotCsv } from '../../../src/main/imports/refuse-binary';
import { openStore } from '../../../src/main/store/store';

const dir = mkdtempSync(join(tmpdir(), 'outpost-csv-fuzz-'));
const store = openStore(join(dir, 'outpost.sqlite'));
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
let clock = Date.UTC(2026, 10, 23);
const now = () => ++clock;
let files = 0;
let rowsSeen = 0;

const TARGETS = ['firstName', 'lastName', 'email', 'company.name', 'jobTitle', 'linkedinUrl', 'company.domain', 'ignore'];

interface Outcome {
  readonly refused: string | null;
  readonly staged: number;
  readonly lines: number[];
  readonly cells: string[][];
}

/** The real path of an upload: the binary check the handler makes, then ingest and merge to the end. */
async function importBytes(name: string, bytes: Buffer): Promise<Outcome> {
  files++;
  const refused = whyNotCsv(bytes.subarray(0, 64 * 1024));
  if (refused) return { refused, staged: 0, lines: [], cells: [] };
  const file = join(dir, `${files}-${name}`);
  writeFileSync(file, bytes);
  const mapping = TARGETS;
  const id = Number(
    store.sqlite
      .prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, created_at, updated_at) VALUES ('file', ?, ?, ?, '{}', ?, 0, 0)")
      .run(name, file, statSync(file).size, JSON.stringify(mapping)).lastInsertRowid,
  );
  await ingestFile(store.sqlite, id, { now, batchSize: 7 });
  const merger = new StagedRowMerger(store.sqlite, now);
  while (!merger.mergeBatch(id, 5).done);
  const c = store.sqlite
    .prepare('SELECT status, rows_staged, rows_inserted, rows_merged, rows_duplicate, rows_rejected FROM imports WHERE id = ?')
    .get(id) as Record<string, number | string>;
  // The import loop marks it done once the merger reports done; nothing here may have failed it.
  expect(c.status, name).toBe('importing');
  // Counts add up: every staged row ended in exactly one outcome, and the counters agree with the rows.
  expect(Number(c.rows_inserted) + Number(c.rows_merged) + Number(c.rows_duplicate) + Number(c.rows_rejected), name).toBe(c.rows_staged);
  const rows = store.sqlite.prepare('SELECT line, cells, outcome, reason FROM import_rows WHERE import_id = ? ORDER BY line').all(id) as {
    line: number;
    cells: string;
    outcome: string;
    reason: string | null;
  }[];
  expect(rows.length, name).toBe(c.rows_staged);
  for (const row of rows) {
    expect(row.outcome, name).not.toBe('pending');
    if (row.outcome === 'rejected') expect(row.reason, name).toMatch(/^line \d+: \S/);
  }
  const lines = rows.map((r) => r.line);
  expect(new Set(lines).size, name).toBe(lines.length);
  rowsSeen += rows.length;
  return { refused: null, staged: Number(c.rows_staged), lines, cells: rows.map((r) => JSON.parse(r.cells) as string[]) };
}

const spectrumDir = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));

describe('CSV fuzzing through ingest and import', () => {
  const cases = readdirSync(join(spectrumDir, 'csvs')).map((f) => f.replace(/\.csv$/, ''));

  it.each(cases)('csv-spectrum %s: every record staged with its cells exactly', async (name) => {
    const expected = [JSON.parse(readFileSync(join(spectrumDir, 'json', `${name}.json`), 'utf8')) as Record<string, string>[]].flat();
    const out = await importBytes(`${name}.csv`, readFileSync(join(spectrumDir, 'csvs', `${name}.csv`)));
    expect(out.refused).toBeNull();
    expect(out.staged).toBe(expected.length);
    if (name === 'location_coordinates') {
      // The suite's own JSON has another phone number than its CSV, so that cell is checked against the file.
      expect(out.cells).toEqual([['2095257564', ...Object.values(expected[0] ?? {}).slice(1)]]);
    } else {
      expect(out.cells).toEqual(expected.map((row) => Object.values(row)));
    }
  });

  const BASE = [
    'First Name,Last Name,Email,Company,Title,LinkedIn,Website,Notes',
    'Ada,Lovelace,ada@engines.io,Analytical Engines,CTO,https://www.linkedin.com/in/ada/,engines.io,"likes ""notes"", commas"',
    'Grace,Hopper,grace@navy.mil,Navy,Admiral,,navy.mil,',
    'Zoë,Ünal,zoe@exämple.de,Müller GmbH,Geschäftsführerin,,müller.de,"multi',
    'line"',
    'Linus,,,,,https://linkedin.com/in/linus,,',
    ',,,,,,,',
    'Ada,Lovelace,ADA@engines.io,Analytical Engines,Countess,,,',
  ].join('\r\n');

  const fragments = [',', '"', '""', '\n', '\r\n', '\r', ';', '\t', '\u0000', '\uFEFF', '\uFFFD', '😀', "'; DROP TABLE leads; --", '<script>x</script>', '=cmd|\' /C calc\'!A0', 'a'.repeat(5000), ',,,,,,,,,,,,,,,,'];
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 6 })) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

  const mutate = (base: Buffer, mutations: readonly Mutation[]): Buffer => {
    let b = base;
    for (const m of mutations) {
      const at = b.length === 0 ? 0 : m.at % (b.length + 1);
      if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.text), b.subarray(at)]);
      else if (m.kind === 'bytes') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
      else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
      else if (m.kind === 'truncate') b = b.subarray(0, at);
      else {
        const lines = b.toString('latin1').split('\n');
        const i = m.at % lines.length;
        lines.splice(i, 0, lines[i] ?? '');
        b = Buffer.from(lines.join('\n'), 'latin1');
      }
    }
    return b;
  };

  it('randomly mutated files import or reject row by row with line numbers, never crash, and the counts add up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 12 }), async (mutations) => {
        const bytes = mutate(Buffer.from(BASE, 'utf8'), mutations);
        const out = await importBytes('mutated.csv', bytes);
        if (out.refused) expect(out.refused).toMatch(/^the file is not CSV text/);
        expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
      }),
      { numRuns: Number(process.env.CSV_FUZZ_RUNS ?? 120), seed: Number(process.env.FC_SEED ?? 20261123), endOnFailure: true },
    );
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    console.info(`csv-fuzz: ${files} files, ${rowsSeen} rows staged and settled`);
  }, 120_000);
});
