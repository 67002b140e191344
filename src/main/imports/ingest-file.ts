import { createReadStream } from 'node:fs';
import type { Database } from 'better-sqlite3';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { detectFileFormat } from './detect-format';
import { importOptions } from '../../shared/contract/schemas/imports';
import { resolveFormat } from './import-options';
import { createRowReader } from './row-reader';
import { stageRows, type StagedRow } from './stage-rows';

/** Where an ingest stands, reported after every committed batch and at the end. */
export interface IngestProgress {
  readonly importId: number;
  readonly rowsStaged: number;
  readonly rowsRejected: number;
  readonly bytesRead: number;
  readonly fileSize: number;
  readonly done: boolean;
}

/** Callbacks and limits of one ingest run. */
export interface IngestFileOptions {
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Aborting stops at the next row without committing the batch in progress, like a crash would. */
  readonly signal?: AbortSignal;
  readonly batchSize?: number;
  readonly now?: () => number;
}

interface ImportRecord {
  file_path: string;
  file_size: number;
  options: string;
  status: string;
  rows_staged: number;
  rows_rejected: number;
}

function loadImport(sqlite: Database, importId: number): ImportRecord {
  const record = sqlite
    .prepare('SELECT file_path, file_size, options, status, rows_staged, rows_rejected FROM imports WHERE id = ?')
    .get(importId) as ImportRecord | undefined;
  if (!record) throw new Error(`import ${importId} does not exist`);
  if (record.status !== 'pending' && record.status !== 'ingesting') throw new Error(`import ${importId} is ${record.status}, not ingestable`);
  return record;
}

/**
 * Streams an import's file into `import_rows`, one transaction per batch, and hands the import to the import loop.
 * Resumable: a second run re-parses the file and skips every line a previous run committed.
 */
export async function ingestFile(sqlite: Database, importId: number, options: IngestFileOptions = {}): Promise<IngestProgress> {
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 1000;
  const record = loadImport(sqlite, importId);
  const given = importOptions.parse(JSON.parse(record.options));
  const format = resolveFormat(given, await detectFileFormat(record.file_path, { quote: given.quote, ...(given.delimiter === 'auto' ? {} : { delimiter: given.delimiter }) }));
  const stagedThrough = (sqlite.prepare('SELECT coalesce(max(line), 0) AS line FROM import_rows WHERE import_id = ?').get(importId) as { line: number }).line;
  sqlite
    .prepare("UPDATE imports SET status = 'ingesting', detected = ?, started_at = coalesce(started_at, ?), updated_at = ? WHERE id = ?")
    .run(JSON.stringify(format), now(), now(), importId);

  const read = createRowReader({
    header: format.header,
    stagedThrough,
    // The import loop and the mapping screen read the column names from here.
    onColumns: (columns, width) =>
      sqlite.prepare("UPDATE imports SET detected = json_set(detected, '$.columns', json(?), '$.width', ?) WHERE id = ?").run(JSON.stringify(columns), width, importId),
  });

  const file = createReadStream(record.file_path, { start: format.bomBytes });
  let progress: IngestProgress = { importId, rowsStaged: record.rows_staged, rowsRejected: record.rows_rejected, bytesRead: format.bomBytes, fileSize: record.file_size, done: false };
  let bytesRead = format.bomBytes;
  file.on('data', (chunk) => (bytesRead += chunk.length));
  let batch: StagedRow[] = [];

  const flush = () => {
    const added = stageRows(sqlite, { importId, rows: batch, bytesRead, now: now() });
    batch = [];
    progress = { ...progress, rowsStaged: progress.rowsStaged + added.staged, rowsRejected: progress.rowsRejected + added.rejected, bytesRead };
    options.onProgress?.(progress);
  };
  const finish = () => {
    if (batch.length > 0) flush();
    sqlite
      .prepare("UPDATE imports SET status = 'importing', bytes_ingested = file_size, updated_at = ? WHERE id = ?")
      .run(now(), importId);
    progress = { ...progress, bytesRead: record.file_size, done: true };
    options.onProgress?.(progress);
    return progress;
  };

  return new Promise<IngestProgress>((resolve, reject) => {
    let settled = false;
    const settle = (error: unknown, parser?: Papa.Parser) => {
      if (settled) return;
      settled = true;
      parser?.abort();
      file.destroy();
      if (error === undefined) {
        try {
          resolve(finish());
        } catch (finishError) {
          reject(finishError);
        }
      } else reject(error);
    };
    const text = file.pipe(iconv.decodeStream(format.encoding));
    file.on('error', (error) => settle(error));
    text.on('error', (error) => settle(error));
    Papa.parse<string[]>(text, {
      delimiter: format.delimiter,
      newline: format.newline,
      quoteChar: format.quote,
      escapeChar: format.quote,
      header: false,
      skipEmptyLines: false,
      step: (result, parser) => {
        if (settled) return;
        if (options.signal?.aborted) return settle(options.signal.reason, parser);
        try {
          const row = read(result.data, result.errors[0]?.message);
          if (row) batch.push(row);
          if (batch.length >= batchSize) flush();
        } catch (error) {
          settle(error, parser);
        }
      },
      complete: () => settle(undefined),
      error: (error) => settle(error),
    });
  });
}
