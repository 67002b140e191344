import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../helpers/dovecot';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink';
import { startTestCore, type TestCore } from '../../helpers/test-core';

let dovecot: Dovecot;
let sink: SmtpSink;
let t: TestCore;
beforeEach(async () => {
  [dovecot, sink, t] = await Promise.all([startDovecot(), startSmtpSink(), startTestCore()]);
}, 30_000);
afterEach(async () => {
  await Promise.all([dovecot.stop(), sink.close(), t.stop()]);
}, 30_000);

const until = async <T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false): Promise<T> => {
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

async function json(res: Response): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A lead, a running mailbox (Dovecot + the SMTP sink, no sending window) and the lead's reply read into the Inbox by the real worker. */
async function replyInInbox(): Promise<{ profileId: number; leadId: number; incomingId: number }> {
  const leadId = Number(
    t.core.services.store.sqlite
      .prepare("INSERT INTO leads (first_name, email, email_norm, created_at, updated_at) VALUES ('Bob', 'bob@lead.example', 'bob@lead.example', 0, 0)")
      .run().lastInsertRowid,
  );
  await dovecot.deliver('INBOX', [
    [
      'From: Bob <bob@lead.example>',
      'To: anna@acme-sales.test',
      'Subject: Re: Our call',
      'Message-ID: <bob-reply@lead.example>',
      'In-Reply-To: <first@acme-sales.test>',
      'References: <first@acme-sales.test>',
      'Date: Mon, 16 Nov 2026 18:02:11 +0000',
      '',
      'Happy to talk on Thursday.',
      '',
    ].join('\r\n'),
  ]);
  const profile = await json(
    await t.api('/api/v1/profiles', {
      method: 'POST',
      body: JSON.stringify({
        typeCode: 'smtp_imap',
        name: 'Sales mailbox',
        settings: { imap: dovecot.profileSettings.imap, smtp: { host: '127.0.0.1', port: sink.port, security: 'none' }, fromAddress: 'anna@acme-sales.test', copyToSent: false },
        credentials: { user: dovecot.user, password: dovecot.password },
        policy: { schedule: null, rampUp: null },
      }),
    }),
  );
  const profileId = Number(profile.id);
  await json(await t.api(`/api/v1/profiles/${profileId}/start`, { method: 'POST', body: '{}' }));
  const incomingId = await until(async () => {
    const thread = await json(await t.api(`/api/v1/inbox/leads/${leadId}`));
    return (thread.items as { id: number; direction: string }[]).find((m) => m.direction === 'incoming')?.id;
  });
  return { profileId, leadId, incomingId };
}

const reply = (outreachId: number, body: Record<string, unknown>) => t.api(`/api/v1/inbox/messages/${outreachId}/reply`, { method: 'POST', body: JSON.stringify(body) });

describe('replying from the Inbox', { timeout: 120_000 }, () => {
  it('sends the operator reply from the receiving mailbox through its worker, threaded under the incoming message', async () => {
    const { leadId, incomingId } = await replyInInbox();
    const created = await json(await reply(incomingId, { body: 'Thursday 10:00 works. Talk then!' }));
    expect(created).toMatchObject({ leadId, direction: 'outgoing', approval: 'approved', address: 'bob@lead.example', subject: 'Re: Our call', inReplyTo: '<bob-reply@lead.example>' });

    const [message] = await sink.received(1);
    expect(message).toMatchObject({ from: 'anna@acme-sales.test', to: ['bob@lead.example'], user: dovecot.user });
    const mail = await simpleParser(message?.raw ?? '');
    expect(mail.subject).toBe('Re: Our call');
    expect(mail.inReplyTo).toBe('<bob-reply@lead.example>');
    expect(mail.references).toEqual(['<first@acme-sales.test>', '<bob-reply@lead.example>']);
    expect(mail.text).toMatch(/^Thursday 10:00 works\. Talk then!/);

    const sent = await until(async () => {
      const thread = await json(await t.api(`/api/v1/inbox/leads/${leadId}`));
      return (thread.items as { id: number; status: string; messageId: string | null }[]).find((m) => m.id === created.id && m.status === 'performed');
    });
    expect(sent.messageId).toBe(mail.messageId);
  });

  it('refuses a reply to a suppressed lead, to a bounce, to a message whose mailbox is gone, and to an unknown message, saying why', async () => {
    const { profileId, incomingId } = await replyInInbox();
    const sqlite = t.core.services.store.sqlite;

    sqlite.prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('email', 'bob@lead.example', 'unsubscribe', 0, 0)").run();
    const suppressed = await reply(incomingId, { body: 'Hello?' });
    expect(suppressed.status).toBe(409);
    expect(((await suppressed.json()) as { error: { message: string } }).error.message).toBe('outreachId: the lead is on the suppression list (suppressed: email bob@lead.example (unsubscribe))');
    sqlite.prepare('DELETE FROM suppressions').run();

    sqlite.prepare("UPDATE outreach SET incoming_kind = 'hard_bounce' WHERE id = ?").run(incomingId);
    expect((await reply(incomingId, { body: 'Hello?' })).status).toBe(400);
    sqlite.prepare("UPDATE outreach SET incoming_kind = 'reply' WHERE id = ?").run(incomingId);

    await json(await t.api(`/api/v1/profiles/${profileId}/delete`, { method: 'POST', body: '{}' }));
    const gone = await reply(incomingId, { body: 'Hello?' });
    expect(gone.status).toBe(409);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(/mailbox that received message \d+ no longer exists/);

    expect((await reply(999_999, { body: 'Hello?' })).status).toBe(404);
    expect((await reply(incomingId, { body: '   ' })).status).toBe(400);
    expect(sink.messages).toHaveLength(0);
  });
});
