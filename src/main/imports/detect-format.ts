import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

/** Text encodings an import file may use. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
/** Cell separators auto-detection chooses among. */
export type CsvDelimiter = ',' | ';' | '\t' | '|';
/** Record separators. */
export type CsvNewline = '\r\n' | '\n' | '\r';

/** What auto-detection found in the first bytes of a file. */
export interface DetectedFormat {
  readonly encoding: CsvEncoding;
  /** Length of the byte order mark to skip (0 when none). */
  readonly bomBytes: number;
  readonly delimiter: string;
  readonly newline: CsvNewline;
  readonly header: boolean;
}

/** How many bytes of a file detection reads. */
export const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_RECORDS = 20;
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
const EMAIL_OR_URL = /@|^(https?:\/\/|www\.)|\.(com|net|org|io|co|de|fr|uk)(\/|$)/i;
const NUMBER = /^[-+]?[\d.,\s]+%?$/;

/** The encoding a byte order mark announces, and its length; undefined without one. */
export function detectBom(bytes: Uint8Array): { encoding: CsvEncoding; bomBytes: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  return undefined;
}

/** UTF-8 when the bytes are valid UTF-8 (a sequence cut by the sample's end is allowed), else Windows-1252. */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  try {
    // stream: true keeps a trailing partial sequence pending instead of rejecting it.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The first record separator found outside quotes; '\n' when the text has none. */
export function detectNewline(text: string, quote = '"'): CsvNewline {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === quote) quoted = !quoted;
    else if (!quoted && c === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
    else if (!quoted && c === '\n') return '\n';
  }
  return '\n';
}

/** Per record, how often `char` occurs outside quotes; records are split on newlines outside quotes. */
function countsPerRecord(text: string, char: string, quote: string): number[] {
  const counts = [0];
  let quoted = false;
  for (let i = 0; i < text.length && counts.length <= SAMPLE_RECORDS; i++) {
    const c = text[i];
    if (c === quote) quoted = !quoted;
    else if (quoted) continue;
    else if (c === char) counts[counts.length - 1]! += 1;
    else if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) counts.push(0);
  }
  // The last record may be cut by the sample's end or be the empty tail after the final newline.
  return counts.length > 1 ? counts.slice(0, -1) : counts;
}

/** The delimiter whose count per record is the most consistent (then the most frequent); ',' when none occurs. */
export function detectDelimiter(text: string, quote = '"'): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; consistency: number; count: number } = { delimiter: ',', consistency: 0, count: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = countsPerRecord(text, delimiter, quote);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistency = counts.filter((n) => n === first).length / counts.length;
    if (consistency > best.consistency || (consistency === best.consistency && first > best.count)) best = { delimiter, consistency, count: first };
  }
  return best.delimiter;
}

/** Whether a first record reads as column names: every cell non-empty, distinct, and neither number, e-mail nor URL. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const names = cells.map((c) => c.trim());
  if (names.some((n) => n === '' || NUMBER.test(n) || EMAIL_OR_URL.test(n))) return false;
  return new Set(names.map((n) => n.toLowerCase())).size === names.length;
}

/** Decodes a sample in the given encoding, without its byte order mark. */
export function decodeSample(bytes: Uint8Array, encoding: CsvEncoding, bomBytes: number): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + bomBytes, bytes.byteLength - bomBytes), encoding);
}

/** Known parts of the format that detection should use rather than guess. */
export interface FormatHints {
  readonly quote?: string;
  readonly delimiter?: string;
}

/** Detects encoding, BOM, delimiter, newline and header row from the first bytes of a file. */
export function detectFormat(bytes: Uint8Array, hints: FormatHints = {}): DetectedFormat {
  const quote = hints.quote ?? '"';
  const { encoding, bomBytes } = detectBom(bytes) ?? { encoding: detectEncoding(bytes), bomBytes: 0 };
  const text = decodeSample(bytes, encoding, bomBytes);
  const delimiter = hints.delimiter ?? detectDelimiter(text, quote);
  const newline = detectNewline(text, quote);
  const first = Papa.parse<string[]>(text, { delimiter, newline, quoteChar: quote, preview: 1 }).data[0] ?? [];
  return { encoding, bomBytes, delimiter, newline, header: looksLikeHeader(first) };
}

/** Reads the first SAMPLE_BYTES of a file and detects its format. */
export async function detectFileFormat(path: string, hints: FormatHints = {}): Promise<DetectedFormat> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SAMPLE_BYTES, 0);
    return detectFormat(buffer.subarray(0, bytesRead), hints);
  } finally {
    await file.close();
  }
}
