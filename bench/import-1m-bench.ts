import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { importOptions } from '../src/shared/contract/schemas/imports';
import { startCore } from '../src/main/core';
import { FAKE_COLUMNS, fakeCsvRow, writeFakeCsv } from './fake-csv';
import { report } from './measure';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECOND_ROWS = Math.round(ROWS / 10);
const RAW_BATCH = 10_000;
// The second file lists the same columns in another order, half its rows people of the first file in another form.
const SECOND_ORDER = [3, 1, 0, 10, 2, 11, 5, 4, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 18, 19];
const firstRow = (i: number) => fakeCsvRow(i);
const secondRow = (i: number) => fakeCsvRow(i, ROWS, 0.5, ROWS);

// The page as the dashboard asks for it (its total comes from leads.count apart), and with the total counted inside.
const PAGES = { 'page': 'limit=100&total=none', 'page + total': 'limit=100' } as const;

// Runs in a child process so its timings never wait on the core's event loop: one leads page every ~50 ms, the kinds of
// PAGES in turn, printed as "<start ms>\t<latency ms>\t<status>\t<kind index>".
const API_CLIENT = `
const { API_URLS, API_KEY } = process.env;
const urls = JSON.parse(API_URLS);
let stopped = false;
process.stdin.on('data', () => { stopped = true; });
(async () => {
  for (let n = 0; !stopped; n++) {
    const at = Date.now();
    const start = performance.now();
    const res = await fetch(urls[n % urls.length], { headers: { authorization: 'Bearer ' + API_KEY } });
    const body = await res.text();
    const ms = performance.now() - start;
    if (res.status !== 200) console.error('leads page answered', res.status, body.slice(0, 200));
    console.log(at + '\\t' + ms.toFixed(2) + '\\t' + res.status + '\\t' + (n % urls.length));
    await new Promise((r) => setTimeout(r, Math.max(0, 50 - ms)));
  }
  process.exit(0);
})();`;

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

/**
 * End-to-end import of a generated 20-column CSV (default 1,000,000 rows, about 10% duplicates in other forms) and a
 * second file with re-ordered columns, through the running core (ingest + merge with provenance and journal), against
 * raw better-sqlite3 upserts of the same rows into a table with a UNIQUE index; with peak RSS and the latency of a
 * leads page requested every ~50 ms while the import runs. `BENCH_ROWS` sets the size.
 */
export async function benchImport1m(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-import-'));
  try {
    console.log(`import of ${ROWS} + ${SECOND_ROWS} rows; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const dataDir = join(dir, 'data');
    mkdirSync(join(dataDir, 'imports'), { recursive: true });
    const files = [
      { path: join(dataDir, 'imports', 'leads-1.csv'), rows: ROWS, row: firstRow, order: FAKE_COLUMNS.map((_, i) => i) },
      { path: join(dataDir, 'imports', 'leads-2.csv'), rows: SECOND_ROWS, row: secondRow, order: SECOND_ORDER },
    ];
    const generating = process.hrtime.bigint();
    const sizes: number[] = [];
    for (const f of files) sizes.push(await writeFakeCsv(f.path, f.rows, f.row, f.order));
    console.log(`generated ${sizes.map(mb).join(' + ')} in ${seconds(generating).toFixed(1)} s`);

    const e2e = await importThroughCore(dataDir, files, sizes);
    const raw = rawUpserts(join(dir, 'raw.sqlite'), files);
    const total = ROWS + SECOND_ROWS;
    report(`raw upserts ${total} rows (UNIQUE index)`, total / raw, 'rows/s');
    report(`import ${total} rows end to end`, total / e2e.seconds, 'rows/s', { name: 'raw upserts', value: total / raw });
    report('  ingest (parse + stage, merges running beside)', total / e2e.ingestSeconds, 'rows/s');
    console.log(`peak RSS during import (100 ms samples) ${mb(e2e.peakRss).padStart(10)}   process max RSS ${mb(e2e.maxRss)}`);
    console.log(`event loop delay during import: p50 ${e2e.loopDelay.p50.toFixed(1)} ms, p99 ${e2e.loopDelay.p99.toFixed(1)} ms, max ${e2e.loopDelay.max.toFixed(1)} ms`);
    for (const [phase, all] of Object.entries(e2e.latencies)) {
      Object.values(PAGES).forEach((query, k) => {
        const samples = all.filter((s) => s.kind === k);
        const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
        const failed = samples.filter((s) => !s.ok).length;
        console.log(
          `GET /api/v1/leads?${query.padEnd(20)} ${phase.padEnd(16)} n=${String(sorted.length).padStart(5)}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms${failed ? `  (${failed} not 200)` : ''}`,
        );
      });
    }
    console.log(`outcomes: ${e2e.outcomes}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    // BENCH_KEEP=1 leaves the data folder (database and files) for a closer look.
    if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

interface BenchFile {
  readonly path: string;
  readonly rows: number;
  readonly row: (i: number) => string[];
  readonly order: readonly number[];
}

/** Seconds to upsert every row of the files by lower-cased e-mail, batches of RAW_BATCH rows per transaction (row generation not timed). */
function rawUpserts(file: string, files: readonly BenchFile[]): number {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const columns = FAKE_COLUMNS.map((_, i) => `c${i}`);
  db.exec(`CREATE TABLE raw (id INTEGER PRIMARY KEY, email_norm TEXT UNIQUE, ${columns.map((c) => `${c} TEXT`).join(', ')})`);
  const upsert = db.prepare(
    `INSERT INTO raw (email_norm, ${columns.join(', ')}) VALUES (${['?', ...columns.map(() => '?')].join(', ')})
     ON CONFLICT (email_norm) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  );
  const write = db.transaction((rows: string[][]) => {
    for (const cells of rows) upsert.run(cells[3] ? (cells[3] as string).toLowerCase() : null, ...cells);
  });
  let total = 0;
  for (const f of files) {
    for (let i = 0; i < f.rows; i += RAW_BATCH) {
      const rows = Array.from({ length: Math.min(RAW_BATCH, f.rows - i) }, (_, j) => f.row(i + j));
      const start = process.hrtime.bigint();
      write(rows);
      total += seconds(start);
    }
  }
  db.close();
  return total;
}

interface EndToEnd {
  seconds: number;
  ingestSeconds: number;
  peakRss: number;
  maxRss: number;
  loopDelay: { p50: number; p99: number; max: number };
  latencies: Record<string, { ms: number; ok: boolean; kind: number }[]>;
  outcomes: string;
}

/** Starts the core on the data folder, registers both files as imports (as `imports.create` does) and waits until both are done. */
async function importThroughCore(dataDir: string, files: readonly BenchFile[], sizes: readonly number[]): Promise<EndToEnd> {
  const core = await startCore({ edition: 'browser', dataDir, port: 0, dashboardDir: join(dataDir, 'none'), logger: pino({ level: 'silent' }) });
  const client = spawn(process.execPath, ['-e', API_CLIENT], {
    env: { ...process.env, API_URLS: JSON.stringify(Object.values(PAGES).map((q) => `${core.http.origin}/api/v1/leads?${q}`)), API_KEY: core.firstApiKey ?? '' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const samples: { at: number; ms: number; ok: boolean; kind: number }[] = [];
  createInterface({ input: client.stdout }).on('line', (line) => {
    const [at, ms, status, kind] = line.split('\t').map(Number);
    samples.push({ at: at as number, ms: ms as number, ok: status === 200, kind: kind as number });
  });
  const exited = new Promise((resolve) => client.on('exit', resolve));
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    await sleep(2000);
    const idleEnd = Date.now();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const start = process.hrtime.bigint();
    const ids = files.map((f, k) =>
      core.services.imports.create({
        fileName: f.path.split('/').at(-1) as string,
        filePath: f.path,
        fileSize: sizes[k] as number,
        options: importOptions.parse({}),
        mapping: f.order.map((i) => FAKE_COLUMNS[i]?.target as string),
      }).id,
    );
    let ingestSeconds = 0;
    let ingestEnd = 0;
    for (;;) {
      const summaries = ids.map((id) => core.services.imports.get(id));
      if (ingestSeconds === 0 && summaries.every((s) => s && s.status !== 'pending' && s.status !== 'ingesting')) {
        ingestSeconds = seconds(start);
        ingestEnd = Date.now();
      }
      if (summaries.every((s) => s && ['done', 'failed'].includes(s.status))) break;
      await sleep(100);
    }
    const elapsed = seconds(start);
    const importEnd = Date.now();
    delay.disable();
    clearInterval(sampler);
    await sleep(3000);
    const outcomes = ids
      .map((id) => core.services.imports.get(id))
      .map((s) => `#${s?.id} ${s?.status}${s?.error ? ` (${s.error})` : ''} inserted ${s?.inserted} merged ${s?.merged} duplicate ${s?.duplicate} rejected ${s?.rejected}`)
      .join('; ');
    client.stdin.end('stop\n');
    await exited;
    return {
      seconds: elapsed,
      ingestSeconds,
      peakRss,
      maxRss: process.resourceUsage().maxRSS * 1024,
      loopDelay: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
      latencies: {
        'before import': samples.filter((s) => s.at < idleEnd),
        'during ingest': samples.filter((s) => s.at >= idleEnd && s.at < ingestEnd),
        'during merge': samples.filter((s) => s.at >= ingestEnd && s.at < importEnd),
        'after import': samples.filter((s) => s.at >= importEnd),
      },
      outcomes,
    };
  } finally {
    client.kill();
    await core.stop();
  }
}
