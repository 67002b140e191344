import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What an integrity check found: ok, or the first problems SQLite reported. */
export interface IntegrityResult {
  readonly ok: boolean;
  readonly problems: readonly string[];
}

// Plain CommonJS evaluated in a worker thread: copying and checking read the whole file (an integrity check takes
// about 0.6-0.9 s per 100 MB here, the backup's final commit about 0.45 s) and must not block the event loop.
// The driver's path is resolved here so the worker finds it in any layout.
const driver = createRequire(__filename).resolve('better-sqlite3');
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const problemsOf = (error) => [error instanceof Error ? error.message : String(error)];
async function copy(source, target) {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // After the first step the rest is copied in one step: a consistent read snapshot, which in WAL mode never blocks writers.
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // The copy inherits WAL mode; a self-contained file (no -wal/-shm beside it) is what a synced folder should hold.
  const out = new Database(target);
  try {
    out.pragma('journal_mode = DELETE');
  } finally {
    out.close();
  }
}
function check(file, pragma) {
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = db.pragma(pragma + '(20)').map((r) => String(Object.values(r)[0])).filter((v) => v !== 'ok');
    return { ok: problems.length === 0, problems };
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  } finally {
    if (db) db.close();
  }
}
(async () => {
  const { source, file, pragma } = workerData;
  try {
    if (source) await copy(source, file);
    parentPort.postMessage(check(file, pragma));
  } catch (error) {
    parentPort.postMessage({ ok: false, problems: problemsOf(error) });
  }
})();
`;

function runWorker(job: { readonly source?: string; readonly file: string; readonly pragma: string }): Promise<IntegrityResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { ...job, driver } });
    worker.once('message', (result: IntegrityResult) => resolve(result));
    worker.once('error', reject);
  });
}

/** Runs `PRAGMA integrity_check` (or the faster `quick_check`) on a file opened read-only, off the main thread; an unreadable file is a problem too. */
export const checkFile = (file: string, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): Promise<IntegrityResult> =>
  runWorker({ file, pragma });

/** Copies a live database with SQLite's backup API on a connection of its own, off the main thread, then integrity-checks the copy. */
export const copyAndCheck = (source: string, target: string): Promise<IntegrityResult> => runWorker({ source, file: target, pragma: 'integrity_check' });
