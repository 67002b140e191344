import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../../../../src/shared/worker-protocol/messages';
import { ChannelError } from '../../../../src/workers/channels/channel';
import { createLocalVerifierChannel, verifierDeps } from '../../../../src/workers/channels/local-verifier/local-verifier-channel';
import { verifyAddress } from '../../../../src/workers/channels/local-verifier/verify-address';
import { startDnsServer, type TestDnsServer } from '../../../helpers/dns-server';

let dns: TestDnsServer;

beforeAll(async () => {
  dns = await startDnsServer({
    'acme.test': { mx: [{ exchange: 'mx2.acme.test', priority: 20 }, { exchange: 'mx1.acme.test', priority: 10 }] },
    'nomx.test': { txt: ['v=spf1 -all'] },
    'nullmx.test': { mx: [{ exchange: '', priority: 0 }], a: ['192.0.2.1'] },
    'bare.test': { a: ['192.0.2.7'] },
    'v6.test': { aaaa: ['2001:db8::1'] },
    'broken.test': { servfail: true },
    'mailinator.com': { mx: [{ exchange: 'mail.mailinator.com', priority: 10 }] },
    'gmial.com': { mx: [{ exchange: 'mx.gmial.com', priority: 10 }] },
  });
});

afterAll(() => dns.close());

const deps = (settings: Record<string, unknown> = {}) => verifierDeps({ settings: { dnsServers: [dns.server], dnsTimeoutSeconds: 2, ...settings } });

describe('verifyAddress against a real DNS server', () => {
  it('finds a well-formed address at a domain with MX records valid, with its hosts by preference', async () => {
    const result = await verifyAddress(' Ada.Lovelace@ACME.test ', deps());
    expect(result).toMatchObject({ email: 'Ada.Lovelace@acme.test', verdict: 'valid', reasons: [], mail: 'mx', mxHosts: ['mx1.acme.test', 'mx2.acme.test'] });
  });

  it.each(['ada', 'ada@@acme.test', 'ada@acme', 'Ada <ada@acme.test>', 'ada lovelace@acme.test', 'ada@acme_corp.test', `${'a'.repeat(65)}@acme.test`])(
    'finds %j invalid by syntax without asking DNS',
    async (email) => {
      const before = dns.queries;
      const result = await verifyAddress(email, deps());
      expect(result).toMatchObject({ verdict: 'invalid', mail: 'unchecked', domain: null });
      expect(dns.queries).toBe(before);
    },
  );

  it('accepts the rarer RFC 5322 forms the full parser allows (a quoted local part) and keeps them as written', async () => {
    expect(await verifyAddress('"ada lovelace"@acme.test', deps())).toMatchObject({ email: '"ada lovelace"@acme.test', verdict: 'valid' });
  });

  it('finds an address invalid when its domain does not exist or has neither MX nor address records', async () => {
    expect(await verifyAddress('ada@missing.test', deps())).toMatchObject({ verdict: 'invalid', mail: 'none' });
    expect(await verifyAddress('ada@nomx.test', deps())).toMatchObject({ verdict: 'invalid', mail: 'none', reasons: [expect.stringContaining('no MX')] });
  });

  it('honours a null MX (RFC 7505) even when the domain has an A record', async () => {
    expect(await verifyAddress('ada@nullmx.test', deps())).toMatchObject({ verdict: 'invalid', mail: 'null_mx', reasons: [expect.stringContaining('null MX')] });
  });

  it('falls back to the A or AAAA record when there is no MX (RFC 5321 §5.1)', async () => {
    expect(await verifyAddress('ada@bare.test', deps())).toMatchObject({ verdict: 'valid', mail: 'a_fallback', mxHosts: ['bare.test'] });
    expect(await verifyAddress('ada@v6.test', deps())).toMatchObject({ verdict: 'valid', mail: 'a_fallback' });
  });

  it('flags a disposable domain, unless the profile turned that check off', async () => {
    expect(await verifyAddress('ada@mailinator.com', deps())).toMatchObject({ verdict: 'disposable', disposable: true, mail: 'mx' });
    expect(await verifyAddress('ada@mailinator.com', deps({ checks: ['syntax', 'mx'] }))).toMatchObject({ verdict: 'valid', disposable: false });
  });

  it('calls a role address risky', async () => {
    expect(await verifyAddress('Sales+eu@acme.test', deps())).toMatchObject({ verdict: 'risky', role: true, reasons: ['a role address, not a person'] });
    expect(await verifyAddress('info@acme.test', deps())).toMatchObject({ verdict: 'risky', role: true });
    expect(await verifyAddress('infoseeker@acme.test', deps())).toMatchObject({ verdict: 'valid', role: false });
  });

  it('suggests the common provider a domain misspells and calls the address risky', async () => {
    const result = await verifyAddress('ada@gmial.com', deps());
    expect(result).toMatchObject({ verdict: 'risky', suggestion: 'ada@gmail.com', mail: 'mx' });
    expect((await verifyAddress('ada@acme.test', deps())).suggestion).toBeNull();
  });

  it('skips DNS when the mx check is off', async () => {
    const before = dns.queries;
    expect(await verifyAddress('ada@missing.test', deps({ checks: ['syntax'] }))).toMatchObject({ verdict: 'valid', mail: 'unchecked' });
    expect(dns.queries).toBe(before);
  });

  it('asks DNS once per domain while the cached route is fresh', async () => {
    dns.set('cached.test', { mx: [{ exchange: 'mx.cached.test', priority: 5 }] });
    const shared = deps();
    const before = dns.queries;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyAddress(`person${i}@cached.test`, shared)));
    expect(results.every((r) => r.verdict === 'valid')).toBe(true);
    expect(dns.queries - before).toBe(1);
    expect((await verifyAddress('ada@cached.test', deps({ cacheTtlSeconds: 0 }))).verdict).toBe('valid');
    expect(dns.queries - before).toBe(2);
  });
});

describe('the local verifier channel', () => {
  const item = (params: Record<string, unknown>, typeCode = 'verify_email'): WorkItem => ({
    ticket: 't',
    kind: 'enrichment',
    recordId: 1,
    typeCode,
    attempt: 1,
    idempotencyKey: 'k',
    target: { kind: 'lead', id: 1 },
    params,
    mode: 'perform',
    leaseExpiresAt: 0,
  });
  const context = { progress: () => undefined, log: () => undefined, effect: <T>(_key: string, run: () => Promise<T>) => run() };

  it('performs a verify_email item, with a hit only for a valid address', async () => {
    const channel = createLocalVerifierChannel();
    await channel.open({ id: 1, name: 'v', typeCode: 'local_verifier', settings: { dnsServers: [dns.server] }, credentials: {} });
    expect(await channel.perform(item({ email: 'ada@acme.test' }), context)).toMatchObject({ outcome: 'performed', hit: true, output: { verdict: 'valid' } });
    expect(await channel.perform(item({ email: 'ada@nomx.test' }), context)).toMatchObject({ outcome: 'performed', hit: false, output: { verdict: 'invalid' } });
    await channel.close();
  });

  it('fails permanently without an email or for another enrichment, and transiently when DNS fails', async () => {
    const channel = createLocalVerifierChannel();
    await channel.open({ id: 1, name: 'v', typeCode: 'local_verifier', settings: { dnsServers: [dns.server] }, credentials: {} });
    await expect(channel.perform(item({}), context)).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('no email') });
    await expect(channel.perform(item({ email: 'ada@acme.test' }, 'find_phone'), context)).rejects.toBeInstanceOf(ChannelError);
    await expect(channel.perform(item({ email: 'ada@broken.test' }), context)).rejects.toMatchObject({ kind: 'transient', network: false });
    await channel.close();
  });

  it('marks a failure to reach any DNS server as a network failure', async () => {
    // a port that was free a moment ago: nothing answers there
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const { port } = socket.address();
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    const channel = createLocalVerifierChannel();
    await channel.open({ id: 1, name: 'v', typeCode: 'local_verifier', settings: { dnsServers: [`127.0.0.1:${port}`], dnsTimeoutSeconds: 1 }, credentials: {} });
    await expect(channel.perform(item({ email: 'ada@acme.test' }), context)).rejects.toMatchObject({ kind: 'transient', network: true });
    await channel.close();
  });
});
