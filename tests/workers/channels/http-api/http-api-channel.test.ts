import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkItem, WorkOutcome, WorkerProfile } from '../../../../src/shared/worker-protocol/messages';
import { UnknownOutcomeError, type ChannelContext } from '../../../../src/workers/channels/channel';
import { createHttpApiChannel } from '../../../../src/workers/channels/http-api/http-api-channel';
import { replies, startProviderServer, type ProviderServer } from '../../../helpers/provider-server';

const API_KEY = 'sk-test-5f1c9a7e0b3d';

let provider: ProviderServer;
beforeEach(async () => {
  provider = await startProviderServer();
});
afterEach(() => provider.close());

const profile = (settings: Record<string, unknown>, credentials: Record<string, string> = { apiKey: API_KEY }): WorkerProfile => ({
  id: 1,
  name: 'provider',
  typeCode: 'http_api',
  settings: { baseUrl: provider.baseUrl, keyHeader: 'Authorization', keyPrefix: 'Bearer ', timeoutSeconds: 15, ...settings },
  credentials,
});

const subject = { firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace', email: 'ada@acme.test', domain: 'acme.test', companyName: 'Acme' };

const item = (typeCode: string, params: Record<string, unknown> = subject): WorkItem => ({
  ticket: 'enrichment:9:1',
  kind: 'enrichment',
  recordId: 9,
  typeCode,
  attempt: 1,
  idempotencyKey: 'enrichment-9',
  target: { kind: 'lead', id: 7 },
  params,
  mode: 'perform',
  leaseExpiresAt: Date.now() + 60_000,
});

/** A context that records effect keys and log lines; `refuse` makes main's ledger refuse the effect. */
function recordingContext(refuse = false) {
  const effects: string[] = [];
  const logs: unknown[] = [];
  const context: ChannelContext = {
    progress: (note) => logs.push(note),
    log: (level, msg, data) => logs.push({ level, msg, data }),
    async effect(key, run) {
      effects.push(key);
      if (refuse) throw new UnknownOutcomeError('an earlier attempt started this effect');
      return run();
    },
  };
  return { context, effects, logs };
}

async function perform(settings: Record<string, unknown>, work: WorkItem, refuse = false) {
  const channel = createHttpApiChannel();
  await channel.open(profile(settings));
  const recorded = recordingContext(refuse);
  try {
    return { outcome: await channel.perform(work, recorded.context), ...recorded };
  } finally {
    await channel.close();
  }
}

const failed = (outcome: WorkOutcome) => {
  if (outcome.outcome !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome;
};

describe('the HTTP provider adapter on success', () => {
  it('maps a verifier-result-v1 answer to the verification output, sending the key in the configured header', async () => {
    provider.answer((r) => replies.verifier(r.query.email === 'ada@acme.test' ? 'deliverable' : 'undeliverable', { role: r.query.email?.startsWith('info@') }));
    const good = await perform({ preset: 'verifier-result-v1' }, item('verify_email'));
    expect(good.outcome).toMatchObject({ outcome: 'performed', hit: true, output: { email: 'ada@acme.test', verdict: 'valid', domain: 'acme.test', mail: 'unchecked', score: 0.9 } });
    expect(good.effects).toEqual(['enrichment-9']);
    expect(provider.requests[0]).toMatchObject({ method: 'GET', path: '/v2/verify', query: { email: 'ada@acme.test' } });
    expect(provider.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);

    const bad = await perform({ preset: 'verifier-result-v1' }, item('verify_email', { email: 'info@gone.test' }));
    expect(bad.outcome).toMatchObject({ outcome: 'performed', hit: false, output: { verdict: 'invalid', role: true, reasons: ['the provider answered undeliverable'] } });
  });

  it('maps a finder-data-v1 answer to the email found, asking with name and domain', async () => {
    provider.answer(replies.finder({ email: 'ada.lovelace@acme.test', score: 94, first_name: 'Ada' }));
    const { outcome } = await perform({ preset: 'finder-data-v1' }, item('find_email'));
    expect(outcome).toMatchObject({ outcome: 'performed', hit: true, output: { email: 'ada.lovelace@acme.test', score: 94 } });
    expect(provider.requests[0]).toMatchObject({ path: '/v2/email-finder', query: { domain: 'acme.test', first_name: 'Ada', last_name: 'Lovelace', company: 'Acme' } });

    provider.answer(replies.finder({ email: null, score: null }));
    const none = await perform({ preset: 'finder-data-v1' }, item('find_email', { domain: 'acme.test' }));
    expect(none.outcome).toMatchObject({ outcome: 'performed', hit: false, output: { email: null } });
    expect(provider.requests[1]?.query).toEqual({ domain: 'acme.test' });
  });

  it('maps a finder-data-v1 company search to the people found, at most `limit` of them', async () => {
    const person = (value: string, first: string, position: string) => ({ value, first_name: first, last_name: 'Smith', position, confidence: 90 });
    provider.answer(replies.finder({ domain: 'acme.test', emails: [person('jo@acme.test', 'Jo', 'CEO'), person('al@acme.test', 'Al', 'CTO'), person('cy@acme.test', 'Cy', 'COO')] }));
    const { outcome } = await perform({ preset: 'finder-data-v1' }, item('find_company_leads', { domain: 'acme.test', companyName: 'Acme', limit: 2 }));
    expect(outcome).toMatchObject({
      outcome: 'performed',
      hit: true,
      output: {
        people: [
          { email: 'jo@acme.test', firstName: 'Jo', lastName: 'Smith', jobTitle: 'CEO', phone: null, linkedinUrl: null },
          { email: 'al@acme.test', firstName: 'Al', lastName: 'Smith', jobTitle: 'CTO', phone: null, linkedinUrl: null },
        ],
      },
    });
    expect(provider.requests[0]).toMatchObject({ path: '/v2/domain-search', query: { domain: 'acme.test', company: 'Acme', limit: '2' } });
  });

  it('follows a custom mapping: POST body template, a key header without prefix, a nested output path', async () => {
    provider.answer({ status: 200, body: { person: { phones: [{ number: '+44 20 7946 0000' }] } } });
    const settings = {
      keyHeader: 'X-Api-Key',
      keyPrefix: '',
      endpoints: { find_phone: { method: 'POST', path: '/people/{{domain}}/phone', body: { name: '{{fullName}}', email: '{{email}}' }, outputs: { phone: 'person.phones.0.number' } } },
    };
    const { outcome } = await perform(settings, item('find_phone'));
    expect(outcome).toMatchObject({ outcome: 'performed', hit: true, output: { phone: '+44 20 7946 0000' } });
    const seen = provider.requests[0];
    expect(seen).toMatchObject({ method: 'POST', path: '/v2/people/acme.test/phone' });
    expect(JSON.parse(seen?.body ?? '')).toEqual({ name: 'Ada Lovelace', email: 'ada@acme.test' });
    expect(seen?.headers['x-api-key']).toBe(API_KEY);
    expect(seen?.headers.authorization).toBeUndefined();
  });
});

describe('the HTTP provider adapter on failure', () => {
  it('pauses the profile (auth_failed) on 401 and 403 with "API key refused", never putting the key in the text, output or logs', async () => {
    provider.answer({ status: 401, body: { message: `invalid key ${API_KEY}` } });
    const { outcome, logs } = await perform({ preset: 'verifier-result-v1' }, item('verify_email'));
    const failure = failed(outcome);
    expect(failure).toMatchObject({ errorKind: 'transient', pause: 'auth_failed', output: { status: 401, authFailed: true } });
    expect(failure.errorText).toMatch(/^API key refused \(HTTP 401\): invalid key \*\*\*/);
    expect(JSON.stringify({ failure, logs })).not.toContain(API_KEY);
    expect(logs.length).toBeGreaterThan(0);

    provider.answer(replies.unauthorized());
    const again = failed((await perform({ preset: 'verifier-result-v1' }, item('verify_email'))).outcome);
    expect(again.errorText).toContain('No user found for the API key supplied');

    provider.answer({ status: 403, body: { message: 'key disabled' } });
    const forbidden = failed((await perform({ preset: 'verifier-result-v1' }, item('verify_email'))).outcome);
    expect(forbidden).toMatchObject({ pause: 'auth_failed', errorText: 'API key refused (HTTP 403): key disabled; check the profile\'s API key' });
  });

  it('fails permanently on 402 (out of credits) and on other 4xx, naming the status and the provider message', async () => {
    provider.answer(replies.noCredits());
    expect(failed((await perform({ preset: 'finder-data-v1' }, item('find_email'))).outcome)).toMatchObject({
      errorKind: 'permanent',
      errorText: 'out of credits (HTTP 402): You have used all your credits',
    });
    provider.answer(replies.badRequest());
    expect(failed((await perform({ preset: 'finder-data-v1' }, item('find_email'))).outcome)).toMatchObject({
      errorKind: 'permanent',
      errorText: 'provider refused the request (HTTP 422): domain is invalid',
    });
  });

  it('retries later on 429, reporting the wait from Retry-After or X-RateLimit-Reset', async () => {
    provider.answer(replies.rateLimited(120));
    const limited = failed((await perform({ preset: 'finder-data-v1' }, item('find_email'))).outcome);
    expect(limited).toMatchObject({ errorKind: 'transient', output: { status: 429, retryAfterSeconds: 120 } });
    expect(limited.errorText).toBe('rate limited (HTTP 429): Too many requests; retry after 120 s');

    const resetAt = Math.floor(Date.now() / 1000) + 3_600;
    provider.answer({ status: 429, headers: { 'x-ratelimit-reset': String(resetAt) }, body: {} });
    const reset = failed((await perform({ preset: 'finder-data-v1' }, item('find_email'))).outcome);
    expect(reset.output?.retryAfterSeconds).toBeGreaterThan(3_500);
    expect(reset.output?.retryAfterSeconds).toBeLessThanOrEqual(3_600);
  });

  it('retries later on 5xx', async () => {
    provider.answer(replies.serverError());
    expect(failed((await perform({ preset: 'verifier-result-v1' }, item('verify_email'))).outcome)).toMatchObject({
      errorKind: 'transient',
      errorText: 'provider error (HTTP 503): Upstream unavailable',
      output: { status: 503 },
    });
  });

  it('retries later when the provider does not answer within the timeout', async () => {
    provider.answer(replies.hang());
    const outcome = failed((await perform({ preset: 'verifier-result-v1', timeoutSeconds: 0.2 }, item('verify_email'))).outcome);
    expect(outcome).toMatchObject({ errorKind: 'transient', output: { timedOut: true } });
    expect(outcome.errorText).toMatch(/^no answer from 127\.0\.0\.1:\d+ within 0\.2 s$/);
    expect(outcome.network).toBeUndefined();
  });

  it('retries later when the connection is refused, and reports no network only when the host cannot be resolved', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = failed((await perform({ preset: 'verifier-result-v1', baseUrl: `http://127.0.0.1:${port}` }, item('verify_email'))).outcome);
    expect(refused).toMatchObject({ errorKind: 'transient', output: { code: 'ECONNREFUSED' } });
    expect(refused.network).toBeUndefined();

    const unresolvable = failed((await perform({ preset: 'verifier-result-v1', baseUrl: 'http://provider.invalid' }, item('verify_email'))).outcome);
    expect(unresolvable).toMatchObject({ errorKind: 'transient', network: true });
  });

  it('sends nothing when main refuses the effect, and refuses items it has no endpoint or subject for', async () => {
    provider.answer(replies.verifier('deliverable'));
    await expect(perform({ preset: 'verifier-result-v1' }, item('verify_email'), true)).rejects.toBeInstanceOf(UnknownOutcomeError);
    await expect(perform({ preset: 'verifier-result-v1' }, item('find_email'))).rejects.toThrow('the profile maps no endpoint for find_email');
    await expect(perform({ preset: 'verifier-result-v1' }, item('verify_email', { firstName: 'Ada' }))).rejects.toThrow('the item carries no email address to verify');
    await expect(perform({ preset: 'finder-data-v1' }, item('find_email', { firstName: 'Ada' }))).rejects.toThrow('the item carries no company domain or name');
    expect(provider.requests).toEqual([]);
  });

  it('will not open without a base URL or an API key', async () => {
    await expect(createHttpApiChannel().open(profile({ baseUrl: null }))).rejects.toThrow('the profile has no base URL');
    await expect(createHttpApiChannel().open(profile({}, {}))).rejects.toThrow('the profile has no API key');
  });
});
