import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProfileView } from '../../../src/shared/contract/schemas/profiles';
import { replies, startProviderServer, type ProviderServer } from '../../helpers/provider-server';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { until } from '../supervisor/harness';

// Worker processes start from source (tsx); on a loaded machine that alone can take seconds.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const API_KEY = 'sk-live-2b7d4e9f1a';

let t: TestCore;
let provider: ProviderServer;
beforeAll(async () => {
  provider = await startProviderServer();
  provider.answer((r) => {
    if (r.headers.authorization !== `Bearer ${API_KEY}`) return replies.unauthorized();
    if (r.path === '/v2/email-finder') return replies.finder({ email: `${r.query.first_name?.toLowerCase()}@${r.query.domain}`, score: 91 });
    if (r.path === '/v2/email-verifier') return replies.finder({ result: 'deliverable', score: 97 });
    return { status: 404, body: { message: 'no such endpoint' } };
  });
  t = await startTestCore();
});
afterAll(async () => {
  await t.stop();
  await provider.close();
});

const post = async (path: string, body: unknown = {}) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });

async function addProfile(name: string, apiKey: string): Promise<number> {
  const created = await post('/profiles', { typeCode: 'http_api', name, settings: { baseUrl: provider.baseUrl, preset: 'finder-data-v1' }, credentials: { apiKey } });
  expect(created.status).toBe(200);
  return ((await created.json()) as ProfileView).id;
}

let nextKey = 1;
function addEnrichment(type: string, lead: number, profile: number): number {
  const sqlite = t.core.services.store.sqlite;
  const typeId = sqlite.prepare('SELECT id FROM enrichment_types WHERE code = ?').pluck().get(type) as number;
  return Number(
    sqlite
      .prepare(
        `INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, approval, idempotency_key, due_at, created_at, updated_at)
         VALUES (?, ?, ?, 'auto', ?, 0, 0, 0)`,
      )
      .run(typeId, lead, profile, `http-${nextKey++}`).lastInsertRowid,
  );
}

describe('enriching a lead through a real HTTP provider worker', () => {
  it('finds the email from name and domain, then verifies it, writing both onto the lead with provenance', async () => {
    const sqlite = t.core.services.store.sqlite;
    const company = Number(sqlite.prepare("INSERT INTO companies (name, domain, created_at, updated_at) VALUES ('Acme', 'acme.test', 0, 0)").run().lastInsertRowid);
    const lead = Number(sqlite.prepare("INSERT INTO leads (first_name, last_name, company_id, created_at, updated_at) VALUES ('Ada', 'Lovelace', ?, 0, 0)").run(company).lastInsertRowid);
    const profile = await addProfile('Finder', API_KEY);
    const find = addEnrichment('find_email', lead, profile);
    expect((await post(`/profiles/${profile}/start`)).status).toBe(200);

    const item = sqlite.prepare('SELECT status, hit, result, error_text FROM enrichments WHERE id = ?');
    await until(() => (item.get(find) as { status: string }).status === 'performed');
    expect(item.get(find)).toMatchObject({ hit: 1 });
    const row = sqlite.prepare('SELECT email, email_verification FROM leads WHERE id = ?');
    expect(row.get(lead)).toEqual({ email: 'ada@acme.test', email_verification: null });
    expect(provider.requests[0]).toMatchObject({ path: '/v2/email-finder', query: { first_name: 'Ada', last_name: 'Lovelace', domain: 'acme.test', company: 'Acme' } });

    const verify = addEnrichment('verify_email', lead, profile);
    await until(() => (item.get(verify) as { status: string }).status === 'performed');
    expect(row.get(lead)).toEqual({ email: 'ada@acme.test', email_verification: 'valid' });
    expect(provider.requests.at(-1)).toMatchObject({ path: '/v2/email-verifier', query: { email: 'ada@acme.test' } });
    const provenance = sqlite.prepare("SELECT field, source_kind, source_id FROM field_provenance WHERE target_kind = 'lead' AND target_id = ? AND field IN ('email', 'email_verification') ORDER BY field");
    expect(provenance.all(lead)).toEqual([
      { field: 'email', source_kind: 'enrichment', source_id: find },
      { field: 'email_verification', source_kind: 'enrichment', source_id: verify },
    ]);
    await post(`/profiles/${profile}/stop`);
  });

  it('pauses the profile (auth_failed) when the provider refuses the API key, keeping the lookup for after the fix', async () => {
    const sqlite = t.core.services.store.sqlite;
    const lead = Number(sqlite.prepare("INSERT INTO leads (first_name, email, email_norm, created_at, updated_at) VALUES ('Bob', 'bob@acme.test', 'bob@acme.test', 0, 0)").run().lastInsertRowid);
    const profile = await addProfile('Wrong key', 'sk-wrong');
    const verify = addEnrichment('verify_email', lead, profile);
    expect((await post(`/profiles/${profile}/start`)).status).toBe(200);
    const state = async () => (await (await t.api(`/api/v1/profiles/${profile}`)).json()) as ProfileView;
    await until(async () => (await state()).state === 'paused');
    expect(await state()).toMatchObject({ pauseReason: 'auth_failed', stateDetail: expect.stringMatching(/^API key refused \(HTTP 401\)/), worker: null });
    const item = sqlite.prepare('SELECT status, attempts, error_text FROM enrichments WHERE id = ?');
    expect(item.get(verify)).toMatchObject({ status: 'pending', attempts: 0, error_text: expect.stringMatching(/^API key refused/) });
    expect(sqlite.prepare('SELECT email_verification FROM leads WHERE id = ?').pluck().get(lead)).toBeNull();
  });
});
