import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimelineSeries } from '../../../src/shared/contract/schemas/timeline';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 10, 0, 0, 0);
let t: TestCore;
const clock = new ManualClock(T0 + 48 * H);
beforeAll(async () => {
  t = await startTestCore({ clock });
});
afterAll(() => t.stop());

const series = async (query: Record<string, unknown>): Promise<TimelineSeries> => {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const res = await t.api(`/api/v1/timeline/series?${qs}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as TimelineSeries;
};

const lastFoldAt = async () => ((await (await t.api('/api/v1/monitoring')).json()) as { timeline: { lastFoldAt: string | null } }).timeline.lastFoldAt;

describe('timeline API', () => {
  it('the loop folds finished rows; series come per hour and per local day, zero-filled; a rebuild gives the same series', async () => {
    const db = t.core.services.store.sqlite;
    db.prepare('INSERT INTO leads (created_at, updated_at) VALUES (0, 0)').run();
    const profile = Number(db.prepare("INSERT INTO profiles (profile_type_id, name, active, created_at, updated_at) VALUES (1, 'm', 0, 0, 0)").run().lastInsertRowid);
    const send = db.prepare("INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, approval, idempotency_key, status, occurred_at, finished_at, due_at, created_at, updated_at) VALUES (1, 'outgoing', 1, ?, 'auto', ?, 'performed', ?, ?, 0, 0, 0)");
    // two sends at 22:xx UTC on day 0 and one at 01:xx on day 1: in Tokyo (UTC+9) all three fall on day 1
    send.run(profile, 'a', T0 + 22 * H + 5, T0 + 22 * H + 5);
    send.run(profile, 'b', T0 + 22 * H + 9, T0 + 22 * H + 9);
    send.run(profile, 'c', T0 + 25 * H, T0 + 25 * H);
    db.prepare("INSERT INTO outreach (outreach_type_id, direction, incoming_kind, lead_id, parent_outreach_id, occurred_at, due_at, created_at, updated_at) VALUES (1, 'incoming', 'reply', 1, 1, ?, 0, 0, 0)").run(T0 + 26 * H);

    clock.advance(2000);
    await vi.waitFor(async () => expect(await lastFoldAt()).not.toBeNull());

    const from = new Date(T0 + 21 * H).toISOString();
    const to = new Date(T0 + 27 * H).toISOString();
    const hourly = await series({ metrics: ['outreach_performed', 'replied'], from, to, step: 'hour' });
    expect(hourly.points.map((p) => [p.at.slice(11, 13), p.values.outreach_performed, p.values.replied])).toEqual([
      ['21', 0, 0],
      ['22', 2, 0],
      ['23', 0, 0],
      ['00', 0, 0],
      ['01', 1, 0],
      ['02', 0, 1],
    ]);
    const forProfile = await series({ metrics: ['outreach_performed'], dimension: { kind: 'profile', id: profile }, from, to, step: 'hour' });
    expect(forProfile.points.reduce((sum, p) => sum + (p.values.outreach_performed ?? 0), 0)).toBe(3);
    const otherProfile = await series({ metrics: ['outreach_performed'], dimension: { kind: 'profile', id: profile + 1 }, from, to, step: 'hour' });
    expect(otherProfile.points.every((p) => p.values.outreach_performed === 0)).toBe(true);

    const days = { metrics: ['outreach_performed'], from: new Date(T0).toISOString(), to: new Date(T0 + 48 * H).toISOString(), step: 'day' };
    expect((await series({ ...days, timezone: 'UTC' })).points.map((p) => [p.at, p.values.outreach_performed])).toEqual([
      [new Date(T0).toISOString(), 2],
      [new Date(T0 + 24 * H).toISOString(), 1],
    ]);
    const tokyo = await series({ ...days, timezone: 'Asia/Tokyo' });
    expect(tokyo.points.map((p) => [p.at, p.values.outreach_performed])).toEqual([
      [new Date(T0 - 9 * H).toISOString(), 0],
      [new Date(T0 + 15 * H).toISOString(), 3],
      [new Date(T0 + 39 * H).toISOString(), 0],
    ]);

    const rebuild = await t.api('/api/v1/timeline/rebuild', { method: 'POST', body: '{}' });
    expect(await rebuild.json()).toMatchObject({ rebuilding: true });
    expect((await series({ metrics: ['outreach_performed'], from, to, step: 'hour' })).points.every((p) => p.values.outreach_performed === 0)).toBe(true);
    clock.advance(2000);
    await vi.waitFor(async () => expect((await series({ metrics: ['outreach_performed', 'replied'], from, to, step: 'hour' })).points).toEqual(hourly.points));
  });

  it('refuses a reversed or too long range and an unknown timezone, naming the field', async () => {
    const bad = async (query: Record<string, string>) => {
      const res = await t.api(`/api/v1/timeline/series?${new URLSearchParams(query)}`);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    const base = { metrics: '["events"]', step: 'hour' };
    expect(await bad({ ...base, from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toContain('to');
    expect(await bad({ ...base, from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toContain('to');
    expect(await bad({ ...base, from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', timezone: 'Mars/Olympus' })).toContain('timezone');
    expect(await bad({ ...base, metrics: '["nope"]', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })).toContain('metrics');
  });
});
