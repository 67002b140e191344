const median = (times: number[]): number => times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** Median wall time in milliseconds of `runs` calls to `fn` (after one warm-up call). */
export function medianMs(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(elapsedMs(start));
  }
  return median(times);
}

/** `medianMs` for asynchronous work, each call awaited before the next. */
export async function medianAsyncMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(elapsedMs(start));
  }
  return median(times);
}

/** Prints one figure line: name, value with unit, and an optional ratio against the baseline. */
export function report(name: string, value: number, unit: string, baseline?: { name: string; value: number }): void {
  const ratio = baseline ? `  (${(value / baseline.value).toFixed(2)}x ${baseline.name})` : '';
  console.log(`${name.padEnd(46)} ${value.toFixed(value < 10 ? 2 : 0).padStart(10)} ${unit}${ratio}`);
}
