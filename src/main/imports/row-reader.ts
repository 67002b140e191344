import type { StagedRow } from './stage-rows';

const LINE_BREAK = /\r\n|\r|\n/g;

/** Physical lines a record spans beyond its first (quoted cells may hold line breaks). */
function extraLines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) n += cell.match(LINE_BREAK)?.length ?? 0;
  return n;
}

/** How a reader treats the records of one file. */
export interface RowReaderSpec {
  readonly header: boolean;
  /** Lines at or before this one were staged by an earlier run. */
  readonly stagedThrough: number;
  /** Called once with the header cells (or null) and the width every row must have. */
  readonly onColumns: (columns: readonly string[] | null, width: number) => void;
}

/**
 * Turns parsed records, in file order, into rows to stage: numbers each by its first line, skips empty lines
 * (and rows of empty cells, which spreadsheet exports leave at the end),
 * the header and lines already staged, and rejects a parse error or a cell count unlike the first record's.
 */
export function createRowReader(spec: RowReaderSpec): (cells: string[], error?: string) => StagedRow | undefined {
  let nextLine = 1;
  let width: number | undefined;
  return (cells, error) => {
    const line = nextLine;
    nextLine += 1 + extraLines(cells);
    if (cells.every((cell) => cell.trim() === '')) return undefined;
    if (width === undefined) {
      width = cells.length;
      spec.onColumns(spec.header ? cells : null, width);
      if (spec.header) return undefined;
    }
    if (line <= spec.stagedThrough) return undefined;
    const reason = error ? `line ${line}: ${error}` : cells.length === width ? null : `line ${line}: ${cells.length} cells, expected ${width}`;
    return { line, cells, reason };
  };
}
