import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerVerificationHooks } from '../../../src/main/verification/verification-hooks';
import type { VerificationOutput } from '../../../src/shared/email-verification';
import { setupEngine } from '../work/fixtures';

function addVerify(sqlite: Database, profile: number, email: string | null, params: Record<string, unknown> = {}) {
  const lead = Number(sqlite.prepare('INSERT INTO leads (first_name, email, email_norm, created_at, updated_at) VALUES (?, ?, ?, 0, 0)').run('Ada', email, email).lastInsertRowid);
  const type = sqlite.prepare("SELECT id FROM enrichment_types WHERE code = 'verify_email'").pluck().get() as number;
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, params, approval, idempotency_key, due_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'auto', ?, 0, 0, 0)`,
      )
      .run(type, lead, profile, JSON.stringify(params), `v-${lead}`).lastInsertRowid,
  );
  return { lead, id };
}

const verdictOf = (email: string, verdict: VerificationOutput['verdict']): VerificationOutput => ({
  email,
  verdict,
  reasons: [],
  domain: email.split('@')[1] ?? null,
  mail: 'mx',
  mxHosts: [],
  disposable: false,
  role: false,
  suggestion: null,
});

function setup() {
  const f = setupEngine();
  registerVerificationHooks(f.engine, { store: { sqlite: f.sqlite }, clock: f.clock });
  const lead = (id: number) => f.sqlite.prepare('SELECT email, email_verification FROM leads WHERE id = ?').get(id);
  const provenance = (id: number) =>
    f.sqlite.prepare("SELECT source_kind, source_id, set_at FROM field_provenance WHERE target_kind = 'lead' AND target_id = ? AND field = 'email_verification'").get(id);
  return { ...f, lead, provenance };
}

describe('verification hooks', () => {
  it("puts the lead's email into a verify_email item at claim, unless its params already name one or the lead has none", () => {
    const { sqlite, profile, engine } = setup();
    const plain = addVerify(sqlite, profile, 'ada@acme.test');
    const given = addVerify(sqlite, profile, 'bob@acme.test', { email: 'robert@acme.test' });
    const none = addVerify(sqlite, profile, null);
    const params = new Map(engine.claim(profile, 'w1', 10).map((i) => [i.recordId, i.params]));
    expect(params.get(plain.id)).toEqual({ email: 'ada@acme.test' });
    expect(params.get(given.id)).toEqual({ email: 'robert@acme.test' });
    expect(params.get(none.id)).toEqual({});
  });

  it('writes the verdict onto the lead with the enrichment as provenance, in the finishing transaction', () => {
    const { sqlite, profile, engine, clock, lead, provenance } = setup();
    const item = addVerify(sqlite, profile, 'ada@acme.test');
    const [claimed] = engine.claim(profile, 'w1', 1);
    clock.advance(5_000);
    engine.complete('w1', claimed?.ticket ?? '', { outcome: 'performed', output: verdictOf('ada@acme.test', 'disposable'), hit: false, effects: [] });
    expect(lead(item.lead)).toEqual({ email: 'ada@acme.test', email_verification: 'disposable' });
    expect(provenance(item.lead)).toEqual({ source_kind: 'enrichment', source_id: item.id, set_at: clock.now() });
    expect(sqlite.prepare('SELECT hit FROM enrichments WHERE id = ?').pluck().get(item.id)).toBe(0);
  });

  it('leaves the lead alone when its email changed since the claim, and on a failure', () => {
    const { sqlite, profile, engine, lead, provenance } = setup();
    const changed = addVerify(sqlite, profile, 'ada@acme.test');
    const failing = addVerify(sqlite, profile, 'bob@acme.test');
    const tickets = new Map(engine.claim(profile, 'w1', 10).map((i) => [i.recordId, i.ticket]));
    sqlite.prepare("UPDATE leads SET email = 'ada@newco.test', email_norm = 'ada@newco.test' WHERE id = ?").run(changed.lead);
    engine.complete('w1', tickets.get(changed.id) ?? '', { outcome: 'performed', output: verdictOf('ada@acme.test', 'invalid'), effects: [] });
    engine.complete('w1', tickets.get(failing.id) ?? '', { outcome: 'failed', errorKind: 'permanent', errorText: 'no', effects: [] });
    expect(lead(changed.lead)).toEqual({ email: 'ada@newco.test', email_verification: null });
    expect(lead(failing.lead)).toEqual({ email: 'bob@acme.test', email_verification: null });
    expect(provenance(changed.lead)).toBeUndefined();
  });
});
