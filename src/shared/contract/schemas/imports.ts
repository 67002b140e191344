import { z } from 'zod';
import { companyTargets, isImportTarget, leadTargets } from '../../import/import-targets';
import { id, isoTime } from './common';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

/** How to read the file; 'auto' detects. */
export const importOptions = z.strictObject({
  header: z.union([z.boolean(), z.literal('auto')]).default('auto'),
  delimiter: z.union([z.enum([',', ';', '\t', '|']), z.literal('auto')]).default('auto'),
  quote: z.string().length(1).default('"'),
  encoding: z.enum(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).default('auto'),
});

/** Where one column goes: a lead field, `company.<field>`, `custom:<field id>`, `company.custom:<field id>` or 'ignore'. */
export const importTarget = z.string().refine(isImportTarget, `expected ignore, custom:<field id>, company.custom:<field id>, or one of ${[...leadTargets, ...companyTargets].join(', ')}`);

/** Input of a preview: the first bytes of the file. */
export const importPreviewInput = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  sample: base64.max(400_000, 'send at most the first 256 KiB of the file'),
  options: importOptions.prefault({}),
});

/** What the importer sees in a file and what it would store for the first rows. */
export const importPreview = z.object({
  format: z.object({ encoding: z.string(), delimiter: z.string(), header: z.boolean() }),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  preset: z.object({ id: z.string(), name: z.string() }),
  mapping: z.array(z.string()),
  /** Custom fields a column can also be mapped to, with the mapping target naming each. */
  customFields: z.array(z.object({ id, kind: z.enum(['lead', 'company']), name: z.string(), type: z.string(), target: z.string() })),
});

/** Input to start an import: the whole file, how to read it, where each column goes, and an optional tag. */
export const importCreateInput = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  content: base64,
  options: importOptions.prefault({}),
  mapping: z.array(importTarget).min(1).max(500),
  tagName: z.string().trim().min(1).max(60).optional(),
  /** Where the text came from: a chosen file or text pasted into the dashboard. */
  origin: z.enum(['file', 'paste']).default('file'),
});

/** An import with its progress counters. */
export const importSummary = z.object({
  id,
  fileName: z.string(),
  status: z.enum(['pending', 'ingesting', 'importing', 'done', 'failed', 'canceled', 'undone']),
  rowsStaged: z.number().int(),
  inserted: z.number().int(),
  merged: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
});

/** Import summary. */
export type ImportSummary = z.infer<typeof importSummary>;

/** One staged row with its outcome (rejections carry the line and the reason). */
export const importRow = z.object({ line: z.number().int(), outcome: z.string(), reason: z.string().nullable(), cells: z.array(z.string()) });
