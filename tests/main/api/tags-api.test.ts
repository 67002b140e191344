import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../../src/main/event-bus';
import { UpsertEngine } from '../../../src/main/leads/upsert-engine';
import type { LeadDetail } from '../../../src/shared/contract/schemas/lead-detail';
import type { Tag } from '../../../src/shared/contract/schemas/tags';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const events: PushedEvent[] = [];
let leads: number[];
let companies: number[];
beforeAll(async () => {
  t = await startTestCore();
  t.core.services.bus.subscribe((e) => events.push(e));
  const sqlite = t.core.services.store.sqlite;
  const engine = new UpsertEngine(sqlite, () => t.core.services.clock.now());
  leads = sqlite.transaction(() =>
    ['a', 'b', 'c'].map((n) => engine.upsertLead({ email: `${n}@${n}.io`, company: { domain: `${n}.io`, name: n.toUpperCase() } }, { kind: 'api', id: null }).id),
  )();
  companies = (sqlite.prepare('SELECT id FROM companies ORDER BY id').all() as { id: number }[]).map((r) => r.id);
});
afterAll(() => t.stop());

const post = (path: string, body: unknown) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
const listTags = async (): Promise<Tag[]> => ((await (await t.api('/api/v1/tags')).json()) as { items: Tag[] }).items;
const create = async (body: unknown): Promise<Tag> => {
  const res = await post('/tags', body);
  expect(res.status).toBe(200);
  return res.json();
};

describe('tags over the API', () => {
  it('creates tags with a palette colour when none is given, lower-cases a given one, and refuses a name taken in any case', async () => {
    const hot = await create({ name: ' Hot ' });
    expect(hot).toMatchObject({ name: 'Hot', leadCount: 0, companyCount: 0 });
    expect(hot.color).toMatch(/^#[0-9a-f]{6}$/);
    const cold = await create({ name: 'Cold' });
    expect(cold.color).not.toBe(hot.color);
    expect(await create({ name: 'Warm', color: '#ABCDEF' })).toMatchObject({ color: '#abcdef' });
    const taken = await post('/tags', { name: 'HOT' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toContain('name');
    const badColour = await post('/tags', { name: 'X', color: 'red' });
    expect((await badColour.json()).error.issues).toEqual([{ path: 'color', message: 'expected a colour as #rrggbb' }]);
    expect((await listTags()).map((tag) => tag.name)).toEqual(['Cold', 'Hot', 'Warm']);
    expect(events.filter((e) => e.name === 'tags.changed')).toHaveLength(3);
  });

  it('adds and removes tags on leads and companies, counting live records only, recorded as done by a person', async () => {
    const [hot, cold] = await listTags().then((tags) => [tags.find((x) => x.name === 'Hot') as Tag, tags.find((x) => x.name === 'Cold') as Tag]);
    events.length = 0;
    const added = await post('/leads/tags/add', { leadIds: leads, tagIds: [hot?.id, cold?.id] });
    expect(await added.json()).toEqual({ changed: 6 });
    expect(await (await post('/leads/tags/add', { leadIds: leads, tagIds: [hot?.id] })).json()).toEqual({ changed: 0 });
    expect(await (await post('/companies/tags/add', { companyIds: companies.slice(0, 2), tagIds: [hot?.id] })).json()).toEqual({ changed: 2 });
    expect(events).toContainEqual({ name: 'tags.changed', payload: { reason: 'linked', tagIds: [hot?.id, cold?.id], targetKind: 'lead', targetIds: leads } });
    expect((await listTags()).find((x) => x.id === hot?.id)).toMatchObject({ leadCount: 3, companyCount: 2 });

    expect(await (await post('/leads/tags/remove', { leadIds: [leads[0]], tagIds: [hot?.id] })).json()).toEqual({ changed: 1 });
    expect((await post(`/leads/${leads[1]}/delete`, {})).status).toBe(200);
    expect((await listTags()).find((x) => x.id === hot?.id)).toMatchObject({ leadCount: 1, companyCount: 2 });
    const removed = t.core.services.store.sqlite
      .prepare("SELECT created_by_kind, removed_by_kind FROM tag_links WHERE target_kind = 'lead' AND target_id = ? AND tag_id = ?")
      .get(leads[0], hot?.id);
    expect(removed).toEqual({ created_by_kind: 'person', removed_by_kind: 'person' });

    const lead = (await (await t.api(`/api/v1/leads/${leads[2]}`)).json()) as LeadDetail;
    expect(lead.tags.map((x) => [x.name, x.addedBy.kind])).toEqual([
      ['Cold', 'person'],
      ['Hot', 'person'],
    ]);
  });

  it('renames, recolours and soft-deletes a tag, removing its links', async () => {
    const hot = (await listTags()).find((x) => x.name === 'Hot') as Tag;
    expect((await post(`/tags/${hot.id}`, { name: 'cold' })).status).toBe(409);
    const renamed = await post(`/tags/${hot.id}`, { name: 'Very hot', color: '#FF0000' });
    expect(await renamed.json()).toMatchObject({ id: hot.id, name: 'Very hot', color: '#ff0000', leadCount: 1 });
    const deleted = await post(`/tags/${hot.id}/delete`, {});
    expect(await deleted.json()).toEqual({ id: hot.id, linksRemoved: 4 });
    expect((await listTags()).map((x) => x.name)).toEqual(['Cold', 'Warm']);
    expect((await create({ name: 'Very Hot' })).id).not.toBe(hot.id);
    expect((await post(`/tags/${hot.id}/delete`, {})).status).toBe(404);
    expect((await post(`/tags/${hot.id}`, { name: 'y' })).status).toBe(404);
  });

  it('counts the leads an import tagged as soon as the import reports progress', async () => {
    const before = (await listTags()).map((x) => x.name);
    const csv = Buffer.from('Email\nz1@z.io\nz2@z.io\n').toString('base64');
    const { id } = await (await post('/imports', { fileName: 'z.csv', content: csv, mapping: ['email'], tagName: 'Conference' })).json();
    for (;;) {
      const items = (await (await t.api('/api/v1/imports')).json()).items as { id: number; status: string }[];
      if (items.find((i) => i.id === id)?.status === 'done') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(before).not.toContain('Conference');
    expect((await listTags()).find((x) => x.name === 'Conference')).toMatchObject({ leadCount: 2, companyCount: 0 });
  });

  it('refuses more than 500 leads, and names a missing tag or lead with 404', async () => {
    const cold = (await listTags()).find((x) => x.name === 'Cold') as Tag;
    const tooMany = await post('/leads/tags/add', { leadIds: Array.from({ length: 501 }, (_, i) => i + 1), tagIds: [cold.id] });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.issues[0].path).toBe('leadIds');
    const noTag = await post('/leads/tags/add', { leadIds: [leads[0]], tagIds: [999999] });
    expect(noTag.status).toBe(404);
    expect((await noTag.json()).error.message).toBe('tagIds: tag 999999 does not exist');
    const noLead = await post('/companies/tags/remove', { companyIds: [999999], tagIds: [cold.id] });
    expect(noLead.status).toBe(404);
    expect((await noLead.json()).error.message).toBe('companyIds: company 999999 does not exist');
  });
});
