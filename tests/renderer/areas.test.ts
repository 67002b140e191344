import { describe, expect, it } from 'vitest';
import { areaFromHash, areas, hrefOf } from '../../src/renderer/routing/areas';

describe('hash routes', () => {
  it('reads the area a hash names', () => {
    expect(areaFromHash('#/settings')).toBe('settings');
    expect(areaFromHash('#/outbox/42')).toBe('outbox');
    expect(areaFromHash('#/inbox?thread=3')).toBe('inbox');
  });

  it('falls back to the Overview for an empty or unknown hash', () => {
    expect(areaFromHash('')).toBe('overview');
    expect(areaFromHash('#/')).toBe('overview');
    expect(areaFromHash('#/nowhere')).toBe('overview');
  });

  it('links to every area with a hash it reads back', () => {
    for (const area of areas) expect(areaFromHash(hrefOf(area.id))).toBe(area.id);
  });
});
