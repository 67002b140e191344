import { useEffect, useState } from 'react';
import type { LeadsPage } from '../../../shared/contract/schemas/leads';
import type { AsyncState } from '../../lib/async-state';
import { call, on } from '../../lib/call';
import { useAsync } from '../../lib/use-async';
import { back, currentCursor, firstPage, forward } from './cursor-stack';

/** Leads per page. */
const PAGE_SIZE = 50;

/** One page of leads with keyset paging in both directions. */
export interface LeadsPaging {
  readonly page: AsyncState<LeadsPage>;
  /** 1 for the first page. */
  readonly pageNumber: number;
  readonly previous: (() => void) | undefined;
  readonly next: (() => void) | undefined;
}

/** Loads the current page of leads, pages with the cursor stack, and reloads when leads change. */
export function useLeadsPage(): LeadsPaging {
  const [stack, setStack] = useState(firstPage);
  const after = currentCursor(stack);
  const page = useAsync(() => call('leads.list', { limit: PAGE_SIZE, after }), [after]);
  const { reload } = page;

  useEffect(() => on('leads.changed', reload), [reload]);

  const nextCursor = page.data?.nextCursor ?? null;
  const idle = !page.loading;
  return {
    page,
    pageNumber: stack.length,
    previous: idle && stack.length > 1 ? () => setStack(back) : undefined,
    next: idle && nextCursor !== null ? () => setStack((s) => forward(s, nextCursor)) : undefined,
  };
}
