import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProfileView } from '../../../src/shared/contract/schemas/profiles';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { addDiagnosticType, alive, until } from './harness';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

let t: TestCore;
const states: ProfileView[] = [];
beforeAll(async () => {
  t = await startTestCore({ clock: new ManualClock() });
  addDiagnosticType(t.core.services.store.sqlite);
  t.core.services.bus.subscribe((e) => {
    if (e.name === 'profiles.state') states.push(e.payload);
  });
});
afterAll(() => t.stop());

const post = async (path: string, body: unknown = {}) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
const list = async () => ((await (await t.api('/api/v1/profiles')).json()) as { items: ProfileView[] }).items;
const current = async (id: number) => (await list()).find((p) => p.id === id);

describe('profiles over the API', () => {
  it('creates an idle, inactive profile of a catalogue type and refuses an unknown type naming the field', async () => {
    const res = await post('/profiles', { typeCode: 'diagnostic', name: 'Self test' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'Self test', typeCode: 'diagnostic', active: false, state: 'idle', worker: null });
    const bad = await post('/profiles', { typeCode: 'carrier_pigeon', name: 'x' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([{ path: 'typeCode', message: 'no profile type "carrier_pigeon" in the catalogue' }]);
  });

  it('starts one worker for two concurrent start calls, shows it live, pauses, resumes and stops it', async () => {
    const { id } = (await (await post('/profiles', { typeCode: 'diagnostic', name: 'Twice' })).json()) as ProfileView;
    const [a, b] = await Promise.all([post(`/profiles/${id}/start`), post(`/profiles/${id}/start`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const online = await until(async () => {
      const p = await current(id);
      return p?.state === 'online' ? p : undefined;
    });
    const pid = online.worker?.pid;
    expect(online).toMatchObject({ active: true, worker: { restarts: 0 } });
    expect(pid).toBeGreaterThan(0);
    expect(states.filter((s) => s.id === id && s.state === 'starting')).toHaveLength(1);

    expect((await (await post(`/profiles/${id}/pause`)).json()).state).toBe('stopping');
    await until(async () => (await current(id))?.state === 'paused');
    expect(await current(id)).toMatchObject({ pauseReason: 'operator', active: true, worker: null });
    expect(alive(pid!)).toBe(false);

    await post(`/profiles/${id}/resume`);
    const resumed = await until(async () => {
      const p = await current(id);
      return p?.state === 'online' ? p : undefined;
    });
    expect(resumed.worker?.pid).not.toBe(pid);

    await post(`/profiles/${id}/stop`);
    await until(async () => (await current(id))?.state === 'idle');
    expect(await current(id)).toMatchObject({ active: false, worker: null, pauseReason: null });
  });

  it('fails a profile whose type has no channel in this build, saying so', async () => {
    const { id } = (await (await post('/profiles', { typeCode: 'public_web', name: 'Web' })).json()) as ProfileView;
    await post(`/profiles/${id}/start`);
    const failed = await until(async () => {
      const p = await current(id);
      return p?.state === 'failed' ? p : undefined;
    });
    expect(failed.stateDetail).toBe('this build has no channel for profile type public_web');
  });

  it('answers 404 for a profile that does not exist', async () => {
    for (const verb of ['start', 'stop', 'pause', 'resume']) {
      const res = await post(`/profiles/999/${verb}`);
      expect(res.status, verb).toBe(404);
    }
  });
});
