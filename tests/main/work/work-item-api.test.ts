import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItemView } from '../../../src/shared/contract/schemas/work-items';
import type { PushedEvent } from '../../../src/main/event-bus';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { addDiagnosticType, addItem, addProfile } from '../supervisor/harness';

let t: TestCore;
let clock: ManualClock;
let profile: number;
const events: PushedEvent[] = [];

beforeAll(async () => {
  clock = new ManualClock();
  t = await startTestCore({ clock });
  addDiagnosticType(t.core.services.store.sqlite);
  // Added after the core started, so no worker runs: the test plays the worker through the engine.
  profile = addProfile(t.core.services.store.sqlite);
  t.core.services.bus.subscribe((e) => events.push(e));
});
afterAll(() => t.stop());

const get = async (kind: string, id: number) => (await t.api(`/api/v1/work/items/${kind}/${id}`)).json() as Promise<WorkItemView>;
const post = (path: string, body: Record<string, unknown> = {}) => t.api(`/api/v1/work/items/${path}`, { method: 'POST', body: JSON.stringify(body) });

/** Claims the item, begins its effect and lets the lease run out: it is then of unknown outcome. */
function strand(id: number): void {
  const { work } = t.core.services;
  const [item] = work.claim(profile, 'w', 1);
  expect(item?.recordId).toBe(id);
  work.beginEffect('w', item!.ticket, item!.idempotencyKey);
  clock.advance(5 * 60_000);
  work.expireLeases();
}

describe('work item API', () => {
  it('shows an item of unknown outcome with its ledger, and settles it by the operator’s decision', async () => {
    const id = addItem(t.core.services.store.sqlite, profile, ['effect'], clock.now());
    expect(await get('enrichment', id)).toMatchObject({ status: 'pending', attempts: 0, maxAttempts: 3, unknown: null, ledger: [], profileId: profile });
    strand(id);
    const unknown = await get('enrichment', id);
    expect(unknown).toMatchObject({
      status: 'unknown',
      attempts: 1,
      unknown: { state: 'verify', verifyTries: 0, note: 'the worker lost its lease after beginning an effect' },
      ledger: [{ outcome: 'started', finishedAt: null }],
    });
    expect(events).toContainEqual({ name: 'work.changed', payload: { kind: 'enrichment', id, status: 'unknown' } });

    const notHappened = await post(`enrichment/${id}/resolve-unknown`, { decision: 'not_happened' });
    expect(notHappened.status).toBe(200);
    expect(await notHappened.json()).toMatchObject({ status: 'pending', unknown: null, ledger: [{ outcome: 'failed' }] });
    strand(id);
    const happened = await (await post(`enrichment/${id}/resolve-unknown`, { decision: 'happened' })).json();
    expect(happened).toMatchObject({ status: 'performed', attempts: 2, ledger: [{ outcome: 'succeeded' }] });
    const again = await post(`enrichment/${id}/resolve-unknown`, { decision: 'happened' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/^status: the enrichment \d+ is performed/);
  });

  it('retries a failed item once more and cancels unfinished ones', async () => {
    const { work, store } = t.core.services;
    const id = addItem(store.sqlite, profile, ['fail_permanent'], clock.now());
    const [item] = work.claim(profile, 'w', 1);
    work.complete('w', item!.ticket, { outcome: 'failed', errorKind: 'permanent', errorText: 'bad address', effects: [] });
    expect(await get('enrichment', id)).toMatchObject({ status: 'failed', errorKind: 'permanent', errorText: 'bad address', attempts: 1 });
    expect((await post(`enrichment/${id}/cancel`)).status).toBe(409);
    const retried = await (await post(`enrichment/${id}/retry`)).json();
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, maxAttempts: 2, dueAt: new Date(clock.now()).toISOString() });
    expect((await post(`enrichment/${id}/retry`)).status).toBe(409);
    const [next] = work.claim(profile, 'w', 1);
    expect(next?.attempt).toBe(2);
    expect(await (await post(`enrichment/${id}/cancel`)).json()).toMatchObject({ status: 'canceled', leaseOwner: null });
    // The worker that held it is refused when it reports.
    expect(work.complete('w', next!.ticket, { outcome: 'performed', output: {}, effects: [] }).accepted).toBe(false);
    expect(events).toContainEqual({ name: 'work.changed', payload: { kind: 'enrichment', id, status: 'canceled' } });
  });

  it('answers 404 for a missing item and 400 for an unknown kind', async () => {
    expect((await t.api('/api/v1/work/items/outreach/99999')).status).toBe(404);
    expect((await t.api('/api/v1/work/items/spaceship/1')).status).toBe(400);
    expect((await post('enrichment/1/resolve-unknown', { decision: 'maybe' })).status).toBe(400);
  });
});
