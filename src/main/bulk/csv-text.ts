import Papa from 'papaparse';

/** A UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when the file starts with it. */
export const UTF8_BOM = '\uFEFF';

// A cell Excel would run as a formula (`=`, `@`, or `+`/`-` followed by a letter, as in `+cmd|...`) gets a leading quote;
// numbers such as "+1 555 0100" or "-3" stay as they are.
const FORMULA = /^[=@\t\r]|^[+-][^\d\s.(]/;

/** CSV lines (CRLF, each line terminated) for rows of cells; `escapeFormulae` defuses cells a spreadsheet would execute. */
export function csvLines(rows: readonly (readonly string[])[], options: { escapeFormulae: boolean }): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows as string[][], { newline: '\r\n', escapeFormulae: options.escapeFormulae ? FORMULA : false })}\r\n`;
}
