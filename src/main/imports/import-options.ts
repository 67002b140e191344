import { z } from 'zod';
import type { CsvEncoding, CsvNewline, DetectedFormat } from './detect-format';

const auto = z.literal('auto');

/** An import's file options as stored in `imports.options`; 'auto' (the default) detects. */
export const importOptionsSchema = z.object({
  header: z.union([z.boolean(), auto]).default('auto'),
  delimiter: z.union([z.string().length(1), auto]).default('auto'),
  quote: z.string().length(1).default('"'),
  encoding: z.union([z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']), auto]).default('auto'),
});

/** Parsed import options. */
export type ImportOptions = z.infer<typeof importOptionsSchema>;

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
