import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionStep } from '../../../src/shared/contract/schemas/connection-test';
import { testMailboxConnection } from '../../../src/main/email/test-connection';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server';
import { startDovecot, type Dovecot } from '../../helpers/dovecot';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let dovecot: Dovecot;
let sink: SmtpSink;
let dns: TestDnsServer;
let t: TestCore;
beforeAll(async () => {
  dovecot = await startDovecot();
  [sink, dns, t] = await Promise.all([startSmtpSink({ password: dovecot.password }), startDnsServer({ 'mail.outpost.test': { a: ['127.0.0.1'] } }), startTestCore()]);
}, 30_000);
afterAll(async () => {
  await Promise.all([dovecot.stop(), sink.close(), dns.close(), t.stop()]);
}, 30_000);

/** Resolves through the local dns2 server only: nothing here reaches the internet. */
const localLookup = async (host: string): Promise<string[]> => {
  const resolver = new Resolver({ timeout: 2_000, tries: 1 });
  resolver.setServers([dns.server]);
  return resolver.resolve4(host);
};

const settings = (over: { smtp?: object; imap?: object; folders?: object } = {}) => ({
  smtp: { host: '127.0.0.1', port: sink.port, security: 'none', ...over.smtp },
  imap: { ...dovecot.profileSettings.imap, ...over.imap },
  folders: { inbox: 'INBOX', spam: ['Spam', 'Junk'], sent: 'Sent', ...over.folders },
});

const login = () => ({ user: dovecot.user, password: dovecot.password });

/** `server step status` lines, the quickest way to read a report. */
const shape = (steps: ConnectionStep[]) => steps.map((s) => `${s.server} ${s.step} ${s.status}`);
const step = (steps: ConnectionStep[], server: string, name: string) => steps.find((s) => s.server === server && s.step === name);

describe('mailbox connection test against smtp-server and Dovecot', { timeout: 60_000 }, () => {
  it('passes every step of a working mailbox, naming what it found, with durations', async () => {
    const report = await testMailboxConnection(settings({ smtp: { host: 'mail.outpost.test' } }), login(), localLookup);
    expect(shape(report.steps)).toEqual([
      'smtp dns ok',
      'smtp tcp ok',
      'smtp tls skipped',
      'smtp auth ok',
      'imap dns ok',
      'imap tcp ok',
      'imap tls skipped',
      'imap auth ok',
      'imap folders ok',
    ]);
    expect(report.ok).toBe(true);
    expect(step(report.steps, 'smtp', 'dns')?.message).toBe('mail.outpost.test resolves to 127.0.0.1');
    expect(step(report.steps, 'smtp', 'auth')?.message).toBe(`logged in as ${dovecot.user}`);
    expect(step(report.steps, 'imap', 'folders')?.message).toBe('found "INBOX", "Spam", "Sent" ("Junk" not on the server; the inbox check skips it)');
    expect(report.steps.every((s) => Number.isInteger(s.ms) && s.ms >= 0)).toBe(true);
  });

  it('names the refused login on both servers and skips the folder check', async () => {
    const report = await testMailboxConnection(settings(), { user: dovecot.user, password: 'wrong' }, localLookup);
    expect(report.ok).toBe(false);
    expect(step(report.steps, 'smtp', 'auth')).toMatchObject({ status: 'failed', message: expect.stringMatching(new RegExp(`^the SMTP server refused the login for ${dovecot.user}: 535`)) });
    expect(step(report.steps, 'imap', 'auth')).toMatchObject({ status: 'failed', message: expect.stringMatching(new RegExp(`^the IMAP server refused the login for ${dovecot.user}: `)) });
    expect(step(report.steps, 'imap', 'folders')).toMatchObject({ status: 'skipped', message: 'not tried: the auth step failed' });
  });

  it('names the folders that do not exist', async () => {
    const sent = await testMailboxConnection(settings({ folders: { sent: 'Sent Items' } }), login(), localLookup);
    expect(step(sent.steps, 'imap', 'folders')).toMatchObject({ status: 'failed', message: expect.stringMatching(/^folder check: "Sent Items" does not exist on the server \(it has: .*INBOX/) });
    const spam = await testMailboxConnection(settings({ folders: { spam: ['Junk', 'Bulk'] } }), login(), localLookup);
    expect(step(spam.steps, 'imap', 'folders')).toMatchObject({ status: 'failed', message: expect.stringContaining('"Junk", "Bulk" do not exist on the server') });
    expect(spam.ok).toBe(false);
  });

  it('fails TCP on a closed port, DNS on a name that does not resolve, and TLS on a plain server, skipping what follows', async () => {
    const report = await testMailboxConnection(settings({ smtp: { port: 1 }, imap: { host: 'nowhere.outpost.test' } }), login(), localLookup);
    expect(step(report.steps, 'smtp', 'tcp')).toMatchObject({ status: 'failed', message: expect.stringMatching(/^could not connect to the SMTP server at 127\.0\.0\.1:1: .*ECONNREFUSED/) });
    expect(step(report.steps, 'smtp', 'auth')).toMatchObject({ status: 'skipped', message: 'not tried: the tcp step failed' });
    expect(step(report.steps, 'imap', 'dns')).toMatchObject({ status: 'failed', message: expect.stringMatching(/^the IMAP host nowhere\.outpost\.test does not resolve: .*ENOTFOUND/) });
    expect(shape(report.steps).filter((s) => s.startsWith('imap'))).toEqual(['imap dns failed', 'imap tcp skipped', 'imap tls skipped', 'imap auth skipped', 'imap folders skipped']);

    const tls = await testMailboxConnection(settings({ smtp: { security: 'tls' } }), login(), localLookup);
    expect(step(tls.steps, 'smtp', 'tls')).toMatchObject({ status: 'failed', message: expect.stringMatching(/^TLS with the SMTP server failed: /) });
    expect(step(tls.steps, 'smtp', 'auth')).toMatchObject({ status: 'skipped' });
  });

  it('tests an unsaved form (type defaults under it) and a saved profile with the form laid over it through the API', async () => {
    const post = (body: unknown) => t.api('/api/v1/email/test-connection', { method: 'POST', body: JSON.stringify(body) });
    const unsaved = await post({ typeCode: 'smtp_imap', settings: { smtp: settings().smtp, imap: dovecot.profileSettings.imap }, credentials: login() });
    expect(unsaved.status).toBe(200);
    const report = (await unsaved.json()) as { ok: boolean; steps: ConnectionStep[] };
    expect(report.ok).toBe(true);
    expect(step(report.steps, 'imap', 'folders')?.message).toContain('"Junk" not on the server');

    const created = await t.api('/api/v1/profiles', {
      method: 'POST',
      body: JSON.stringify({ typeCode: 'smtp_imap', name: 'Box', settings: { smtp: settings().smtp, imap: dovecot.profileSettings.imap }, credentials: login() }),
    });
    const { id } = (await created.json()) as { id: number };
    const saved = (await (await post({ profileId: id })).json()) as { ok: boolean; steps: ConnectionStep[] };
    expect(saved.ok).toBe(true);
    // The form changed the password but was not saved yet: the test uses what the form says.
    const edited = (await (await post({ profileId: id, credentials: { password: 'typo' } })).json()) as { ok: boolean; steps: ConnectionStep[] };
    expect(step(edited.steps, 'imap', 'auth')?.status).toBe('failed');
    // A host that does not exist anywhere (.invalid never resolves, RFC 2606) through the system resolver.
    const nowhere = (await (await post({ profileId: id, settings: { smtp: { host: 'nothing.invalid', port: 25, security: 'none' }, imap: dovecot.profileSettings.imap } })).json()) as {
      steps: ConnectionStep[];
    };
    expect(step(nowhere.steps, 'smtp', 'dns')).toMatchObject({ status: 'failed', message: expect.stringContaining('the SMTP host nothing.invalid does not resolve') });

    expect((await post({ profileId: 99_999 })).status).toBe(404);
    expect((await post({ typeCode: 'http_api' })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    expect((await post({ typeCode: 'smtp_imap', settings: { smtp: { host: 'x', port: 'many', security: 'none' } } })).status).toBe(400);
  });
});
