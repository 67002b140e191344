import { describe, expect, it } from 'vitest';
import { BatchSizer } from '../../../src/main/loops/batch-sizer';

describe('BatchSizer', () => {
  it('moves toward the size that fits the time target, at most 2x per batch, within its limits', () => {
    const sizer = new BatchSizer({ targetMs: 40, initial: 100, min: 25, max: 1000 });
    sizer.record(100, 10); // 4x too fast: doubles only
    expect(sizer.size).toBe(200);
    sizer.record(200, 50); // 160 rows fit in 40 ms
    expect(sizer.size).toBe(160);
    sizer.record(160, 1000); // far too slow: halves only
    expect(sizer.size).toBe(80);
    for (let i = 0; i < 5; i++) sizer.record(sizer.size, 1000);
    expect(sizer.size).toBe(25);
    for (let i = 0; i < 10; i++) sizer.record(sizer.size, 1);
    expect(sizer.size).toBe(1000);
  });

  it('ignores a batch that handled no row', () => {
    const sizer = new BatchSizer({ targetMs: 40, initial: 100, min: 25, max: 1000 });
    sizer.record(0, 0);
    expect(sizer.size).toBe(100);
  });
});
