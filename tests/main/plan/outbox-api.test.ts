import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCore } from '../../../src/main/core';
import type { ConnectivityView } from '../../../src/shared/contract/schemas/outbox';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';

async function core() {
  const dataDir = tempDir('outpost-outbox-');
  const clock = new ManualClock();
  const probe = { ok: true };
  const c = await startCore({
    edition: 'browser',
    dataDir,
    port: 0,
    dashboardDir: join(dataDir, 'none'),
    logger: pino({ level: 'silent' }),
    clock,
    connectivityProbe: async () => probe.ok,
  });
  onTestFinished(() => c.stop());
  const get = async (path: string) => {
    const res = await fetch(`${c.http.origin}/api/v1${path}`, { headers: { authorization: `Bearer ${c.firstApiKey}` } });
    return { status: res.status, body: await res.json() };
  };
  return { c, clock, probe, get };
}

describe('outbox API', () => {
  it('lists waiting items with reasons over REST, pages them, and reports the capacity calendar', async () => {
    const { c, clock, get } = await core();
    const db = c.services.store.sqlite;
    const lead = Number(db.prepare("INSERT INTO leads (email, email_norm, created_at, updated_at) VALUES ('a@b.test', 'a@b.test', 0, 0)").run().lastInsertRowid);
    const insert = db.prepare(`INSERT INTO outreach (outreach_type_id, direction, lead_id, lead_address, approval, idempotency_key, due_at, created_at, updated_at)
      VALUES (1, 'outgoing', ?, 'a@b.test', 'pending', ?, ?, ?, ?)`);
    for (let i = 0; i < 3; i++) insert.run(lead, `k${i}`, clock.now() + i, clock.now(), clock.now());

    const first = await get('/work/outbox?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({ kind: 'outreach', reason: 'not_approved', expectedAt: null, label: 'Email to a@b.test' });
    const second = await get(`/work/outbox?limit=2&after=${encodeURIComponent(first.body.next)}`);
    expect(second.body).toMatchObject({ next: null });
    expect(second.body.items).toHaveLength(1);
    expect((await get('/work/outbox?after=x')).status).toBe(400);

    const capacity = await get(`/work/capacity?from=${encodeURIComponent(new Date(clock.now()).toISOString())}&days=3`);
    expect(capacity.body).toEqual({ channels: [], days: ['2026-11-23', '2026-11-24', '2026-11-25'], cells: [] });
  });

  it('reports connectivity and pushes connectivity.changed when the probe fails', async () => {
    const { c, probe, get } = await core();
    const pushed: ConnectivityView[] = [];
    c.services.bus.subscribe((e) => {
      if (e.name === 'connectivity.changed') pushed.push(e.payload);
    });
    expect((await get('/connectivity')).body).toMatchObject({ online: true, lastProbeAt: null, catchUp: null });
    probe.ok = false;
    c.services.connectivity.reportNetworkFailure(1);
    await expect.poll(() => pushed.at(-1)?.online).toBe(false);
    expect((await get('/connectivity')).body).toMatchObject({ online: false, lastProbeOk: false });
  });
});
