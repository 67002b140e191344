import type { BulkOperation } from '../../../shared/contract/schemas/bulk';

const stage: Record<BulkOperation['status'], number> = { pending: 0, running: 1, performed: 2, failed: 2, canceled: 2 };

/**
 * The more recent of two snapshots of the same operation: answers and `bulk.progress` events can arrive out of order,
 * and an operation only moves forward (further stage, more done, then undone).
 */
export function latestOf(a: BulkOperation | undefined, b: BulkOperation): BulkOperation {
  if (a === undefined || a.id !== b.id) return b;
  if (stage[a.status] !== stage[b.status]) return stage[a.status] > stage[b.status] ? a : b;
  if (a.done !== b.done) return a.done > b.done ? a : b;
  if ((a.undoneAt === null) !== (b.undoneAt === null)) return a.undoneAt !== null ? a : b;
  return b;
}

const verbs: Record<BulkOperation['kind'], readonly [string, string]> = {
  add_tag: ['Adding the tag', 'Tag added'],
  remove_tag: ['Removing the tag', 'Tag removed'],
  delete: ['Deleting', 'Deleted'],
  export: ['Exporting', 'Exported'],
};

/** One line saying where an operation stands ("Adding the tag: 1,200 of 3,000 leads"). */
export function describeBulk(op: BulkOperation): string {
  const [doing, done] = verbs[op.kind];
  const n = (x: number): string => x.toLocaleString();
  if (op.undoneAt !== null) return `${done}, then undone`;
  switch (op.status) {
    case 'pending':
      return `${doing}: starting…`;
    case 'running':
      return `${doing}: ${n(op.done)} of ${n(op.total)} leads`;
    case 'performed':
      return op.kind === 'export' ? `${done}: ${n(op.total)} leads` : `${done}: ${n(op.changed)} of ${n(op.total)} leads changed`;
    case 'canceled':
      return `Canceled after ${n(op.done)} of ${n(op.total)} leads`;
    case 'failed':
      return `Failed: ${op.error ?? 'unknown error'}`;
  }
}
