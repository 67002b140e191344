/** Lets pending I/O (API requests) run between two batches of long work. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
