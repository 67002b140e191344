import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../helpers/test-core';

describe('update methods in the browser edition', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
  });
  afterAll(() => t.stop());

  it('answers unsupported with how this edition is updated, for every method', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/update'],
      ['POST', '/api/v1/update/check'],
      ['POST', '/api/v1/update/download'],
      ['POST', '/api/v1/update/install'],
    ] as const) {
      const res = await t.api(path, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
      expect(res.status, path).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'unsupported', channel: 'stable', version: null, message: expect.stringContaining('git pull') });
    }
  });

  it('keeps the update channel in the settings', async () => {
    expect(await (await t.api('/api/v1/settings')).json()).toMatchObject({ updateChannel: 'stable' });
    const res = await t.api('/api/v1/settings', { method: 'POST', body: JSON.stringify({ updateChannel: 'beta' }) });
    expect(await res.json()).toMatchObject({ updateChannel: 'beta' });
    const bad = await t.api('/api/v1/settings', { method: 'POST', body: JSON.stringify({ updateChannel: 'nightly' }) });
    expect(bad.status).toBe(400);
  });
});
