import { useCallback, useEffect, useState } from 'react';
import type { ImportSummary } from '../../../shared/contract/schemas/imports';
import type { AsyncState } from '../../lib/async-state';
import { call, on } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { applyUpdates, upsertImport } from './upsert-import';

/** The imports, kept current, and how to record an import the dashboard itself started or undid. */
export interface ImportsList {
  readonly imports: AsyncState<readonly ImportSummary[]>;
  readonly record: (summary: ImportSummary) => void;
}

/** Loads the imports once, then follows `imports.progress` events (and answers to this window's own calls) row by row. */
export function useImports(): ImportsList {
  const loaded = useAsync(() => call('imports.list', {}), []);
  const [updates, setUpdates] = useState<readonly ImportSummary[]>([]);
  const record = useCallback((summary: ImportSummary) => setUpdates((u) => upsertImport(u, summary)), []);

  useEffect(() => on('imports.progress', record), [record]);

  return { imports: { ...loaded, data: loaded.data && applyUpdates(loaded.data.items, updates) }, record };
}
