import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailHandlers } from '../../../src/main/api/handlers/email-handlers';
import { doctorResolver, type DoctorResolver } from '../../../src/main/deliverability/doctor-dns';
import { runDoctor } from '../../../src/main/deliverability/run-doctor';
import { emailDoctorReport } from '../../../src/shared/contract/schemas/email-doctor';
import { ManualClock } from '../../helpers/manual-clock';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server';

const KEY = `v=DKIM1; k=rsa; p=${'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'.repeat(8)}`;
let dns: TestDnsServer;
let resolver: DoctorResolver;

beforeAll(async () => {
  dns = await startDnsServer({
    'good.test': { mx: [{ exchange: 'alt.mx.good.test', priority: 20 }, { exchange: 'mx.good.test', priority: 10 }], txt: ['google-site-verification=x', 'v=spf1 include:_spf.provider.test ~all'] },
    '_spf.provider.test': { txt: ['v=spf1 ip4:192.0.2.0/24 include:_spf2.provider.test -all'] },
    '_spf2.provider.test': { txt: ['v=spf1 ip4:198.51.100.0/24 -all'] },
    'google._domainkey.good.test': { txt: [KEY] },
    '_dmarc.good.test': { txt: ['v=DMARC1; p=reject; rua=mailto:dmarc@good.test,mailto:agg@reports.test; pct=100'] },
    'bare.test': { a: ['192.0.2.1'] },
    'open.test': { mx: [{ exchange: 'mx.open.test', priority: 10 }], txt: ['v=spf1 a mx +all'] },
    'twice.test': { mx: [{ exchange: 'mx.twice.test', priority: 10 }], txt: ['v=spf1 -all', 'v=spf1 include:x.test ~all'] },
    'chain.test': { mx: [{ exchange: 'mx.chain.test', priority: 10 }], txt: [`v=spf1 ${Array.from({ length: 6 }, (_, i) => `include:n${i}.chain.test`).join(' ')} ~all`] },
    ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`n${i}.chain.test`, { txt: ['v=spf1 a mx -all'] }])),
    '_dmarc.weak.test': { txt: ['v=DMARC1; p=none'] },
    'weak.test': { mx: [{ exchange: 'mx.weak.test', priority: 10 }], txt: ['v=spf1 ?all'] },
    's1._domainkey.weak.test': { txt: [KEY] },
    'nomail.test': { mx: [{ exchange: '', priority: 0 }], txt: ['v=spf1 -all'] },
    'broken.test': { servfail: true },
    '_dmarc.broken.test': { servfail: true },
    ...Object.fromEntries(['google', 'selector1', 'selector2', 'default', 'k1'].map((s) => [`${s}._domainkey.broken.test`, { servfail: true }])),
  });
  resolver = doctorResolver([dns.server], 2_000);
});
afterAll(() => dns.close());

const met = (report: Awaited<ReturnType<typeof runDoctor>>) => Object.fromEntries(report.requirements.map((r) => [r.rule.split(' ').slice(0, 3).join(' '), r.met]));

describe('the deliverability doctor against a real DNS server', () => {
  it('passes a domain with MX, SPF through includes, DKIM at a common selector and an enforcing DMARC', async () => {
    const report = await runDoctor(resolver, 'good.test', 0);
    expect(emailDoctorReport.parse(report)).toEqual(report);
    expect(report.mx).toEqual({ status: 'pass', hosts: [{ exchange: 'mx.good.test', priority: 10 }, { exchange: 'alt.mx.good.test', priority: 20 }], problems: [] });
    expect(report.spf).toEqual({ status: 'pass', record: 'v=spf1 include:_spf.provider.test ~all', all: '~all', lookups: 2, problems: [] });
    expect(report.dkim.status).toBe('pass');
    expect(report.dkim.selectors.filter((s) => s.found)).toEqual([{ selector: 'google', found: true, record: KEY }]);
    expect(report.dmarc).toEqual({
      status: 'pass',
      record: 'v=DMARC1; p=reject; rua=mailto:dmarc@good.test,mailto:agg@reports.test; pct=100',
      policy: 'reject',
      rua: ['mailto:dmarc@good.test', 'mailto:agg@reports.test'],
      problems: [],
    });
    expect(met(report)).toMatchObject({ 'SPF or DKIM': true, 'Both SPF and': true, 'A DMARC record': true, 'The domain receives': true, 'The From domain': null });
  });

  it('fails a domain without SPF, DKIM, DMARC or MX and says what is missing', async () => {
    const report = await runDoctor(resolver, 'bare.test', 0);
    expect(report.mx).toMatchObject({ status: 'fail', problems: [expect.stringContaining('no MX')] });
    expect(report.spf).toMatchObject({ status: 'fail', record: null, problems: [expect.stringContaining('no SPF')] });
    expect(report.dkim).toMatchObject({ status: 'warn', problems: [expect.stringContaining('enter the selector')] });
    expect(report.dmarc).toMatchObject({ status: 'fail', problems: ['no DMARC record at _dmarc.bare.test'] });
    expect(met(report)).toMatchObject({ 'SPF or DKIM': false, 'Both SPF and': false, 'A DMARC record': false, 'The domain receives': false });
  });

  it('flags +all, several SPF records, too many lookups and a neutral ?all', async () => {
    expect((await runDoctor(resolver, 'open.test', 0)).spf).toMatchObject({ status: 'fail', all: '+all', lookups: 2, problems: [expect.stringContaining('any server')] });
    expect((await runDoctor(resolver, 'twice.test', 0)).spf).toMatchObject({ status: 'fail', problems: [expect.stringContaining('2 SPF records')] });
    const chain = (await runDoctor(resolver, 'chain.test', 0)).spf;
    expect(chain).toMatchObject({ status: 'fail', problems: [expect.stringContaining('more than 10')] });
    expect(chain.lookups).toBeGreaterThan(10);
    expect((await runDoctor(resolver, 'weak.test', 0)).spf).toMatchObject({ status: 'warn', all: '?all', problems: [expect.stringContaining('neutral')] });
  });

  it('checks the selector the operator gives instead of the common ones, and warns on p=none without reports', async () => {
    const found = await runDoctor(resolver, 'weak.test', 0, 's1');
    expect(found.dkim).toEqual({ status: 'pass', selectors: [{ selector: 's1', found: true, record: KEY }], problems: [] });
    expect(found.dmarc).toMatchObject({ status: 'warn', policy: 'none', rua: [], problems: [expect.stringContaining('only monitors'), expect.stringContaining('no rua=')] });
    expect(met(found)).toMatchObject({ 'A DMARC record': true });
    expect((await runDoctor(resolver, 'weak.test', 0, 's2')).dkim).toMatchObject({ status: 'fail', problems: ['no DKIM key at s2._domainkey.weak.test'] });
  });

  it('treats a null MX as a domain that cannot receive replies', async () => {
    expect((await runDoctor(resolver, 'nomail.test', 0)).mx).toMatchObject({ status: 'fail', problems: [expect.stringContaining('null MX')] });
  });

  it('reports unknown, not missing, when DNS cannot answer', async () => {
    const report = await runDoctor(resolver, 'broken.test', 0);
    expect([report.mx.status, report.spf.status, report.dkim.status, report.dmarc.status]).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(report.requirements.every((r) => r.met === null)).toBe(true);
  });

  it('answers email.doctor through its handler with the clock time', async () => {
    const clock = new ManualClock();
    const report = await emailHandlers({ dns: resolver, clock } as unknown as Parameters<typeof emailHandlers>[0])['email.doctor']({ domain: 'good.test' });
    expect(report).toMatchObject({ domain: 'good.test', checkedAt: new Date(clock.now()).toISOString(), spf: { status: 'pass' } });
  });
});
