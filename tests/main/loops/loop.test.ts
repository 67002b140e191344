import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLoop } from '../../../src/main/loops/loop';
import { ManualClock } from '../../helpers/manual-clock';

const silent = pino({ level: 'silent' });
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createLoop', () => {
  it('runs a pass each interval on the injected clock and stops scheduling after stop()', async () => {
    const clock = new ManualClock();
    let passes = 0;
    const loop = createLoop({ name: 't', intervalMs: 1000, clock, logger: silent, pass: async () => void passes++ });
    loop.start();
    clock.advance(999);
    expect(passes).toBe(0);
    clock.advance(1);
    await flush();
    expect(passes).toBe(1);
    clock.advance(1000);
    await flush();
    expect(passes).toBe(2);
    await loop.stop();
    clock.advance(10_000);
    await flush();
    expect(passes).toBe(2);
    expect(clock.pending).toBe(0);
  });

  it('runs the first pass after firstDelayMs, then every interval', async () => {
    const clock = new ManualClock();
    let passes = 0;
    const loop = createLoop({ name: 't', intervalMs: 1000, firstDelayMs: 100, clock, logger: silent, pass: async () => void passes++ });
    loop.start();
    clock.advance(100);
    await flush();
    expect(passes).toBe(1);
    clock.advance(999);
    await flush();
    expect(passes).toBe(1);
    clock.advance(1);
    await flush();
    expect(passes).toBe(2);
    await loop.stop();
  });

  it('never overlaps passes: runOnce during a pass waits for it instead of starting another', async () => {
    const clock = new ManualClock();
    let concurrent = 0;
    let maxConcurrent = 0;
    let release!: () => void;
    const loop = createLoop({
      name: 't',
      intervalMs: 1000,
      clock,
      logger: silent,
      pass: async () => {
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise<void>((resolve) => (release = resolve));
        concurrent--;
      },
    });
    const a = loop.runOnce();
    const b = loop.runOnce();
    release();
    await Promise.all([a, b]);
    expect(maxConcurrent).toBe(1);
  });

  it('keeps running after a failing pass, and stop() waits for the pass in progress', async () => {
    const clock = new ManualClock();
    const seen: string[] = [];
    let fail = true;
    const loop = createLoop({
      name: 't',
      intervalMs: 10,
      clock,
      logger: silent,
      pass: async () => {
        seen.push(fail ? 'fail' : 'ok');
        if (fail) {
          fail = false;
          throw new Error('boom');
        }
      },
    });
    loop.start();
    clock.advance(10);
    await flush();
    clock.advance(10);
    await flush();
    expect(seen).toEqual(['fail', 'ok']);
    await loop.stop();
  });
});
