/** A random whole number of ms in [min, max], scaled (0 = no wait). */
export function randomMs([min, max]: readonly [number, number], scale: number): number {
  return Math.round((min + Math.random() * (max - min)) * scale);
}

/** Waits a human-like random gap from the range, scaled by the profile's delayScale. */
export async function humanPause(range: readonly [number, number], scale: number): Promise<void> {
  const ms = randomMs(range, scale);
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}
