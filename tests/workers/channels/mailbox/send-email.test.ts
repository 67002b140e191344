import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkItem, WorkerProfile } from '../../../../src/shared/worker-protocol/messages';
import { UnknownOutcomeError, type ChannelContext } from '../../../../src/workers/channels/channel';
import { createMailboxChannel } from '../../../../src/workers/channels/mailbox/mailbox-channel';
import { startSmtpSink, type SmtpSink } from '../../../helpers/smtp-sink';

let sink: SmtpSink;
beforeEach(async () => {
  sink = await startSmtpSink();
});
afterEach(() => sink.close());

const profile = (settings: Record<string, unknown> = {}): WorkerProfile => ({
  id: 1,
  name: 'box',
  typeCode: 'smtp_imap',
  settings: { smtp: { host: '127.0.0.1', port: sink.port, security: 'none' }, fromName: 'Olga Operator', signature: 'Olga\nOutpost Ltd', ...settings },
  credentials: { user: 'olga@outpost.test', password: 'secret' },
});

const item = (params: Record<string, unknown>, key = 'outreach-1'): WorkItem => ({
  ticket: 'outreach:1:1',
  kind: 'outreach',
  recordId: 1,
  typeCode: 'email',
  attempt: 1,
  idempotencyKey: key,
  target: { kind: 'lead', id: 7 },
  params: { outreachId: 1, leadId: 7, to: 'ada@lead.test', subject: 'Hello Ada', body: 'Plain body', messageId: '<m1@outpost.test>', ...params },
  mode: 'perform',
  leaseExpiresAt: Date.now() + 60_000,
});

/** A context that records effect keys; `refuse` makes main's ledger refuse the effect. */
function fakeContext(refuse = false) {
  const effects: string[] = [];
  const context: ChannelContext = {
    progress: () => undefined,
    log: () => undefined,
    async effect(key, run) {
      effects.push(key);
      if (refuse) throw new UnknownOutcomeError('an earlier attempt started this effect');
      return run();
    },
  };
  return { context, effects };
}

async function perform(params: Record<string, unknown>, settings?: Record<string, unknown>, refuse = false) {
  const channel = createMailboxChannel();
  await channel.open(profile(settings));
  const { context, effects } = fakeContext(refuse);
  try {
    return { outcome: await channel.perform(item(params), context), effects };
  } finally {
    await channel.close();
  }
}

describe('mailbox channel: send', () => {
  it('delivers plain and HTML parts with the stored Message-ID, signature, postal address and unsubscribe headers', async () => {
    const { outcome, effects } = await perform({
      html: '<p>Hello <b>Ada</b></p>',
      postalAddress: '1 Main St, Springfield',
      unsubscribeUrl: 'https://track.outpost.test/u/tok123',
    });
    expect(effects).toEqual(['outreach-1']);
    expect(outcome).toMatchObject({
      outcome: 'performed',
      output: { messageId: '<m1@outpost.test>', hardBounce: false, sentCopy: null, smtp: { code: 250 } },
      effects: [{ idempotencyKey: 'outreach-1', outcome: 'succeeded', externalRef: '<m1@outpost.test>' }],
    });
    const [sent] = await sink.received(1);
    expect(sent?.to).toEqual(['ada@lead.test']);
    expect(sent?.from).toBe('olga@outpost.test');
    expect(sent?.user).toBe('olga@outpost.test');
    const mail = await simpleParser(sent?.raw ?? '');
    expect(mail.messageId).toBe('<m1@outpost.test>');
    expect(mail.subject).toBe('Hello Ada');
    expect(mail.from?.text).toBe('"Olga Operator" <olga@outpost.test>');
    expect(mail.text).toBe('Plain body\n\n-- \nOlga\nOutpost Ltd\n1 Main St, Springfield');
    expect(mail.html).toContain('<p>Hello <b>Ada</b></p><p>Olga<br>Outpost Ltd</p><p>1 Main St, Springfield</p>');
    expect(sent?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(sent?.raw).toMatch(/^List-Unsubscribe: <mailto:olga@outpost\.test\?subject=unsubscribe>,\s+<https:\/\/track\.outpost\.test\/u\/tok123>\r?$/m);
    expect(mail.inReplyTo).toBeUndefined();
  });

  it('threads a follow-up and offers only mailto unsubscribe without a public URL', async () => {
    await perform(
      { subject: 'Re: Hello Ada', messageId: '<m3@outpost.test>', inReplyTo: '<m2@outpost.test>', references: ['<m1@outpost.test>', '<m2@outpost.test>'] },
      { unsubscribeMailto: 'unsub@outpost.test' },
    );
    const [sent] = await sink.received(1);
    const mail = await simpleParser(sent?.raw ?? '');
    expect(mail.subject).toBe('Re: Hello Ada');
    expect(mail.inReplyTo).toBe('<m2@outpost.test>');
    expect(mail.references).toEqual(['<m1@outpost.test>', '<m2@outpost.test>']);
    expect(mail.html).toBe(false);
    expect(sent?.raw).not.toMatch(/^List-Unsubscribe-Post:/m);
    expect(sent?.raw).toMatch(/^List-Unsubscribe: <mailto:unsub@outpost\.test\?subject=unsubscribe>\r?$/m);
  });

  it('reports a 550 at RCPT as a permanent failure and a hard bounce, with the raw response', async () => {
    sink.answer('ada@lead.test', 550);
    const { outcome } = await perform({});
    expect(outcome).toMatchObject({
      outcome: 'failed',
      errorKind: 'permanent',
      output: { hardBounce: true, smtp: { code: 550, command: 'RCPT TO', response: expect.stringContaining('User unknown') } },
    });
    expect(outcome).not.toHaveProperty('network');
    expect(sink.messages).toHaveLength(0);
  });

  it('reports a 451 at RCPT as transient, not a bounce', async () => {
    sink.answer('ada@lead.test', 451);
    const { outcome } = await perform({});
    expect(outcome).toMatchObject({ outcome: 'failed', errorKind: 'transient', output: { hardBounce: false, smtp: { code: 451 } } });
  });

  it('tells a refused connection (a server down) from a failed DNS lookup (maybe no network)', async () => {
    const refused = await perform({}, { smtp: { host: '127.0.0.1', port: 1, security: 'none' } });
    expect(refused.outcome).toMatchObject({ outcome: 'failed', errorKind: 'transient', output: { smtp: { code: null, command: 'CONN' } } });
    expect(refused.outcome).not.toHaveProperty('network');
    const dns = await perform({}, { smtp: { host: 'smtp.outpost.invalid', port: 25, security: 'none' } });
    expect(dns.outcome).toMatchObject({ outcome: 'failed', errorKind: 'transient', network: true });
  });

  it('pauses the mailbox (auth_failed) when the server refuses the login, the effect counted as not done', async () => {
    const strict = await startSmtpSink({ password: 'the-right-one' });
    try {
      const channel = createMailboxChannel();
      await channel.open(profile({ smtp: { host: '127.0.0.1', port: strict.port, security: 'none' } }));
      const { context, effects } = fakeContext();
      await expect(channel.perform(item({}), context)).rejects.toMatchObject({
        name: 'ChannelError',
        reason: 'auth_failed',
        message: expect.stringMatching(/^SMTP login refused: .*535/),
      });
      await channel.close();
      expect(effects).toEqual(['outreach-1']);
      expect(strict.messages).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it('does not send when main refuses the effect (an earlier attempt may have sent it)', async () => {
    await expect(perform({}, {}, true)).rejects.toBeInstanceOf(UnknownOutcomeError);
    expect(sink.messages).toHaveLength(0);
  });

  it('refuses a payload without a recipient as a permanent failure before any effect', async () => {
    await expect(perform({ to: undefined })).rejects.toMatchObject({ kind: 'permanent' });
  });
});
