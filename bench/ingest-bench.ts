import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { ingestFile } from '../src/main/imports/ingest-file';
import { stageRows } from '../src/main/imports/stage-rows';
import { openStore } from '../src/main/store/store';
import { fakeLeadRows } from './fake-leads';
import { medianMs, report } from './measure';

const ROWS = 100_000;
const BATCH = 1000;

/** CSV ingest of a 100,000-row file (stream, decode, parse, stage) against papaparse parsing the same text in memory, and staging alone. */
export async function benchIngest(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-ingest-'));
  try {
    const lines = fakeLeadRows(ROWS).map((r, i) => [r.first, r.last, r.email, i % 10 === 0 ? `"${r.title}, ""EMEA""\nremote"` : r.title, r.country].join(','));
    const text = `first_name,last_name,email,job_title,country\n${lines.join('\n')}\n`;
    const file = join(dir, 'leads.csv');
    writeFileSync(file, text);

    const parseMs = medianMs(5, () => Papa.parse(text, { delimiter: ',', newline: '\n' }));
    const parseRate = ROWS / (parseMs / 1000);
    report(`papaparse ${ROWS} rows from a string`, parseRate, 'rows/s');

    const store = openStore(join(dir, 'outpost.sqlite'));
    try {
      const newImport = () =>
        Number(
          store.sqlite
            .prepare("INSERT INTO imports (origin, file_name, file_path, file_size, options, mapping, created_at, updated_at) VALUES ('file', 'leads.csv', ?, ?, '{}', '[]', 0, 0)")
            .run(file, statSync(file).size).lastInsertRowid,
        );
      const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n' }).data.slice(1, ROWS + 1);
      const stageOnly = newImport();
      const stageStart = process.hrtime.bigint();
      for (let i = 0; i < ROWS; i += BATCH) {
        const rows = parsed.slice(i, i + BATCH).map((cells, j) => ({ line: i + j + 2, cells, reason: null }));
        stageRows(store.sqlite, { importId: stageOnly, rows, bytesRead: 0, now: 0 });
      }
      const stageMs = Number(process.hrtime.bigint() - stageStart) / 1e6;
      report(`stage ${ROWS} parsed rows (database only)`, ROWS / (stageMs / 1000), 'rows/s', { name: 'papaparse', value: parseRate });

      const start = process.hrtime.bigint();
      const done = await ingestFile(store.sqlite, newImport());
      const ingestMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (done.rowsStaged !== ROWS) throw new Error(`staged ${done.rowsStaged} rows, expected ${ROWS}`);
      report(`ingest ${ROWS} rows from a file (${(done.fileSize / 1e6).toFixed(1)} MB)`, ROWS / (ingestMs / 1000), 'rows/s', { name: 'papaparse', value: parseRate });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
