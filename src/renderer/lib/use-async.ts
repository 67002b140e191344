import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { toError, type AsyncState } from './async-state';

interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/** Runs `load` whenever `deps` change or `reload()` is called; keeps the previous data on screen while a new load runs. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: true });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // A slower answer to an older request must not overwrite a newer one.
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState((s) => ({ ...s, error: toError(error), loading: false })),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render, so the caller's `deps` say when it really changed.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
