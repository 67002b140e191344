import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ConnectivityMonitor, type ResumeCause } from '../../../src/main/connectivity/connectivity-monitor';
import { EventBus } from '../../../src/main/event-bus';
import type { ConnectivityView } from '../../../src/shared/contract/schemas/outbox';
import { ManualClock } from '../../helpers/manual-clock';

const flush = () => new Promise((resolve) => setImmediate(resolve));

function monitor() {
  const clock = new ManualClock();
  const bus = new EventBus();
  const events: ConnectivityView[] = [];
  bus.subscribe((e) => {
    if (e.name === 'connectivity.changed') events.push(e.payload);
  });
  const probe = { ok: true, calls: 0 };
  const m = new ConnectivityMonitor({
    clock,
    bus,
    logger: pino({ level: 'silent' }),
    probe: async () => {
      probe.calls += 1;
      return probe.ok;
    },
    backoff: { initialMs: 10_000, maxMs: 60_000 },
    wake: { tickMs: 15_000, lateMs: 60_000 },
  });
  const resumes: ResumeCause[] = [];
  m.onResume((cause) => resumes.push(cause));
  return { clock, m, probe, events, resumes };
}

describe('connectivity', () => {
  it('stays online when a worker reports a network failure but the probe gets through (one failing server is not offline)', async () => {
    const { m, probe, events } = monitor();
    m.reportNetworkFailure(1);
    await flush();
    expect(probe.calls).toBe(1);
    expect(m.isOnline()).toBe(true);
    expect(events.at(-1)).toMatchObject({ online: true, lastProbeOk: true, nextProbeAt: null });
  });

  it('goes offline when the probe fails, re-probes with growing delays, and resumes once when it gets through', async () => {
    const { clock, m, probe, events, resumes } = monitor();
    probe.ok = false;
    m.reportNetworkFailure(1);
    await flush();
    expect(m.isOnline()).toBe(false);
    const offline = events.at(-1);
    expect(offline).toMatchObject({ online: false, lastProbeOk: false, since: new Date(clock.now()).toISOString() });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const next = Date.parse(m.view().nextProbeAt ?? '');
      delays.push(next - clock.now());
      clock.advance(next - clock.now());
      await flush();
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(probe.calls).toBe(6);
    expect(resumes).toEqual([]);

    probe.ok = true;
    clock.advance(60_000);
    await flush();
    expect(m.isOnline()).toBe(true);
    expect(events.at(-1)).toMatchObject({ online: true, since: new Date(clock.now()).toISOString(), nextProbeAt: null });
    expect(resumes).toEqual(['reconnect']);
    // no more probes once online
    clock.advance(10 * 60_000);
    await flush();
    expect(probe.calls).toBe(7);
    await m.close();
  });

  it('sees a sleep as a late tick: records when it slept and woke, probes, and resumes with "wake"', async () => {
    const { clock, m, events, resumes } = monitor();
    m.start();
    clock.advance(60_000);
    await flush();
    expect(resumes).toEqual([]);
    const sleptFrom = clock.now();
    clock.sleep(3 * 3_600_000);
    await flush();
    const view = m.view();
    expect(Date.parse(view.wokeAt ?? '')).toBe(clock.now());
    expect(Date.parse(view.sleptAt ?? '')).toBeLessThanOrEqual(sleptFrom);
    expect(Date.parse(view.sleptAt ?? '')).toBeGreaterThan(sleptFrom - 15_000);
    expect(events.some((e) => e.wokeAt !== null)).toBe(true);
    expect(resumes).toEqual(['wake']);
    await m.close();
  });

  it('after a wake without network, waits for the reconnect to resume', async () => {
    const { clock, m, probe, resumes } = monitor();
    m.start();
    probe.ok = false;
    clock.sleep(3_600_000);
    await flush();
    expect(m.isOnline()).toBe(false);
    expect(resumes).toEqual([]);
    probe.ok = true;
    clock.advance(10_000);
    await flush();
    expect(resumes).toEqual(['reconnect']);
    await m.close();
  });
});
