import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Rule, RuleStats } from '../../../src/shared/contract/schemas/rules';
import { ManualClock } from '../../helpers/manual-clock';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const clock = new ManualClock();
beforeAll(async () => {
  t = await startTestCore({ clock });
});
afterAll(() => t.stop());

const post = (path: string, body: unknown) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
const tag = async (name: string): Promise<number> => ((await (await post('/tags', { name })).json()) as { id: number }).id;
const refused = async (body: unknown, path: string, message: RegExp) => {
  const res = await post('/rules', body);
  const text = await res.text();
  expect(res.status, text).toBe(400);
  const error = (JSON.parse(text) as { error: { message: string; issues: { path: string }[] } }).error;
  expect(error.message).toMatch(message);
  expect(error.issues.map((i) => i.path)).toContain(path);
};

describe('rules API', () => {
  it('refuses bad definitions naming the problem', async () => {
    const known = await tag('known');
    const base = { name: 'r', trigger: { kind: 'lead_created' }, action: { kind: 'add_tag', tagId: known } };
    await refused({ ...base, action: { kind: 'add_tag', tagId: 9999 } }, 'action.tagId', /tag 9999 does not exist/);
    await refused({ ...base, trigger: { kind: 'tag_added', tagId: 9999 } }, 'trigger.tagId', /tag 9999 does not exist/);
    await refused({ ...base, trigger: { kind: 'tag_added' } }, 'trigger.tagId', /needs the tag/);
    await refused({ ...base, trigger: { kind: 'lead_created', sourceId: 77 } }, 'trigger.sourceId', /source 77 does not exist/);
    await refused({ ...base, trigger: { kind: 'rule_performed', ruleId: 4242 } }, 'trigger.ruleId', /rule 4242 does not exist/);
    await refused({ ...base, action: { kind: 'enroll', sequenceId: 31 } }, 'action.sequenceId', /sequence 31 does not exist/);
    await refused({ ...base, action: { kind: 'outreach', typeCode: 'pigeon', body: 'hi' } }, 'action.typeCode', /outreach type pigeon does not exist/);
    await refused({ ...base, action: { kind: 'enrichment', typeCode: 'astrology' } }, 'action.typeCode', /enrichment type astrology does not exist/);
    await refused({ ...base, action: { kind: 'outreach', typeCode: 'email', subject: 'Hi', body: 'Hello {{favourite_colour}}' } }, 'action.body', /unknown merge field \{\{favourite_colour\}\}/);
    await refused({ ...base, action: { kind: 'outreach', typeCode: 'email', body: 'Hello' } }, 'action.subject', /needs a subject/);
    await refused({ ...base, trigger: { kind: 'company_created' }, action: { kind: 'outreach', typeCode: 'linkedin_message', body: 'Hi' } }, 'action.kind', /needs a lead/);
    await refused({ ...base, filter: { event: { textInclude: ['x'] } } }, 'filter.event', /needs an event target/);
    // a loop of rules adding each other's trigger tag without any delay
    const [a, b] = [await tag('a'), await tag('b')];
    const first = (await (await post('/rules', { name: 'A', trigger: { kind: 'tag_added', tagId: a }, action: { kind: 'add_tag', tagId: b } })).json()) as Rule;
    await refused({ name: 'B', trigger: { kind: 'tag_added', tagId: b }, action: { kind: 'add_tag', tagId: a } }, 'delaySeconds', /loop without any delay \("B" -> "A" -> "B"\)/);
    const delayed = await post('/rules', { name: 'B', trigger: { kind: 'tag_added', tagId: b }, action: { kind: 'add_tag', tagId: a }, delaySeconds: 60 });
    expect(delayed.status).toBe(200);
    const second = (await delayed.json()) as Rule;
    // removing the delay later closes the loop: refused too
    const update = await post(`/rules/${second.id}`, { delaySeconds: 0 });
    expect(update.status).toBe(400);
    expect(await update.text()).toMatch(/without any delay/);
    // a rule another rule is triggered by cannot go
    const child = (await (await post('/rules', { name: 'C', trigger: { kind: 'rule_performed', ruleId: first.id }, action: { kind: 'add_tag', tagId: known } })).json()) as Rule;
    expect((await post(`/rules/${first.id}/delete`, {})).status).toBe(409);
    expect((await post(`/rules/${child.id}/delete`, {})).status).toBe(200);
    expect((await t.api(`/api/v1/rules/${child.id}`)).status).toBe(404);
  });

  it('lists, pauses, resumes; dry-runs; counts and charts what the loop did', async () => {
    const db = t.core.services.store.sqlite;
    const insert = db.prepare("INSERT INTO leads (first_name, last_name, email, email_norm, job_title, created_at, updated_at) VALUES ('Bo', ?, ?, ?, ?, 0, 0)");
    for (let i = 0; i < 30; i++) insert.run(`N${i}`, `l${i}@x.test`, `l${i}@x.test`, i % 3 === 0 ? 'CTO' : 'Clerk');
    const done = await tag('done');
    const def = { trigger: { kind: 'lead_created' }, filter: { lead: { titleInclude: ['cto'] } } };
    const dry = (await (await post('/rules/dry-run', def)).json()) as { count: number; sample: { label: string }[] };
    expect(dry.count).toBe(10);
    expect(dry.sample).toHaveLength(10);
    expect(dry.sample[0]?.label).toBe('Bo N27');
    const created = await post('/rules', { name: 'CTOs', ...def, action: { kind: 'add_tag', tagId: done }, applyToPrevious: true, active: false });
    const rule = (await created.json()) as Rule;
    expect(rule).toMatchObject({ active: false, applyToPrevious: true, counters: { triggered: 0, passedFilter: 0 } });
    expect(((await post(`/rules/${rule.id}/resume`, {})).json() as Promise<Rule>).then((r) => r.active)).resolves.toBe(true);
    clock.advance(2000);
    await vi.waitFor(async () => {
      const got = (await (await t.api(`/api/v1/rules/${rule.id}`)).json()) as Rule;
      expect(got.counters).toEqual({ triggered: 30, passedFilter: 10, pending: 0, performed: 10, failed: 0 });
    });
    clock.advance(2000);
    await vi.waitFor(async () => {
      const stats = (await (await t.api(`/api/v1/rules/${rule.id}/stats?days=3`)).json()) as RuleStats;
      expect(stats.daily).toHaveLength(3);
      expect(stats.daily.at(-1)?.performed).toBe(10);
    });
    const list = (await (await t.api('/api/v1/rules')).json()) as { items: Rule[] };
    expect(list.items.map((r) => r.name)).toContain('CTOs');
  });
});
