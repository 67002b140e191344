import { z } from 'zod';
import { defineMethod } from '../define-method';
import { bulkOperation, bulkStartInput } from '../schemas/bulk';
import { id, noInput } from '../schemas/common';

/** Bulk actions over everything matching a filter, and CSV exports, run as background work. */
export const bulkMethods = {
  'bulk.start': defineMethod({
    http: 'POST',
    path: '/bulk',
    summary:
      'Start adding or removing a tag, deleting, or exporting (CSV) every lead matching a filter; runs in the background, progress arrives as bulk.progress events. ' +
      'It covers the leads that exist at start and still match when their batch runs; total is the count at start',
    input: bulkStartInput,
    output: bulkOperation,
  }),
  'bulk.list': defineMethod({ http: 'GET', path: '/bulk', summary: 'Bulk operations, newest first', input: noInput, output: z.object({ items: z.array(bulkOperation) }) }),
  'bulk.get': defineMethod({ http: 'GET', path: '/bulk/:id', summary: 'One bulk operation with its progress', input: z.strictObject({ id }), output: bulkOperation }),
  'bulk.cancel': defineMethod({
    http: 'POST',
    path: '/bulk/:id/cancel',
    summary: 'Stop a pending or running bulk operation after the batch in flight; what it already did stays (undo reverts it)',
    input: z.strictObject({ id }),
    output: bulkOperation,
  }),
  'bulk.undo': defineMethod({
    http: 'POST',
    path: '/bulk/:id/undo',
    summary: 'Revert exactly what a finished or canceled tag or delete operation changed',
    input: z.strictObject({ id }),
    output: bulkOperation,
  }),
} as const;
