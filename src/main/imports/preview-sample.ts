import Papa from 'papaparse';
import type { z } from 'zod';
import type { importPreview } from '../../shared/contract/schemas/imports';
import { suggestMapping } from '../../shared/import/column-presets';
import { customTarget } from '../../shared/import/import-targets';
import type { CustomFieldDef } from '../leads/custom-field-defs';
import { decodeSample, detectFormat } from './detect-format';
import { resolveFormat, type ImportOptions } from './import-options';

const PREVIEW_ROWS = 10;

/** What the importer would read from the first bytes of a file: format, columns, first rows, a suggested mapping and the custom fields on offer. */
export function previewSample(bytes: Uint8Array, options: ImportOptions, customFields: readonly CustomFieldDef[] = []): z.infer<typeof importPreview> {
  const detected = detectFormat(bytes, {
    quote: options.quote,
    ...(options.delimiter === 'auto' ? {} : { delimiter: options.delimiter }),
  });
  const format = resolveFormat(options, detected);
  const text = decodeSample(bytes, format.encoding, format.bomBytes);
  const parsed = Papa.parse<string[]>(text, { delimiter: format.delimiter, newline: format.newline, quoteChar: format.quote, skipEmptyLines: 'greedy', preview: PREVIEW_ROWS + 1 });
  const records = parsed.data;
  const width = Math.max(0, ...records.map((r) => r.length));
  const columns = format.header ? (records[0] ?? []) : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  const rows = (format.header ? records.slice(1) : records).slice(0, PREVIEW_ROWS);
  const { preset, mapping } = suggestMapping(format.header ? columns : [], customFields);
  return {
    format: { encoding: format.encoding, delimiter: format.delimiter, header: format.header },
    columns,
    rows,
    preset: { id: preset.id, name: preset.name },
    mapping: format.header ? mapping : columns.map(() => 'ignore'),
    customFields: customFields.map((f) => ({ id: f.id, kind: f.kind, name: f.name, type: f.type, target: customTarget(f.kind, f.id) })),
  };
}
