import { useEffect } from 'react';
import type { z } from 'zod';
import type { StoreApi, UseBoundStore } from 'zustand';
import { areaFromHash, type AreaId } from '../routing/areas';
import type { ListViewState } from '../stores/list-view-store';
import { viewFromHash, viewToHash } from './list-hash';

/**
 * Keeps a list screen's filter and sort in the location hash (`#/leads?f=…&s=…`) so a filtered view survives a reload
 * and can be bookmarked. A hash without a view (a sidebar link) gets the store's view written into it instead.
 */
export function useViewHash<F extends object, S extends { field: string; direction: string }>(
  area: AreaId,
  store: UseBoundStore<StoreApi<ListViewState<F, S>>>,
  filterSchema: z.ZodType<F>,
  sortSchema: z.ZodType<S>,
): void {
  useEffect(() => {
    const write = (): void => {
      const hash = viewToHash(area, store.getState());
      if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
    };
    const read = (): void => {
      if (areaFromHash(window.location.hash) !== area) return;
      const view = viewFromHash(window.location.hash, filterSchema, sortSchema);
      if (view) store.getState().setView({ filter: view.filter ?? ({} as F), sort: view.sort ?? store.getState().sort });
      else write();
    };
    read();
    window.addEventListener('hashchange', read);
    const unsubscribe = store.subscribe((now, before) => {
      if (now.filter !== before.filter || now.sort !== before.sort) write();
    });
    return () => {
      window.removeEventListener('hashchange', read);
      unsubscribe();
    };
  }, [area, store, filterSchema, sortSchema]);
}
