import { z } from 'zod';
import { defineMethod } from '../define-method';
import { id, noInput } from '../schemas/common';
import { importCreateInput, importPreview, importPreviewInput, importRow, importSummary } from '../schemas/imports';

/** Importing CSV files: preview, start, follow, inspect rejected rows, undo. */
export const importMethods = {
  'imports.preview': defineMethod({
    http: 'POST',
    path: '/imports/preview',
    summary: 'Detect the format of a file sample, parse its first rows and suggest a column mapping',
    input: importPreviewInput,
    output: importPreview,
  }),
  'imports.create': defineMethod({
    http: 'POST',
    path: '/imports',
    summary: 'Start importing a file (base64) with a column mapping; progress arrives as imports.progress events',
    input: importCreateInput,
    output: importSummary,
    maxBodyBytes: 64 * 1024 * 1024,
  }),
  'imports.list': defineMethod({ http: 'GET', path: '/imports', summary: 'Imports, newest first', input: noInput, output: z.object({ items: z.array(importSummary) }) }),
  'imports.rows': defineMethod({
    http: 'GET',
    path: '/imports/:id/rows',
    summary: 'Rows of an import by outcome, in file order',
    input: z.strictObject({ id, outcome: z.enum(['rejected', 'duplicate', 'inserted', 'merged', 'pending']).default('rejected'), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ items: z.array(importRow) }),
  }),
  'imports.undo': defineMethod({
    http: 'POST',
    path: '/imports/:id/undo',
    summary: 'Undo an import: restore what it changed and remove what it created',
    input: z.strictObject({ id }),
    output: importSummary,
  }),
} as const;
