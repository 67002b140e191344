/** Median wall time in milliseconds of `runs` calls to `fn` (after one warm-up call). */
export function medianMs(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Prints one figure line: name, value with unit, and an optional ratio against the baseline. */
export function report(name: string, value: number, unit: string, baseline?: { name: string; value: number }): void {
  const ratio = baseline ? `  (${(value / baseline.value).toFixed(2)}x ${baseline.name})` : '';
  console.log(`${name.padEnd(46)} ${value.toFixed(value < 10 ? 2 : 0).padStart(10)} ${unit}${ratio}`);
}
