import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { addItem, addProfile, alive, itemRow, startHarness, until } from '../supervisor/harness';

// Real worker processes start through tsx on a shared machine: generous ceilings, no assertions on time.
vi.setConfig({ testTimeout: 180_000 });

const LEASE_MS = 30_000;

/** Waits until the worker has answered a ping sent after now, so the supervisor knows what it is busy with. */
async function heartbeat(h: ReturnType<typeof startHarness>, id: number): Promise<void> {
  const before = h.state(id).worker?.lastHeartbeatAt;
  h.clock.advance(1_000);
  await until(() => h.state(id).worker?.lastHeartbeatAt !== before);
}

describe('the sweep watchdog', () => {
  it('restarts a worker that still heartbeats but never finishes its item, and the item runs again', async () => {
    const h = startHarness({ leaseMs: LEASE_MS });
    const id = addProfile(h.store.sqlite);
    const item = addItem(h.store.sqlite, id, ['stall', 'succeed'], h.clock.now());
    h.supervisor.start(id);
    await until(() => h.state(id).state === 'working');
    const first = await until(() => h.state(id).worker?.pid);
    await heartbeat(h, id);
    expect(h.sweep()).toEqual({ expired: [], restarted: 0 });
    h.clock.advance(LEASE_MS);
    // Still alive and answering pings: only the watchdog notices.
    await heartbeat(h, id);
    expect(alive(first)).toBe(true);
    expect(h.sweep()).toMatchObject({ expired: [{ kind: 'enrichment', id: item, status: 'pending' }], restarted: 1 });
    await until(() => !alive(first) && h.state(id).worker === null);
    h.clock.advance(1_000);
    await until(() => itemRow(h.store.sqlite, item).status === 'performed');
    expect(itemRow(h.store.sqlite, item)).toMatchObject({ attempts: 2 });
    expect(h.state(id).worker?.restarts).toBe(1);
  });

  it('holds the item of a worker stalled inside an effect as unknown, never pending, and restarts the worker', async () => {
    const h = startHarness({ leaseMs: LEASE_MS });
    const id = addProfile(h.store.sqlite);
    const effectsFile = join(tempDir('outpost-watchdog-'), 'effects.log');
    const item = addItem(h.store.sqlite, id, ['effect'], h.clock.now(), { effectsFile, effectPauseMs: 60_000 });
    h.supervisor.start(id);
    await until(() => h.store.sqlite.prepare("SELECT 1 FROM effect_ledger WHERE outcome = 'started'").get());
    const first = await until(() => h.state(id).worker?.pid);
    h.clock.advance(LEASE_MS);
    await heartbeat(h, id);
    expect(h.sweep()).toMatchObject({ expired: [{ id: item, status: 'unknown' }], restarted: 1 });
    await until(() => !alive(first));
    expect(itemRow(h.store.sqlite, item).status).toBe('unknown');
  });
});
