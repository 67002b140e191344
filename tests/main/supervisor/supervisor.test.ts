import { describe, expect, it, vi } from 'vitest';
import { addItem, addProfile, alive, itemRow, startHarness, until } from './harness';
import { WORKER_PROTOCOL_VERSION } from '../../../src/shared/worker-protocol/messages';

// Real worker processes start through tsx on a shared machine: generous ceilings, no assertions on time.
vi.setConfig({ testTimeout: 120_000 });

const pidOf = (h: ReturnType<typeof startHarness>, id: number) => until(() => h.state(id).worker?.pid);

describe('supervisor', () => {
  it('starts a worker that shakes hands, goes online and performs a due item', async () => {
    const h = startHarness();
    const id = addProfile(h.store.sqlite);
    const item = addItem(h.store.sqlite, id, ['succeed'], h.clock.now());
    h.supervisor.start(id);
    expect(h.state(id).state).toBe('starting');
    await until(() => itemRow(h.store.sqlite, item).status === 'performed');
    expect(itemRow(h.store.sqlite, item)).toMatchObject({ attempts: 1, lease_owner: null, error_kind: null });
    expect(JSON.parse(itemRow(h.store.sqlite, item).result ?? 'null')).toEqual({ attempt: 1 });
    await until(() => h.state(id).state === 'online');
    expect(h.events.map((e) => e.state)).toEqual(expect.arrayContaining(['starting', 'online', 'working']));
  });

  it('records failures with their kind: transient back to pending, permanent failed, policy aborted', async () => {
    const h = startHarness();
    const id = addProfile(h.store.sqlite);
    const now = h.clock.now();
    const transient = addItem(h.store.sqlite, id, ['fail_transient', 'succeed'], now);
    const permanent = addItem(h.store.sqlite, id, ['fail_permanent'], now);
    const policy = addItem(h.store.sqlite, id, ['fail_policy'], now);
    h.supervisor.start(id);
    // The transient failure waits out its backoff (a minute, jitter 0 with random 0.5) before its second attempt.
    await until(() => itemRow(h.store.sqlite, transient).attempts === 1 && itemRow(h.store.sqlite, transient).status === 'pending');
    expect(itemRow(h.store.sqlite, transient)).toMatchObject({ error_kind: 'transient', due_at: now + 60_000 });
    h.clock.advance(60_000);
    await until(() => itemRow(h.store.sqlite, transient).status === 'performed' && itemRow(h.store.sqlite, policy).status === 'aborted');
    expect(itemRow(h.store.sqlite, transient)).toMatchObject({ attempts: 2, error_kind: null });
    expect(itemRow(h.store.sqlite, permanent)).toMatchObject({ status: 'failed', attempts: 1, error_kind: 'permanent', error_text: 'diagnostic permanent failure' });
    expect(itemRow(h.store.sqlite, policy)).toMatchObject({ status: 'aborted', error_kind: 'policy' });
  });

  it('never runs two processes for one profile, even when start is called twice at once', async () => {
    const h = startHarness();
    const id = addProfile(h.store.sqlite);
    await Promise.all([Promise.resolve().then(() => h.supervisor.start(id)), Promise.resolve().then(() => h.supervisor.start(id))]);
    h.supervisor.start(id);
    await until(() => h.state(id).state === 'online');
    h.supervisor.start(id);
    expect(h.spawned).toHaveLength(1);
  });

  it('refuses a worker that speaks another protocol version and marks the profile failed without restarting it', async () => {
    const h = startHarness({ entry: { path: `${__dirname}/fixtures/old-protocol-worker.ts`, execArgv: ['--import', 'tsx'] } });
    const id = addProfile(h.store.sqlite);
    h.supervisor.start(id);
    const pid = await pidOf(h, id);
    await until(() => h.state(id).state === 'failed');
    expect(h.state(id).stateDetail).toBe(`worker speaks protocol 0, this app speaks ${WORKER_PROTOCOL_VERSION}`);
    expect(alive(pid)).toBe(false);
    h.clock.advance(60_000);
    expect(h.spawned).toHaveLength(1);
  });

  it('stops a worker gracefully: it exits by itself with code 0 and the profile is idle and inactive', async () => {
    const h = startHarness();
    const id = addProfile(h.store.sqlite);
    h.supervisor.start(id);
    await until(() => h.state(id).state === 'online');
    const exit = new Promise<number | null>((resolve) => h.spawned[0]!.onExit(resolve));
    expect(h.supervisor.stop(id)?.state).toBe('stopping');
    expect(await exit).toBe(0);
    await until(() => h.state(id).state === 'idle');
    expect(h.state(id)).toMatchObject({ active: false, worker: null });
  });

  it('kills a worker that does not stop by the deadline', async () => {
    const h = startHarness();
    const id = addProfile(h.store.sqlite);
    const item = addItem(h.store.sqlite, id, ['stall'], h.clock.now());
    h.supervisor.start(id);
    await until(() => itemRow(h.store.sqlite, item).status === 'running' && h.state(id).state === 'working');
    const exit = new Promise<number | null>((resolve) => h.spawned[0]!.onExit(resolve));
    h.supervisor.pause(id);
    h.clock.advance(9_999);
    expect(h.state(id).state).toBe('stopping');
    h.clock.advance(1);
    expect(await exit).toBeNull();
    await until(() => h.state(id).state === 'paused');
    expect(h.state(id)).toMatchObject({ pauseReason: 'operator', active: true, worker: null });
  });

  it('detects a hung worker by its missing heartbeats, kills it and starts a new one', async () => {
    const h = startHarness({ timing: { heartbeatTimeoutMs: 3_000 } });
    const id = addProfile(h.store.sqlite);
    h.supervisor.start(id);
    const first = await pidOf(h, id);
    await until(() => h.state(id).state === 'online');
    // A healthy worker answers the ping.
    h.clock.advance(1_000);
    const answered = h.state(id).worker?.lastHeartbeatAt;
    await until(() => h.state(id).worker?.lastHeartbeatAt !== answered);
    // An item that blocks the worker's event loop: the next ping goes unanswered.
    addItem(h.store.sqlite, id, ['hang'], h.clock.now());
    h.clock.advance(1_000);
    await until(() => h.state(id).state === 'working');
    h.clock.advance(1_000);
    h.clock.advance(3_000);
    await until(() => !alive(first) && h.state(id).state === 'starting');
    expect(h.state(id).stateDetail).toMatch(/restarting in 1 s/);
    h.clock.advance(1_000);
    const second = await pidOf(h, id);
    expect(second).not.toBe(first);
    await until(() => h.state(id).state === 'online');
    expect(h.state(id).worker?.restarts).toBe(1);
  });

  it('after a SIGKILL mid-item the lease expires, the item returns to pending and is performed exactly once', async () => {
    const h = startHarness({ leaseMs: 30_000 });
    const id = addProfile(h.store.sqlite);
    const item = addItem(h.store.sqlite, id, ['stall', 'effect'], h.clock.now());
    h.supervisor.start(id);
    await until(() => h.state(id).state === 'working');
    const first = await pidOf(h, id);
    process.kill(first, 'SIGKILL');
    await until(() => h.state(id).state === 'starting' && h.state(id).worker === null);
    expect(itemRow(h.store.sqlite, item)).toMatchObject({ status: 'running', attempts: 1 });
    h.clock.advance(1_000);
    await until(() => h.state(id).state === 'online');
    expect(itemRow(h.store.sqlite, item).status).toBe('running');
    h.clock.advance(30_000);
    expect(h.sweep().expired).toMatchObject([{ kind: 'enrichment', id: item, status: 'pending' }]);
    h.clock.advance(1_000);
    await until(() => itemRow(h.store.sqlite, item).status === 'performed');
    expect(itemRow(h.store.sqlite, item)).toMatchObject({ attempts: 2, lease_owner: null });
    // More time and more wake-ups change nothing: one result, one effect.
    for (let i = 0; i < 5; i++) {
      h.clock.advance(31_000);
      expect(h.sweep().expired).toEqual([]);
    }
    await until(() => h.state(id).state === 'online');
    expect(itemRow(h.store.sqlite, item)).toMatchObject({ status: 'performed', attempts: 2 });
    expect(h.store.sqlite.prepare('SELECT work_id, outcome, external_ref FROM effect_ledger').all()).toEqual([
      { work_id: item, outcome: 'succeeded', external_ref: `diagnostic-${item}-2` },
    ]);
  });

  it('restarts a crashing worker with growing backoff and marks the profile failed after repeated crashes', async () => {
    const h = startHarness();
    const id = addProfile(h.store.sqlite, { crashOnOpen: true });
    h.supervisor.start(id);
    await until(() => h.state(id).state === 'starting' && h.state(id).worker === null);
    expect(h.state(id).stateDetail).toMatch(/code 70\); restarting in 1 s/);
    h.clock.advance(1_000);
    await until(() => h.spawned.length === 2 && h.state(id).worker === null && h.state(id).stateDetail?.includes('restarting'));
    expect(h.state(id).stateDetail).toMatch(/restarting in 2 s/);
    h.clock.advance(1_999);
    expect(h.spawned).toHaveLength(2);
    h.clock.advance(1);
    await until(() => h.state(id).state === 'failed');
    expect(h.state(id).stateDetail).toMatch(/crashed 3 times/);
    h.clock.advance(60_000);
    expect(h.spawned).toHaveLength(3);
    h.supervisor.resume(id);
    await until(() => h.spawned.length === 4);
  });

  it('starts a worker for every active profile on startActive and leaves paused and inactive ones alone', async () => {
    const h = startHarness();
    const active = addProfile(h.store.sqlite);
    const paused = addProfile(h.store.sqlite);
    const inactive = addProfile(h.store.sqlite);
    h.profiles.setState(paused, 'paused', null, 'operator');
    h.profiles.setActive(inactive, false);
    h.profiles.setState(inactive, 'online', null);
    h.supervisor.startActive();
    await until(() => h.state(active).state === 'online');
    expect(h.spawned).toHaveLength(1);
    expect(h.state(paused).state).toBe('paused');
    expect(h.state(inactive).state).toBe('idle');
  });

  it('pauses a profile with reason failure_cap when its type policy’s consecutive failures are reached', async () => {
    const h = startHarness();
    h.store.sqlite.prepare(`UPDATE profile_types SET defaults = json_set(defaults, '$.policy', json('{"maxConsecutiveFailures": 2}')) WHERE code = 'diagnostic'`).run();
    const id = addProfile(h.store.sqlite);
    const items = [1, 2, 3].map(() => addItem(h.store.sqlite, id, ['fail_permanent'], h.clock.now()));
    h.supervisor.start(id);
    await until(() => h.state(id).state === 'paused');
    expect(h.state(id)).toMatchObject({ pauseReason: 'failure_cap', active: true, worker: null });
    expect(items.map((item) => itemRow(h.store.sqlite, item).status)).toEqual(['failed', 'failed', 'pending']);
  });

  it('pauses a profile with the reason its channel gives, keeping the item for after the resume without spending its attempt', async () => {
    const h = startHarness();
    const id = addProfile(h.store.sqlite);
    const item = addItem(h.store.sqlite, id, ['pause_captcha'], h.clock.now());
    h.supervisor.start(id);
    await until(() => h.state(id).state === 'paused');
    expect(h.state(id)).toMatchObject({ pauseReason: 'captcha', stateDetail: 'diagnostic captcha page', worker: null });
    expect(itemRow(h.store.sqlite, item)).toMatchObject({ status: 'pending', attempts: 0, error_text: 'diagnostic captcha page' });
    // The operator solved the captcha: the same attempt runs again.
    h.store.sqlite.prepare(`UPDATE enrichments SET params = json_set(params, '$.outcomes', json('["succeed"]')) WHERE id = ?`).run(item);
    h.supervisor.resume(id);
    await until(() => itemRow(h.store.sqlite, item).status === 'performed');
    expect(itemRow(h.store.sqlite, item).attempts).toBe(1);
  });
});
