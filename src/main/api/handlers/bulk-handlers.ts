import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { bulkMethods } from '../../../shared/contract/areas/bulk-methods';
import type { LeadFilter } from '../../../shared/contract/schemas/lead-filter';
import { availableColumns } from '../../bulk/export-columns';
import { BulkUndo } from '../../bulk/undo-bulk';
import { compileLeadFilter } from '../../leads/query/lead-filter-sql';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

const UNDOABLE = new Set(['performed', 'canceled', 'failed']);

/** Start, follow, cancel and undo bulk operations over the leads matching a filter. */
export const bulkHandlers = (s: Services): Pick<Handlers, keyof typeof bulkMethods> => {
  const undo = new BulkUndo(s.store.sqlite, () => s.clock.now());
  const undoing = new Set<number>();
  const found = (id: number) => {
    const op = s.bulk.get(id);
    if (!op) throw new ApiError('not_found', `bulk operation ${id} does not exist`);
    return op;
  };
  // Counted once at start; the operation then walks ids up to the newest lead of this moment.
  const measure = (filter: LeadFilter) => {
    const { from, where, params } = compileLeadFilter(filter);
    const total = (s.store.sqlite.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(...params) as { n: number }).n;
    const maxId = (s.store.sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM leads').get() as { id: number }).id;
    return { total, maxId };
  };
  const exportColumns = (requested: readonly string[] | undefined): string[] => {
    const available = availableColumns(s.store.sqlite);
    if (requested === undefined) return available;
    const byKey = new Map(available.map((key) => [key.toLowerCase(), key]));
    return requested.map((key, i) => {
      const known = byKey.get(key.toLowerCase());
      if (known === undefined) {
        const message = `unknown column ${JSON.stringify(key)}; expected one of ${available.join(', ')}`;
        throw new ApiError('bad_request', `columns.${i}: ${message}`, [{ path: `columns.${i}`, message }]);
      }
      return known;
    });
  };
  const exportFile = (columns: string[]) => {
    const dir = join(s.info.dataDir, 'exports');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return { path: join(dir, `leads-${s.clock.now()}-${Math.random().toString(36).slice(2, 8)}.csv`), columns };
  };

  return {
    'bulk.start': async ({ kind, filter, tagId, columns }) => {
      if (tagId !== undefined && !(s.store.sqlite.prepare('SELECT 1 FROM tags WHERE id = ? AND deleted_at IS NULL').get(tagId))) {
        throw new ApiError('not_found', `tagId: tag ${tagId} does not exist`);
      }
      const file = kind === 'export' ? exportFile(exportColumns(columns)) : undefined;
      const op = s.bulk.create({ kind, filter, tagId, ...measure(filter), exportFile: file });
      s.bus.emit('bulk.progress', op);
      return op;
    },
    'bulk.list': async () => ({ items: s.bulk.list() }),
    'bulk.get': async ({ id }) => found(id),
    'bulk.cancel': async ({ id }) => {
      const op = found(id);
      if (!s.bulk.cancel(id)) throw new ApiError('conflict', `bulk operation ${id} is ${op.status}; only a pending or running one can be canceled`);
      // The loop works in synchronous batches on this thread, so no batch is writing the file now.
      if (op.exportId !== null) {
        const file = s.bulk.exportFile(op.exportId);
        if (file) rmSync(file.path, { force: true });
      }
      const after = found(id);
      s.bus.emit('bulk.progress', after);
      return after;
    },
    'bulk.undo': async ({ id }) => {
      const op = found(id);
      if (op.kind === 'export') throw new ApiError('conflict', `bulk operation ${id} is an export; there is nothing to undo`);
      if (op.undoneAt !== null || undoing.has(id)) throw new ApiError('conflict', `bulk operation ${id} is already undone`);
      if (!UNDOABLE.has(op.status)) throw new ApiError('conflict', `bulk operation ${id} is ${op.status}; cancel it or let it finish before undoing it`);
      undoing.add(id);
      try {
        await undo.undoAll(id, op.kind);
      } finally {
        undoing.delete(id);
      }
      const after = found(id);
      s.bus.emit('bulk.progress', after);
      s.bus.emit('leads.changed', { reason: 'bulk', total: await s.leads.count() });
      return after;
    },
  };
};
