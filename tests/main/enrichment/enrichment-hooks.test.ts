import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerEnrichmentHooks } from '../../../src/main/enrichment/enrichment-hooks';
import { registerVerificationHooks } from '../../../src/main/verification/verification-hooks';
import type { WorkOutcome } from '../../../src/shared/worker-protocol/messages';
import { setupEngine, workRow } from '../work/fixtures';

function httpProfile(sqlite: Database): number {
  const type = sqlite.prepare("SELECT id FROM profile_types WHERE code = 'http_api'").pluck().get() as number;
  return Number(
    sqlite
      .prepare("INSERT INTO profiles (profile_type_id, name, settings, active, created_at, updated_at) VALUES (?, 'provider', '{}', 1, 0, 0)")
      .run(type).lastInsertRowid,
  );
}

function addLead(sqlite: Database, email: string | null, domain = 'acme.test'): number {
  const company = Number(sqlite.prepare("INSERT INTO companies (name, domain, created_at, updated_at) VALUES ('Acme', ?, 0, 0)").run(domain).lastInsertRowid);
  return Number(
    sqlite
      .prepare("INSERT INTO leads (first_name, last_name, email, email_norm, company_id, created_at, updated_at) VALUES ('Ada', 'Lovelace', ?, ?, ?, 0, 0)")
      .run(email, email?.toLowerCase() ?? null, company).lastInsertRowid,
  );
}

let nextKey = 1;
function addEnrichment(sqlite: Database, type: string, lead: number, profile: number, params: Record<string, unknown> = {}): number {
  const typeId = sqlite.prepare('SELECT id FROM enrichment_types WHERE code = ?').pluck().get(type) as number;
  return Number(
    sqlite
      .prepare(
        `INSERT INTO enrichments (enrichment_type_id, lead_id, profile_id, params, approval, idempotency_key, due_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'auto', ?, 0, 0, 0)`,
      )
      .run(typeId, lead, profile, JSON.stringify(params), `e-${nextKey++}`).lastInsertRowid,
  );
}

function setup() {
  const f = setupEngine();
  const services = { store: { sqlite: f.sqlite }, clock: f.clock };
  registerVerificationHooks(f.engine, services);
  registerEnrichmentHooks(f.engine, services);
  const http = httpProfile(f.sqlite);
  const lead = (id: number) => f.sqlite.prepare('SELECT email, phone, email_verification FROM leads WHERE id = ?').get(id);
  const provenance = (id: number, field: string) =>
    f.sqlite.prepare("SELECT source_kind, source_id FROM field_provenance WHERE target_kind = 'lead' AND target_id = ? AND field = ?").get(id, field);
  const claim = (profile: number) => new Map(f.engine.claim(profile, 'w1', 10).map((i) => [i.recordId, i]));
  return { ...f, http, lead, provenance, claim };
}

describe('enrichment hooks for HTTP providers', () => {
  it("gives an http_api lookup the lead's name, email, company name and domain, params winning; other profiles' items pass unchanged", () => {
    const { sqlite, http, profile, claim } = setup();
    const ada = addLead(sqlite, 'ada@acme.test');
    const find = addEnrichment(sqlite, 'find_email', ada, http);
    const given = addEnrichment(sqlite, 'find_phone', ada, http, { domain: 'other.test' });
    const verify = addEnrichment(sqlite, 'verify_email', ada, http);
    const elsewhere = addEnrichment(sqlite, 'find_email', ada, profile);
    const items = claim(http);
    const subject = { firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace', email: 'ada@acme.test', companyName: 'Acme', domain: 'acme.test' };
    expect(items.get(find)?.params).toEqual(subject);
    expect(items.get(given)?.params).toEqual({ ...subject, domain: 'other.test' });
    expect(items.get(verify)?.params).toEqual(subject);
    expect(claim(profile).get(elsewhere)?.params).toEqual({});
  });

  it('writes a found email and phone onto the lead with the enrichment as provenance, and a provider verdict through the verification applier', () => {
    const { sqlite, http, engine, lead, provenance, claim } = setup();
    const ada = addLead(sqlite, null);
    const findEmail = addEnrichment(sqlite, 'find_email', ada, http);
    const findPhone = addEnrichment(sqlite, 'find_phone', ada, http);
    const items = claim(http);
    engine.complete('w1', items.get(findEmail)?.ticket ?? '', { outcome: 'performed', output: { email: 'ada.lovelace@acme.test', score: 94 }, hit: true, effects: [] });
    engine.complete('w1', items.get(findPhone)?.ticket ?? '', { outcome: 'performed', output: { phone: '+44 20 7946 0000' }, hit: true, effects: [] });
    expect(lead(ada)).toEqual({ email: 'ada.lovelace@acme.test', phone: '+44 20 7946 0000', email_verification: null });
    expect(provenance(ada, 'email')).toEqual({ source_kind: 'enrichment', source_id: findEmail });
    expect(provenance(ada, 'phone')).toEqual({ source_kind: 'enrichment', source_id: findPhone });

    const verify = addEnrichment(sqlite, 'verify_email', ada, http);
    const [item] = engine.claim(http, 'w1', 1);
    const verdict = { email: 'ada.lovelace@acme.test', verdict: 'valid', reasons: [], domain: 'acme.test', mail: 'unchecked', mxHosts: [], disposable: false, role: false, suggestion: null };
    engine.complete('w1', item?.ticket ?? '', { outcome: 'performed', output: verdict, hit: true, effects: [] });
    expect(lead(ada)).toMatchObject({ email_verification: 'valid' });
    expect(provenance(ada, 'email_verification')).toEqual({ source_kind: 'enrichment', source_id: verify });
  });

  it("keeps an email another lead already has on the item only, and leaves the lead alone when nothing was found", () => {
    const { sqlite, http, engine, lead, claim } = setup();
    addLead(sqlite, 'taken@acme.test', 'acme-uk.test');
    const ada = addLead(sqlite, null);
    const taken = addEnrichment(sqlite, 'find_email', ada, http);
    const nothing = addEnrichment(sqlite, 'find_phone', ada, http);
    const items = claim(http);
    engine.complete('w1', items.get(taken)?.ticket ?? '', { outcome: 'performed', output: { email: 'Taken@acme.test' }, hit: true, effects: [] });
    engine.complete('w1', items.get(nothing)?.ticket ?? '', { outcome: 'performed', output: { phone: null }, hit: false, effects: [] });
    expect(lead(ada)).toEqual({ email: null, phone: null, email_verification: null });
    expect(workRow(sqlite, 'enrichment', taken).status).toBe('performed');
  });

  it('gives a company lookup the company name and domain, and upserts the people found as leads of that company', () => {
    const { sqlite, http, engine, claim } = setup();
    const company = Number(sqlite.prepare("INSERT INTO companies (name, domain, created_at, updated_at) VALUES ('Initech', 'initech.test', 0, 0)").run().lastInsertRowid);
    const typeId = sqlite.prepare("SELECT id FROM enrichment_types WHERE code = 'find_company_leads'").pluck().get() as number;
    const search = Number(
      sqlite
        .prepare(
          `INSERT INTO enrichments (enrichment_type_id, company_id, profile_id, params, approval, idempotency_key, due_at, created_at, updated_at)
           VALUES (?, ?, ?, '{"limit":10}', 'auto', 'company-search', 0, 0, 0)`,
        )
        .run(typeId, company, http).lastInsertRowid,
    );
    const item = claim(http).get(search);
    expect(item?.params).toEqual({ limit: 10, companyName: 'Initech', domain: 'initech.test' });
    const people = [
      { firstName: 'Peter', lastName: 'Gibbons', email: 'peter@initech.test', jobTitle: 'Engineer', phone: null, linkedinUrl: null },
      { firstName: null, lastName: null, email: null, jobTitle: 'Unknown', phone: null, linkedinUrl: null },
    ];
    engine.complete('w1', item?.ticket ?? '', { outcome: 'performed', output: { people }, hit: true, effects: [] });
    const leads = sqlite.prepare('SELECT first_name, last_name, email, job_title FROM leads WHERE company_id = ?').all(company);
    expect(leads).toEqual([{ first_name: 'Peter', last_name: 'Gibbons', email: 'peter@initech.test', job_title: 'Engineer' }]);
    const provenance = sqlite.prepare("SELECT DISTINCT source_kind, source_id FROM field_provenance WHERE target_kind = 'lead' AND field = 'email'").all();
    expect(provenance).toEqual([{ source_kind: 'enrichment', source_id: search }]);
  });

  it('waits at least as long as the provider asked before retrying a rate-limited lookup', () => {
    const { sqlite, http, engine, clock, claim } = setup();
    const ada = addLead(sqlite, null);
    const limited = addEnrichment(sqlite, 'find_email', ada, http);
    const plain = addEnrichment(sqlite, 'find_phone', ada, http);
    const items = claim(http);
    const rateLimited: WorkOutcome = { outcome: 'failed', errorKind: 'transient', errorText: 'rate limited (HTTP 429); retry after 7200 s', output: { status: 429, retryAfterSeconds: 7_200 }, effects: [] };
    engine.complete('w1', items.get(limited)?.ticket ?? '', rateLimited);
    engine.complete('w1', items.get(plain)?.ticket ?? '', { ...rateLimited, errorText: 'provider error (HTTP 503)', output: { status: 503 } });
    expect(workRow(sqlite, 'enrichment', limited)).toMatchObject({ status: 'pending', due_at: clock.now() + 7_200_000 });
    expect(workRow(sqlite, 'enrichment', plain).due_at).toBeLessThan(clock.now() + 7_200_000);
  });
});
