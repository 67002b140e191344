import { describe, expect, it, vi } from 'vitest';
import { quotaCeilings, resolvePolicy } from '../../../src/shared/contract/schemas/quota-policy';
import { addBrowserOutreach, addBrowserProfile, addSocialLead } from './browser-fixtures';
import { engineFixture } from './engine-fixture';

// Two weeks of a worker asking every minute, on a shared machine: a generous ceiling, no assertions on time.
vi.setConfig({ testTimeout: 600_000 });

const DAY = 86_400_000;
const action = { packVersion: 'linkedin-1', evidence: 'Pending', externalRef: null, alreadyDone: false };

/** Runs a worker that asks for one item a minute for `days` days; returns when each invitation went out. */
function simulate(ageDays: number, days: number): { times: number[]; start: number } {
  const f = engineFixture({ quotaGate: true });
  const { clock } = f;
  const profile = addBrowserProfile(f.sqlite);
  f.run('UPDATE profiles SET created_at = ? WHERE id = ?', clock.now() - ageDays * DAY, profile);
  for (let i = 0; i < 250; i++) addBrowserOutreach(f.sqlite, 'linkedin_connect', addSocialLead(f.sqlite, { linkedin: `https://www.linkedin.com/in/p${i}` }), profile, null);
  const start = clock.now();
  const times: number[] = [];
  while (clock.now() < start + days * DAY) {
    for (const item of f.engine.claim(profile, 'w', 1)) {
      f.engine.complete('w', item.ticket, { outcome: 'performed', output: action, effects: [] });
      times.push(clock.now());
    }
    // The worker asks every minute; minutes before the next due item would claim nothing, so they are skipped.
    const next = (f.get("SELECT min(due_at) AS at FROM outreach WHERE status = 'pending'") as { at: number | null }).at ?? Infinity;
    clock.advance(Math.max(60_000, Math.ceil((next - clock.now()) / 60_000) * 60_000));
  }
  return { times, start };
}

const mostInAnyWindow = (times: number[], windowMs: number): number =>
  Math.max(0, ...times.map((t, i) => times.slice(i).filter((u) => u < t + windowMs).length));

describe('browser quotas through the engine', () => {
  it('the catalogue keeps LinkedIn and Facebook defaults within the hard ceilings, which cover every browser action', () => {
    for (const code of ['linkedin', 'facebook']) {
      const f = engineFixture();
      const defaults = JSON.parse((f.get('SELECT defaults FROM profile_types WHERE code = ?', code) as { defaults: string }).defaults) as { quotas: Record<string, unknown> };
      const { policy, issues } = resolvePolicy({ typeDefaults: defaults, quotas: {}, policy: {}, channelCode: code, fallbackTimezone: 'UTC' });
      expect(issues).toEqual([]);
      for (const actionName of Object.keys(defaults.quotas)) expect(quotaCeilings[actionName], actionName).toBeDefined();
      expect(Object.keys(policy.quotas).length).toBeGreaterThan(0);
      // Over the ceiling is refused even when the operator asks.
      const raised = resolvePolicy({ typeDefaults: defaults, quotas: { [`${code}_message`]: { max: 1_000, minGapSeconds: 0 } }, policy: {}, channelCode: code, fallbackTimezone: 'UTC' });
      expect(raised.issues).toEqual([expect.objectContaining({ path: `quotas.${code}_message.max` })]);
    }
  });

  it('an established profile sends at most 100 invitations in any 7 days, two minutes apart at least, on weekdays 8-19 only', () => {
    const { times } = simulate(60, 14);
    expect(times.length).toBeGreaterThan(150);
    expect(mostInAnyWindow(times, 7 * DAY)).toBeLessThanOrEqual(100);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(120_000);
    for (const t of times) {
      const d = new Date(t);
      expect([1, 2, 3, 4, 5]).toContain(d.getUTCDay());
      expect(d.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(d.getUTCHours()).toBeLessThan(19);
    }
  });

  it('a new profile ramps up: a fifth of the weekly invitations on its first day', () => {
    const { times, start } = simulate(0, 1);
    expect(times.length).toBeGreaterThan(0);
    expect(times.filter((t) => t < start + DAY).length).toBeLessThanOrEqual(20);
  });
});
