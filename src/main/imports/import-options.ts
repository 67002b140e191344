import type { z } from 'zod';
import { importOptions } from '../../shared/contract/schemas/imports';
import type { CsvEncoding, CsvNewline, DetectedFormat } from './detect-format';

/** An import's file options as stored in `imports.options` (the contract's schema, so stored and requested options agree). */
export type ImportOptions = z.infer<typeof importOptions>;

/** The format an ingest reads a file with: the given options, detection filling in 'auto'. */
export interface CsvFormat {
  readonly encoding: CsvEncoding;
  readonly bomBytes: number;
  readonly delimiter: string;
  readonly newline: CsvNewline;
  readonly quote: string;
  readonly header: boolean;
}

/** Merges given options over what detection found; a BOM is skipped only if it matches the encoding used. */
export function resolveFormat(options: ImportOptions, detected: DetectedFormat): CsvFormat {
  const encoding = options.encoding === 'auto' ? detected.encoding : options.encoding;
  return {
    encoding,
    bomBytes: encoding === detected.encoding ? detected.bomBytes : 0,
    delimiter: options.delimiter === 'auto' ? detected.delimiter : options.delimiter,
    newline: detected.newline,
    quote: options.quote,
    header: options.header === 'auto' ? detected.header : options.header,
  };
}
