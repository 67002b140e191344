import { create } from 'zustand';
import { toError, type AsyncState } from '../lib/async-state';

/** A value the whole dashboard shares, loaded from the core once and replaced when it changes. */
export interface Resource<T> extends AsyncState<T> {
  readonly replace: (data: T) => void;
}

/** A zustand store holding one shared value that `load` fetches. */
export const createResourceStore = <T>(load: () => Promise<T>) =>
  create<Resource<T>>()((set) => ({
    data: undefined,
    error: undefined,
    loading: false,
    reload: () => {
      set({ loading: true });
      load().then(
        (data) => set({ data, error: undefined, loading: false }),
        (error: unknown) => set({ error: toError(error), loading: false }),
      );
    },
    replace: (data) => set({ data, error: undefined }),
  }));
