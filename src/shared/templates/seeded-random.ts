/** A pseudo-random source in [0, 1) fully determined by its seed, so a preview and the send pick the same variants. */
export function seededRandom(seed: string): () => number {
  // FNV-1a folds the seed into 32 bits; mulberry32 then walks from there.
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
