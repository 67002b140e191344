import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MonitoringSnapshot } from '../../../src/shared/contract/schemas/monitoring';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const clock = new ManualClock();
beforeAll(async () => {
  t = await startTestCore({ clock });
});
afterAll(() => t.stop());

const snapshot = async (): Promise<MonitoringSnapshot> => {
  const res = await t.api('/api/v1/monitoring');
  expect(res.status).toBe(200);
  return (await res.json()) as MonitoringSnapshot;
};

describe('monitoring.snapshot', () => {
  it('refuses anonymous calls', async () => {
    expect((await fetch(`${t.origin}/api/v1/monitoring`)).status).toBe(401);
  });

  it('reports every loop with its passes, queue depths by kind and status, workers and process memory', async () => {
    const db = t.core.services.store.sqlite;
    db.prepare('INSERT INTO leads (created_at, updated_at) VALUES (0, 0)').run();
    const outreach = db.prepare("INSERT INTO outreach (outreach_type_id, direction, lead_id, approval, idempotency_key, status, due_at, created_at, updated_at) VALUES (1, 'outgoing', 1, 'pending', ?, ?, 0, 0, 0)");
    outreach.run('a', 'pending');
    outreach.run('b', 'pending');
    outreach.run('c', 'canceled');
    const created = await t.api('/api/v1/profiles', { method: 'POST', body: JSON.stringify({ typeCode: 'public_web', name: 'Watcher' }) });
    expect(created.status).toBe(200);

    const before = await snapshot();
    const timeline = before.loops.find((l) => l.name === 'timeline');
    expect(timeline).toMatchObject({ active: true, running: false, passes: 0, lastPassAt: null, lastError: null });
    expect(before.loops.map((l) => l.name)).toEqual(expect.arrayContaining(['sweep', 'ingest', 'import', 'bulk', 'timeline']));
    expect(before.queues).toEqual(
      expect.arrayContaining([
        { kind: 'outreach', status: 'pending', count: 2 },
        { kind: 'outreach', status: 'canceled', count: 1 },
      ]),
    );
    expect(before.workers).toEqual([expect.objectContaining({ profileName: 'Watcher', typeCode: 'public_web', pid: null, restarts: 0 })]);
    expect(before.process.rssBytes).toBeGreaterThan(10_000_000);
    expect(before.process.heapUsedBytes).toBeGreaterThan(0);
    expect(before.timeline).toEqual({ rebuilding: false, lastFoldAt: null });

    clock.advance(2000);
    const passed = await vi.waitFor(async () => {
      const loop = (await snapshot()).loops.find((l) => l.name === 'timeline');
      expect(loop?.passes).toBeGreaterThanOrEqual(1);
      return loop;
    });
    expect(passed?.lastPassAt).toBe(new Date(clock.now()).toISOString());
    expect(passed?.lastPassMs).toBeGreaterThanOrEqual(0);
  });
});
