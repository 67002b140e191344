import { seededRandom } from '../../shared/templates/seeded-random';

/**
 * Picks a variant by weight with a seed, so the same enrollment and step always get the same variant
 * (a re-run after a crash, a preview). Variants of weight 0 are never picked; undefined when none can be.
 */
export function chooseVariant<T extends { readonly weight: number }>(variants: readonly T[], seed: string): T | undefined {
  const total = variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0);
  if (total <= 0) return undefined;
  let pick = seededRandom(seed)() * total;
  for (const v of variants) {
    pick -= Math.max(0, v.weight);
    if (pick < 0 && v.weight > 0) return v;
  }
  return variants.findLast((v) => v.weight > 0);
}

/** The seed of an enrollment's variant at one step. */
export const variantSeed = (enrollmentId: number, stepId: number): string => `enrollment:${enrollmentId}:step:${stepId}`;
