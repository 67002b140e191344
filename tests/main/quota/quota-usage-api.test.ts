import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../../src/main/event-bus';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';

const HOUR = 3_600_000;
const WEDNESDAY_10 = Date.UTC(2026, 0, 7, 10);

let t: TestCore;
const clock = new ManualClock(WEDNESDAY_10);
beforeAll(async () => {
  t = await startTestCore({ clock });
});
afterAll(() => t.stop());

const addProfile = (typeCode: string, createdAt: number, policy: object = {}): number =>
  Number(
    t.core.services.store.sqlite
      .prepare(
        "INSERT INTO profiles (profile_type_id, name, policy, active, state, created_at, updated_at) SELECT id, 'Sales mailbox', ?, 0, 'idle', ?, ? FROM profile_types WHERE code = ?",
      )
      .run(JSON.stringify(policy), createdAt, createdAt, typeCode).lastInsertRowid,
  );

describe('quotas.usage', () => {
  it('shows per action the uses in the window, the max after ramp-up, the next allowed time and why', async () => {
    const id = addProfile('gmail', WEDNESDAY_10 - 2 * 24 * HOUR, { timezone: 'Europe/Paris' });
    const gate = t.core.services.quotaGate;
    const seen: PushedEvent[] = [];
    const unsubscribe = t.core.services.bus.subscribe((e) => seen.push(e));
    for (let i = 0; i < 3; i++) gate.record(id, 'email', WEDNESDAY_10 - (3 - i) * HOUR, { kind: 'outreach', id: i + 1 }, 'lead@acme.com');
    clock.advance(1000);
    unsubscribe();
    expect(seen.filter((e) => e.name === 'quotas.changed')).toEqual([{ name: 'quotas.changed', payload: { profileIds: [id] } }]);

    const res = await t.api(`/api/v1/quotas?profileId=${id}`);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items).toHaveLength(1);
    const usage = items[0];
    expect(usage).toMatchObject({
      profileId: id,
      typeCode: 'gmail',
      timezone: 'Europe/Paris',
      schedule: 'Mon-Fri 08:00-18:00 (Europe/Paris)',
      rampUp: { percent: 35, fullAt: new Date(WEDNESDAY_10 + 12 * 24 * HOUR).toISOString() },
      perDomainDailyCap: 10,
      failed: { today: 0, cap: 10 },
      aborted: { today: 0, cap: 20 },
    });
    expect(usage.actions).toEqual([
      { action: 'email', used: 3, max: 14, configuredMax: 40, windowSeconds: 86_400, minGapSeconds: 120, jitterSeconds: 180, nextAllowedAt: new Date(clock.now()).toISOString(), reason: null },
    ]);
  });

  it('lists every live profile without an id, and says not_found for an unknown one', async () => {
    const other = addProfile('linkedin', WEDNESDAY_10 - 400 * 24 * HOUR);
    const all = await (await t.api('/api/v1/quotas')).json();
    expect(all.items.map((p: { profileId: number }) => p.profileId)).toContain(other);
    const linkedin = all.items.find((p: { profileId: number }) => p.profileId === other);
    expect(linkedin.actions.map((a: { action: string }) => a.action)).toEqual(['linkedin_connect', 'linkedin_message', 'linkedin_search', 'linkedin_visit']);
    expect(linkedin.perDomainDailyCap).toBeNull();
    const missing = await t.api('/api/v1/quotas?profileId=9999');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain('profileId');
  });
});
