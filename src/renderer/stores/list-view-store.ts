import { create } from 'zustand';
import type { ListView } from '../lib/list-hash';

/** A list screen's filter, sort and selected row, shared by its filter bar, table, bulk bar and URL. */
export interface ListViewState<F, S> extends ListView<F, S> {
  /** The row whose detail pane is open. */
  readonly selectedId: number | null;
  /** Changes some filter fields; `undefined` removes one. */
  readonly patchFilter: (patch: Partial<F>) => void;
  readonly setView: (view: Partial<ListView<F, S>>) => void;
  readonly setSort: (sort: S) => void;
  readonly clearFilter: () => void;
  readonly select: (id: number | null) => void;
}

/** A zustand store for one list screen, starting from an empty filter and `defaultSort`. */
export const createListViewStore = <F extends object, S>(defaultSort: S) =>
  create<ListViewState<F, S>>()((set) => ({
    filter: {} as F,
    sort: defaultSort,
    selectedId: null,
    patchFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
    setView: (view) => set(view),
    setSort: (sort) => set({ sort }),
    clearFilter: () => set({ filter: {} as F }),
    select: (selectedId) => set({ selectedId }),
  }));
