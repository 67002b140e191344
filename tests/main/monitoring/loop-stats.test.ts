import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLoop } from '../../../src/main/loops/loop';
import type { Clock } from '../../../src/shared/clock';
import { ManualClock } from '../../helpers/manual-clock';

const silent = pino({ level: 'silent' });
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('loop stats', () => {
  it('count passes and failures, keep the last error and when the last pass ran, and say whether the loop is scheduled', async () => {
    const clock = new ManualClock();
    let fail = true;
    const loop = createLoop({
      name: 'probe',
      intervalMs: 1000,
      clock,
      logger: silent,
      pass: async () => {
        if (fail) throw new Error('store locked');
      },
    });
    expect(loop.stats()).toEqual({ name: 'probe', active: false, running: false, passes: 0, failures: 0, lagMs: 0, lastPassMs: null, lastPassAt: null, lastError: null });
    loop.start();
    expect(loop.stats().active).toBe(true);
    clock.advance(1000);
    await flush();
    expect(loop.stats()).toMatchObject({ passes: 1, failures: 1, lastPassAt: clock.now(), lastError: { message: 'store locked', at: clock.now() } });
    fail = false;
    const failedAt = clock.now();
    clock.advance(1000);
    await flush();
    expect(loop.stats()).toMatchObject({ passes: 2, failures: 1, lastPassAt: clock.now(), lastError: { message: 'store locked', at: failedAt } });
    expect(loop.stats().lastPassMs).toBeGreaterThanOrEqual(0);
    await loop.stop();
    expect(loop.stats().active).toBe(false);
  });

  it('report a pass in progress as running', async () => {
    let release!: () => void;
    const loop = createLoop({ name: 'slow', intervalMs: 1000, clock: new ManualClock(), logger: silent, pass: () => new Promise<void>((resolve) => (release = resolve)) });
    const pass = loop.runOnce();
    expect(loop.stats().running).toBe(true);
    release();
    await pass;
    expect(loop.stats()).toMatchObject({ running: false, passes: 1 });
  });

  it('measure lag: a timer that fires late shows how late', async () => {
    // a clock whose timers fire 250 ms after they were due, like a blocked event loop
    const clock = new ManualClock();
    let skew = 0;
    const lateClock: Clock = {
      now: () => clock.now() + skew,
      setTimeout: (fn, ms) => clock.setTimeout(() => ((skew = 250), fn()), ms),
      clearTimeout: (handle) => clock.clearTimeout(handle),
    };
    const loop = createLoop({ name: 'late', intervalMs: 1000, clock: lateClock, logger: silent, pass: async () => undefined });
    loop.start();
    clock.advance(1000);
    await flush();
    expect(loop.stats().lagMs).toBe(250);
    await loop.stop();
  });
});
