import type { ReactNode } from 'react';
import type { AsyncState } from '../lib/async-state';

interface AsyncViewProps<T> {
  readonly state: AsyncState<T>;
  /** What is loading, for the messages ("Loading leads…"). */
  readonly what: string;
  readonly children: (data: T) => ReactNode;
}

/** Shows the loading message, the error with a retry button, or the loaded data. */
export function AsyncView<T>({ state, what, children }: AsyncViewProps<T>) {
  if (state.error) {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          Could not load {what}: {state.error.message}
        </p>
        <button type="button" className="button" onClick={state.reload} disabled={state.loading}>
          Try again
        </button>
      </div>
    );
  }
  if (state.data === undefined) {
    return (
      <p className="loading" role="status">
        Loading {what}…
      </p>
    );
  }
  return children(state.data);
}
