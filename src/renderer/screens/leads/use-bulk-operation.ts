import { useCallback, useEffect, useRef, useState } from 'react';
import type { BulkOperation } from '../../../shared/contract/schemas/bulk';
import type { LeadFilter } from '../../../shared/contract/schemas/lead-filter';
import { toError } from '../../lib/async-state';
import { call, on } from '../../lib/call';
import { latestOf } from './bulk-progress';

/** What the bulk bar can start: a kind and, for tag actions, the tag. */
export type BulkRequest = { readonly kind: 'add_tag' | 'remove_tag'; readonly tagId: number } | { readonly kind: 'delete' | 'export' };

/** The bulk operation this screen started last, kept current by `bulk.progress` events, and what can be done with it. */
export interface BulkOperationState {
  readonly operation: BulkOperation | null;
  readonly error: string | null;
  readonly start: (request: BulkRequest, filter: LeadFilter) => Promise<void>;
  readonly cancel: () => void;
  readonly undo: () => Promise<void>;
  readonly dismiss: () => void;
}

/** True while the operation may still change things. */
export const isRunning = (op: BulkOperation): boolean => op.status === 'pending' || op.status === 'running';

/** Starts bulk operations over a filter and follows the latest one to its end. */
export function useBulkOperation(): BulkOperationState {
  const [operation, setOperation] = useState<BulkOperation | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Progress can outrun the answer that names the operation, so recent events are kept to catch up with.
  const seen = useRef(new Map<number, BulkOperation>());

  useEffect(
    () =>
      on('bulk.progress', (op) => {
        seen.current.set(op.id, latestOf(seen.current.get(op.id), op));
        setOperation((current) => (current?.id === op.id ? latestOf(current, op) : current));
      }),
    [],
  );

  const act = useCallback(async (work: () => Promise<BulkOperation>) => {
    setError(null);
    try {
      const op = await work();
      setOperation(latestOf(seen.current.get(op.id), op));
    } catch (thrown) {
      setError(toError(thrown).message);
    }
  }, []);

  const id = operation?.id;
  return {
    operation,
    error,
    start: (request, filter) => act(() => call('bulk.start', { ...request, filter })),
    cancel: () => void (id !== undefined && act(() => call('bulk.cancel', { id }))),
    undo: () => (id === undefined ? Promise.resolve() : act(() => call('bulk.undo', { id }))),
    dismiss: () => {
      setOperation(null);
      setError(null);
    },
  };
}
