import type { Database } from 'better-sqlite3';
import { csvLines, UTF8_BOM } from './csv-text';

const PAGE = 1000;

/** The header of a rejected-rows file: line, reason, then the file's own column names (or `Column N` without a header row). */
function header(sqlite: Database, importId: number): string[] {
  const row = sqlite.prepare('SELECT detected FROM imports WHERE id = ?').get(importId) as { detected: string | null } | undefined;
  const detected = row?.detected ? (JSON.parse(row.detected) as { header?: boolean; columns?: unknown; width?: unknown }) : {};
  const named = detected.header === true && Array.isArray(detected.columns) ? detected.columns.map(String) : null;
  const widest = (sqlite.prepare("SELECT coalesce(max(json_array_length(cells)), 0) AS n FROM import_rows WHERE import_id = ? AND outcome = 'rejected'").get(importId) as { n: number }).n;
  const width = Math.max(named?.length ?? 0, typeof detected.width === 'number' ? detected.width : 0, widest);
  return ['line', 'reason', ...Array.from({ length: width }, (_, i) => named?.[i] ?? `Column ${i + 1}`)];
}

/**
 * An import's rejected rows as CSV text chunks (UTF-8 with BOM): the file line, the reason, then the original cells
 * unchanged, so the operator can fix them and import the file again. Reads a page at a time, never the whole set.
 */
export async function* rejectedRowsCsv(sqlite: Database, importId: number): AsyncGenerator<string> {
  yield UTF8_BOM + csvLines([header(sqlite, importId)], { escapeFormulae: false });
  const page = sqlite.prepare("SELECT line, reason, cells FROM import_rows WHERE import_id = ? AND outcome = 'rejected' AND line > ? ORDER BY line LIMIT ?");
  for (let after = 0; ; ) {
    const rows = page.all(importId, after, PAGE) as { line: number; reason: string; cells: string }[];
    if (rows.length === 0) return;
    yield csvLines(
      rows.map((r) => [String(r.line), r.reason, ...(JSON.parse(r.cells) as string[])]),
      { escapeFormulae: false },
    );
    after = rows.at(-1)?.line ?? after;
  }
}
