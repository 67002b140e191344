/** Something loaded from the core: the last data, the last error, whether a load is under way, and how to load again. */
export interface AsyncState<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Whatever was thrown, as an Error with a message for people. */
export const toError = (thrown: unknown): Error => (thrown instanceof Error ? thrown : new Error(String(thrown)));
