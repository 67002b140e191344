import { describe, expect, it } from 'vitest';
import { back, currentCursor, firstPage, forward } from '../../src/renderer/screens/leads/cursor-stack';

describe('leads cursor stack', () => {
  it('starts on the first page, which has no cursor', () => {
    expect(currentCursor(firstPage)).toBeUndefined();
  });

  it('goes forward with each nextCursor and back to the cursors it came from', () => {
    const third = forward(forward(firstPage, 2950), 2900);
    expect(currentCursor(third)).toBe(2900);
    expect(currentCursor(back(third))).toBe(2950);
    expect(currentCursor(back(back(third)))).toBeUndefined();
  });

  it('stays on the first page when going back from it', () => {
    expect(back(firstPage)).toBe(firstPage);
  });
});
