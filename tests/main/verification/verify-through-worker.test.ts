import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProfileView } from '../../../src/shared/contract/schemas/profiles';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { until } from '../supervisor/harness';

// Worker processes start from source (tsx); on a loaded machine that alone can take seconds.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

let t: TestCore;
let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startDnsServer({ 'acme.test': { mx: [{ exchange: 'mx.acme.test', priority: 10 }] }, 'gone.test': { txt: ['v=spf1 -all'] } });
  t = await startTestCore();
});
afterAll(async () => {
  await t.stop();
  await dns.close();
});

const post = async (path: string, body: unknown = {}) => t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });

function addVerification(email: string): { lead: number; enrichment: (profile: number) => number } {
  const sqlite = t.core.services.store.sqlite;
  const lead = Number(sqlite.prepare('INSERT INTO leads (first_name, email, email_norm, created_at, updated_at) VALUES (?, ?, ?, 0, 0)').run('Ada', email, email).lastInsertRowid);
  const type = sqlite.prepare("SELECT id FROM enrichment_types WHERE code = 'verify_email'").pluck().get() as number;
  return {
    lead,
    enrichment: (profile) =>
      Number(
        sqlite
          .prepare(
            `INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, approval, idempotency_key, due_at, created_at, updated_at)
             VALUES (?, ?, ?, 'auto', ?, 0, 0, 0)`,
          )
          .run(type, lead, profile, `verify-${lead}`).lastInsertRowid,
      ),
  };
}

describe('verifying a lead email through a real local verifier worker', () => {
  it('writes each verdict onto its lead with the enrichment as provenance, and keeps the facts on the item', async () => {
    const sqlite = t.core.services.store.sqlite;
    const created = await post('/profiles', { typeCode: 'local_verifier', name: 'Local checks', settings: { dnsServers: [dns.server] } });
    expect(created.status).toBe(200);
    const { id: profile } = (await created.json()) as ProfileView;
    const good = addVerification('ada@acme.test');
    const bad = addVerification('bob@gone.test');
    const goodItem = good.enrichment(profile);
    const badItem = bad.enrichment(profile);
    expect((await post(`/profiles/${profile}/start`)).status).toBe(200);

    const item = sqlite.prepare('SELECT status, hit, result FROM enrichments WHERE id = ?');
    await until(() => [goodItem, badItem].every((id) => (item.get(id) as { status: string }).status === 'performed'));
    const lead = sqlite.prepare('SELECT email_verification FROM leads WHERE id = ?').pluck();
    expect(lead.get(good.lead)).toBe('valid');
    expect(lead.get(bad.lead)).toBe('invalid');
    expect(item.get(goodItem)).toMatchObject({ hit: 1 });
    const badRow = item.get(badItem) as { hit: number; result: string };
    expect(badRow.hit).toBe(0);
    expect(JSON.parse(badRow.result)).toMatchObject({ email: 'bob@gone.test', verdict: 'invalid', mail: 'none' });
    const provenance = sqlite.prepare("SELECT source_kind, source_id FROM field_provenance WHERE target_kind = 'lead' AND target_id = ? AND field = 'email_verification'");
    expect(provenance.get(good.lead)).toEqual({ source_kind: 'enrichment', source_id: goodItem });
    expect(provenance.get(bad.lead)).toEqual({ source_kind: 'enrichment', source_id: badItem });
    await post(`/profiles/${profile}/stop`);
  });
});
