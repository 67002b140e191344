import { z } from 'zod';
import { id, isoTime } from './common';
import { leadFilter } from './lead-filter';

/** What a bulk operation does to every lead matching its filter. */
export const bulkKind = z.enum(['add_tag', 'remove_tag', 'delete', 'export']);

/** Life of a bulk operation: pending -> running -> performed | failed | canceled. */
export const bulkStatus = z.enum(['pending', 'running', 'performed', 'failed', 'canceled']);

/** An export column: `id`, a lead field, `company.<field>`, `tags`, `custom:<name>` or `company.custom:<name>`. */
export const exportColumn = z.string().trim().min(1).max(120);

/** Input of `bulk.start`: the action, the leads it applies to, and the action's parameter. */
export const bulkStartInput = z
  .strictObject({
    kind: bulkKind,
    filter: leadFilter,
    /** The tag to add or remove (add_tag, remove_tag only). */
    tagId: id.optional(),
    /** Export columns in order (export only); all columns when omitted. */
    columns: z.array(exportColumn).min(1).max(300).optional(),
  })
  .superRefine((input, ctx) => {
    const tagKind = input.kind === 'add_tag' || input.kind === 'remove_tag';
    if (tagKind && input.tagId === undefined) ctx.addIssue({ code: 'custom', path: ['tagId'], message: `required for ${input.kind}` });
    if (!tagKind && input.tagId !== undefined) ctx.addIssue({ code: 'custom', path: ['tagId'], message: `only for add_tag and remove_tag` });
    if (input.kind !== 'export' && input.columns !== undefined) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'only for export' });
  });

/** A bulk operation with its progress: `total` matched at start, `done` processed so far, `changed` actually changed. */
export const bulkOperation = z.object({
  id,
  kind: bulkKind,
  status: bulkStatus,
  filter: leadFilter,
  tagId: id.nullable(),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  exportId: id.nullable(),
  /** Where the finished export's CSV downloads from (below /api/v1), or null. */
  downloadPath: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: isoTime,
  finishedAt: isoTime.nullable(),
  undoneAt: isoTime.nullable(),
});

/** Bulk operation. */
export type BulkOperation = z.infer<typeof bulkOperation>;

/** Bulk operation kind. */
export type BulkKind = z.infer<typeof bulkKind>;
