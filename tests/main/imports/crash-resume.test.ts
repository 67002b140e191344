import { fork } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ImportsRepo } from '../../../src/main/store/repos/imports-repo';
import { openStore } from '../../../src/main/store/store';
import { tempDir } from '../../helpers/temp-dir';

const CHILD = join(import.meta.dirname, 'fixtures', 'import-child.ts');
const ROWS = 10_000;

interface Expected {
  readonly inserted: number;
  readonly duplicate: number;
  readonly rejected: number;
}

/** A CSV of ROWS data rows: repeated people, bad e-mails, wrong custom values and ragged rows at known places. */
function generate(): { csv: string; expected: Expected } {
  const lines = ['Email,First Name,Last Name,Company,Seats'];
  let inserted = 0;
  let duplicate = 0;
  let rejected = 0;
  const people: number[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const earlier = people[people.length - 40];
    if (i % 97 === 0 && earlier !== undefined) {
      lines.push(`person${earlier}@corp${earlier % 300}.com,Again,Dup,Corp ${earlier % 300},7`);
      duplicate++;
    } else if (i % 101 === 0) {
      lines.push(`not-an-email-${i},Bad,Row,Corp,1`);
      rejected++;
    } else if (i % 499 === 0) {
      lines.push(`ragged${i}@x.io,Too,Few`);
      rejected++;
    } else if (i % 503 === 0) {
      lines.push(`seats${i}@x.io,Wrong,Seats,Corp,ten`);
      rejected++;
    } else {
      lines.push(`person${i}@corp${i % 300}.com,First${i},Last${i},Corp ${i % 300},${i % 50}`);
      people.push(i);
      inserted++;
    }
  }
  return { csv: `${lines.join('\n')}\n`, expected: { inserted, duplicate, rejected } };
}

/** A migrated database holding one pending import of the generated file, mapped to lead fields, a company and a custom field. */
function prepare() {
  const dir = tempDir();
  const dbFile = join(dir, 'outpost.sqlite');
  const csvFile = join(dir, 'big.csv');
  const { csv, expected } = generate();
  writeFileSync(csvFile, csv);
  const store = openStore(dbFile);
  const seats = Number(
    store.sqlite.prepare("INSERT INTO custom_fields (target_kind, name, type, created_at, updated_at) VALUES ('lead', 'Seats', 'integer', 0, 0)").run().lastInsertRowid,
  );
  const { id } = new ImportsRepo(store.sqlite, Date.now).create({
    fileName: 'big.csv',
    filePath: csvFile,
    fileSize: statSync(csvFile).size,
    options: {},
    mapping: ['email', 'firstName', 'lastName', 'company.name', `custom:${seats}`],
    tagName: 'Crash test',
  });
  store.close();
  return { dbFile, importId: id, expected };
}

interface Progress {
  status: string;
  rows_staged: number;
  merged_through_line: number;
}

/** Runs the child until it exits, or kills it with SIGKILL as soon as `killWhen` holds for the import's progress (read from the database file). */
function runChild(dbFile: string, importId: number, killWhen?: (p: Progress) => boolean): Promise<{ code: number | null; killedAt: Progress | null }> {
  const child = fork(CHILD, [dbFile, String(importId), killWhen ? '15' : '0'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  onTestFinished(() => void child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let killedAt: Progress | null = null;
    let watcher: Database.Database | undefined;
    const poll = () => {
      if (killedAt || child.exitCode !== null || !killWhen) return;
      try {
        watcher ??= new Database(dbFile, { readonly: true });
        const progress = watcher.prepare('SELECT status, rows_staged, merged_through_line FROM imports WHERE id = ?').get(importId) as Progress;
        if (killWhen(progress)) {
          killedAt = progress;
          child.kill('SIGKILL');
          return;
        }
      } catch {
        // The child may hold a write lock for a moment; read again on the next tick.
      }
      setTimeout(poll, 2);
    };
    child.on('error', reject);
    child.on('exit', (code) => {
      watcher?.close();
      resolve({ code, killedAt });
    });
    poll();
  });
}

/** Every file row accounted once, no twin leads, provenance and custom values on every lead, and counters that agree with the rows. */
function expectConsistent(dbFile: string, importId: number, expected: Expected): void {
  const db = new Database(dbFile, { readonly: true });
  try {
    const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
    const imp = one<Record<string, number | string>>(
      'SELECT status, rows_staged, rows_inserted, rows_merged, rows_duplicate, rows_rejected, merged_through_line FROM imports WHERE id = ?',
      importId,
    );
    expect(imp).toMatchObject({ status: 'done', rows_staged: ROWS, rows_inserted: expected.inserted, rows_merged: 0, rows_duplicate: expected.duplicate, rows_rejected: expected.rejected });
    expect(Number(imp.rows_inserted) + Number(imp.rows_merged) + Number(imp.rows_duplicate) + Number(imp.rows_rejected)).toBe(ROWS);
    const outcomes = db.prepare('SELECT outcome, count(*) AS n FROM import_rows WHERE import_id = ? GROUP BY outcome ORDER BY outcome').all(importId);
    expect(outcomes).toEqual([
      { outcome: 'duplicate', n: expected.duplicate },
      { outcome: 'inserted', n: expected.inserted },
      { outcome: 'rejected', n: expected.rejected },
    ]);
    expect(one('SELECT count(*) AS n, count(DISTINCT line) AS lines, max(line) AS last FROM import_rows WHERE import_id = ?', importId)).toEqual({ n: ROWS, lines: ROWS, last: ROWS + 1 });
    expect(one('SELECT count(*) AS n, count(DISTINCT email_norm) AS emails FROM leads WHERE deleted_at IS NULL')).toEqual({ n: expected.inserted, emails: expected.inserted });
    expect(one("SELECT count(*) AS n FROM merge_journal WHERE import_id = ? AND target_kind = 'lead' AND action = 'insert'", importId)).toEqual({ n: expected.inserted });
    expect(one('SELECT count(*) AS n FROM companies')).toEqual({ n: 300 });
    const unprovenanced = one<{ n: number }>(
      `SELECT count(*) AS n FROM leads l WHERE NOT EXISTS (SELECT 1 FROM field_provenance p WHERE p.target_kind = 'lead' AND p.target_id = l.id
         AND p.field = 'email' AND p.source_kind = 'import' AND p.source_id = ?)`,
      importId,
    );
    expect(unprovenanced.n).toBe(0);
    expect(one("SELECT count(*) AS n FROM custom_field_values WHERE target_kind = 'lead'")).toEqual({ n: expected.inserted });
    expect(one("SELECT count(*) AS n FROM tag_links WHERE target_kind = 'lead' AND removed_at IS NULL")).toEqual({ n: expected.inserted });
    const reason = one<{ reason: string }>('SELECT reason FROM import_rows WHERE import_id = ? AND line = ?', importId, 504);
    expect(reason.reason).toBe('line 504: column "Seats" (custom field "Seats", integer): "ten" is not a whole number');
  } finally {
    db.close();
  }
}

// Two child processes per test each import 10,000 rows: a ceiling well above that, only so a hung child cannot stall the run.
describe('an import killed with SIGKILL resumes in a new process', { timeout: 180_000 }, () => {
  it('killed mid-ingest: the next process stages the rest and merges every row once', async () => {
    const { dbFile, importId, expected } = prepare();
    const killed = await runChild(dbFile, importId, (p) => p.status === 'ingesting' && p.rows_staged >= 1_000);
    expect(killed.killedAt).not.toBeNull();
    expect(killed.killedAt?.rows_staged).toBeLessThan(ROWS);
    const restarted = await runChild(dbFile, importId);
    expect(restarted.code).toBe(0);
    expectConsistent(dbFile, importId, expected);
  });

  it('killed mid-merge: the next process merges the rest without repeating or losing a row', async () => {
    const { dbFile, importId, expected } = prepare();
    const killed = await runChild(dbFile, importId, (p) => p.status === 'importing' && p.merged_through_line >= 2_000);
    expect(killed.killedAt).not.toBeNull();
    expect(killed.killedAt?.merged_through_line).toBeLessThan(ROWS);
    const restarted = await runChild(dbFile, importId);
    expect(restarted.code).toBe(0);
    expectConsistent(dbFile, importId, expected);
  });
});
