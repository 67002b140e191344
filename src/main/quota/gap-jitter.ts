/** A well-mixed 32-bit hash of a string (FNV-1a, then murmur3's finaliser so near-equal inputs spread out). */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The random part of the gap after a use, 0..jitterSeconds in ms. Derived from the use itself (profile, action, time)
 * rather than drawn anew, so the next allowed time does not move on every ask and planning can predict it.
 */
export const gapJitterMs = (profileId: number, action: string, usedAt: number, jitterSeconds: number): number =>
  jitterSeconds <= 0 ? 0 : hash32(`${profileId}:${action}:${usedAt}`) % (jitterSeconds * 1000 + 1);
