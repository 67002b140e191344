import { appendFileSync, truncateSync, writeFileSync } from 'node:fs';
import { csvLines, UTF8_BOM } from './csv-text';

/**
 * Appends a batch of CSV rows to an export file right after its committed bytes, first dropping anything a crash
 * left beyond them; with nothing committed yet it (re)writes the BOM and the header. Returns the new committed length.
 */
export function appendExportBatch(path: string, committedBytes: number, header: readonly string[], rows: readonly (readonly string[])[]): number {
  const body = csvLines(rows, { escapeFormulae: true });
  if (committedBytes === 0) {
    const text = UTF8_BOM + csvLines([header], { escapeFormulae: true }) + body;
    writeFileSync(path, text, { mode: 0o600 });
    return Buffer.byteLength(text);
  }
  truncateSync(path, committedBytes);
  appendFileSync(path, body);
  return committedBytes + Buffer.byteLength(body);
}
