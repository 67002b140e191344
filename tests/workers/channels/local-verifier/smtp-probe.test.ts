import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifierDeps } from '../../../../src/workers/channels/local-verifier/local-verifier-channel';
import { verifyAddress } from '../../../../src/workers/channels/local-verifier/verify-address';
import { startDnsServer, type TestDnsServer } from '../../../helpers/dns-server';

/** A real SMTP server that answers RCPT TO from a table: known mailboxes, a catch-all domain, a greylisting domain. */
async function startMailServer() {
  const known = new Set(['ada@probe.test', 'info@probe.test']);
  const commands: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom: (address, _session, callback) => (commands.push(`MAIL FROM:<${address.address}>`), callback()),
    onRcptTo: (address, _session, callback) => {
      const to = address.address.toLowerCase();
      commands.push(`RCPT TO:<${to}>`);
      if (to.endsWith('@catchall.test') || known.has(to)) return callback();
      const code = to.endsWith('@grey.test') ? 451 : 550;
      return callback(Object.assign(new Error(code === 451 ? '4.7.1 Greylisted, try again later' : '5.1.1 User unknown'), { responseCode: code }));
    },
    onData: (_stream, _session, callback) => callback(new Error('no DATA expected')),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, commands, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let dns: TestDnsServer;
let mail: Awaited<ReturnType<typeof startMailServer>>;

beforeAll(async () => {
  const mx = { mx: [{ exchange: 'mx.mail.test', priority: 10 }] };
  [dns, mail] = await Promise.all([
    startDnsServer({ 'probe.test': mx, 'catchall.test': mx, 'grey.test': mx, 'mx.mail.test': { a: ['127.0.0.1'] } }),
    startMailServer(),
  ]);
});
afterAll(() => Promise.all([dns.close(), mail.close()]));

const deps = (probe: Record<string, unknown> = {}) =>
  verifierDeps({ settings: { dnsServers: [dns.server], dnsTimeoutSeconds: 2, smtpProbe: { enabled: true, port: mail.port, heloName: 'outpost.test', timeoutSeconds: 5, ...probe } } });

describe('the optional SMTP RCPT probe of the local verifier', () => {
  it('confirms a mailbox the server takes, after checking that it refuses a made-up one; never sends DATA', async () => {
    const result = await verifyAddress('ada@probe.test', deps());
    expect(result).toMatchObject({ verdict: 'valid', reasons: [], smtpProbe: { host: 'mx.mail.test', recipient: 'accepted', catchAll: false } });
    expect(mail.commands.slice(-3)).toEqual(['MAIL FROM:<>', 'RCPT TO:<ada@probe.test>', expect.stringMatching(/^RCPT TO:<outpost-probe-[0-9a-f]{12}@probe\.test>$/)]);
  });

  it('finds a refused recipient invalid, naming the reply', async () => {
    const result = await verifyAddress('nobody@probe.test', deps());
    expect(result).toMatchObject({ verdict: 'invalid', smtpProbe: { recipient: 'rejected', catchAll: null } });
    expect(result.reasons).toEqual([expect.stringMatching(/^the mail server refused the recipient: 550 .*User unknown/)]);
  });

  it('reports a domain whose server takes any address as catch_all', async () => {
    expect(await verifyAddress('anyone@catchall.test', deps())).toMatchObject({ verdict: 'catch_all', smtpProbe: { recipient: 'accepted', catchAll: true } });
  });

  it('leaves the verdict unknown on a 4xx (greylisting) and when the server cannot be reached, keeping a role address risky', async () => {
    expect(await verifyAddress('ada@grey.test', deps())).toMatchObject({ verdict: 'unknown', smtpProbe: { recipient: 'unknown', reply: expect.stringMatching(/^451 /) } });
    const closed = await verifyAddress('ada@probe.test', deps({ port: 1 }));
    expect(closed).toMatchObject({ verdict: 'unknown', smtpProbe: { recipient: 'unknown', reply: expect.stringMatching(/^could not talk to mx\.mail\.test:1: .*ECONNREFUSED/) } });
    expect(await verifyAddress('info@grey.test', deps())).toMatchObject({ verdict: 'risky' });
  });

  it('is off by default: nothing contacts the mail server', async () => {
    const before = mail.commands.length;
    const result = await verifyAddress('nobody@probe.test', verifierDeps({ settings: { dnsServers: [dns.server], dnsTimeoutSeconds: 2 } }));
    expect(result).toMatchObject({ verdict: 'valid', smtpProbe: null });
    expect(mail.commands).toHaveLength(before);
  });
});
