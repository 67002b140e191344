import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpsertEngine } from '../../../src/main/leads/upsert-engine';
import type { CustomField } from '../../../src/shared/contract/schemas/custom-fields';
import type { LeadDetail } from '../../../src/shared/contract/schemas/lead-detail';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
let lead: number;
beforeAll(async () => {
  t = await startTestCore();
  const engine = new UpsertEngine(t.core.services.store.sqlite, () => t.core.services.clock.now());
  lead = engine.upsertLead({ email: 'ada@engines.io', firstName: 'Ada' }, { kind: 'api', id: null }).id;
});
afterAll(() => t.stop());

const post = (path: string, body: unknown) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
const create = async (body: unknown): Promise<CustomField> => {
  const res = await post('/custom-fields', body);
  expect(res.status).toBe(200);
  return res.json();
};
const edit = (custom: Record<string, unknown>) => post(`/leads/${lead}`, { custom });

describe('custom fields over the API', () => {
  let score: CustomField;
  let met: CustomField;
  let vip: CustomField;

  beforeAll(async () => {
    score = await create({ targetKind: 'lead', name: 'Score', type: 'integer', min: 0, max: 10 });
    met = await create({ targetKind: 'lead', name: 'Met on', type: 'date', format: 'dd/mm/yyyy' });
    vip = await create({ targetKind: 'lead', name: 'VIP', type: 'boolean' });
    await create({ targetKind: 'company', name: 'Score', type: 'float' });
  });

  it('lists fields by kind and name, and refuses a name taken for the same kind in any case', async () => {
    const leads = (await (await t.api('/api/v1/custom-fields?targetKind=lead')).json()).items as CustomField[];
    expect(leads.map((f) => f.name)).toEqual(['Met on', 'Score', 'VIP']);
    expect(leads.find((f) => f.name === 'Score')).toMatchObject({ type: 'integer', min: 0, max: 10, format: null });
    expect((await (await t.api('/api/v1/custom-fields')).json()).items).toHaveLength(4);
    const taken = await post('/custom-fields', { targetKind: 'lead', name: 'score', type: 'text' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toContain('name');
  });

  it('refuses a bad range, type or format, naming the field', async () => {
    const range = await post('/custom-fields', { targetKind: 'lead', name: 'R', type: 'float', min: 5, max: 1 });
    expect((await range.json()).error.issues).toEqual([{ path: 'max', message: 'must not be below min' }]);
    const regex = await post('/custom-fields', { targetKind: 'lead', name: 'R', type: 'string', format: '([a-z' });
    expect((await regex.json()).error.issues).toEqual([{ path: 'format', message: 'not a valid regular expression' }]);
    const noFormat = await post('/custom-fields', { targetKind: 'lead', name: 'R', type: 'integer', format: 'x' });
    expect((await noFormat.json()).error.issues[0].path).toBe('format');
    const type = await post('/custom-fields', { targetKind: 'lead', name: 'R', type: 'money' });
    expect((await type.json()).error.issues[0].path).toBe('type');
    const update = await post(`/custom-fields/${score.id}`, { min: 20 });
    expect(update.status).toBe(400);
    expect((await update.json()).error.issues[0].path).toBe('max');
  });

  it('sets custom values on a lead by each field type, with messages naming the field when a value does not fit', async () => {
    const bad = await edit({ [score.id]: '42', [met.id]: '2024-03-05', [vip.id]: 'maybe', 999999: 'x' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([
      { path: `custom.${score.id}`, message: 'Score: "42" is above the maximum 10' },
      { path: `custom.${met.id}`, message: 'Met on: "2024-03-05" is not a date in the format "dd/mm/yyyy"' },
      { path: `custom.${vip.id}`, message: 'VIP: "maybe" is not yes/no, true/false or 1/0' },
      { path: 'custom.999999', message: 'no lead custom field has id 999999' },
    ]);
    const res = await edit({ [score.id]: 7, [met.id]: '05/03/2024', [vip.id]: true });
    expect(res.status).toBe(200);
    const detail = (await res.json()) as LeadDetail;
    expect(detail.customValues.map((v) => [v.name, v.value, v.provenance?.sourceKind])).toEqual([
      ['Met on', '2024-03-05', 'person'],
      ['Score', 7, 'person'],
      ['VIP', true, 'person'],
    ]);
    expect(detail.history[0]?.changes).toContainEqual({ field: `custom:${score.id}`, before: null, after: 7 });
  });

  it('clears a value with a blank string (undoably), and a deleted field stops showing', async () => {
    const cleared = (await (await edit({ [score.id]: '' })).json()) as LeadDetail;
    expect(cleared.customValues.map((v) => v.name)).toEqual(['Met on', 'VIP']);
    expect(cleared.history[0]?.changes).toContainEqual({ field: `custom:${score.id}`, before: 7, after: null });
    expect((await post(`/journal/${cleared.history[0]?.id}/undo`, {})).status).toBe(200);
    const restored = (await (await t.api(`/api/v1/leads/${lead}`)).json()) as LeadDetail;
    expect(restored.customValues.find((v) => v.fieldId === score.id)?.value).toBe(7);
    await edit({ [score.id]: null });
    expect(await (await post(`/custom-fields/${vip.id}/delete`, {})).json()).toEqual({ id: vip.id });
    const detail = (await (await t.api(`/api/v1/leads/${lead}`)).json()) as LeadDetail;
    expect(detail.customValues.map((v) => v.name)).toEqual(['Met on']);
    expect((await post(`/custom-fields/${vip.id}/delete`, {})).status).toBe(404);
    expect((await edit({ [vip.id]: 'yes' })).status).toBe(400);
  });

  it('renames a field and changes its range', async () => {
    const res = await post(`/custom-fields/${score.id}`, { name: 'Rating', max: null });
    expect(await res.json()).toMatchObject({ id: score.id, name: 'Rating', type: 'integer', min: 0, max: null });
    expect((await edit({ [score.id]: '1,000' })).status).toBe(200);
    expect((await post('/custom-fields/999999', { name: 'x' })).status).toBe(404);
  });
});
