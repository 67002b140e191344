import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerOutreachHooks } from '../../../src/main/outreach/outreach-hooks';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink';
import { startHarness, until, type Harness } from '../supervisor/harness';
import { addLead, addMailbox, composeApproved } from './outreach-fixtures';

let sink: SmtpSink;
beforeEach(async () => {
  sink = await startSmtpSink();
});
afterEach(() => sink.close());

interface Row {
  status: string;
  attempts: number;
  error_kind: string | null;
  due_at: number;
  message_id: string | null;
  smtp_response: string | null;
}

function setup(): { h: Harness; profile: number; row: (id: number) => Row } {
  const h = startHarness({ leaseMs: 60_000 });
  registerOutreachHooks(h.work, { store: h.store });
  const sqlite = h.store.sqlite;
  sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('postalAddress', ?, 0)").run(JSON.stringify('1 Main St, Springfield'));
  const profile = addMailbox(sqlite, {
    smtp: { host: '127.0.0.1', port: sink.port, security: 'none' },
    fromAddress: 'olga@outpost.test',
    signature: 'Olga',
    copyToSent: false,
    publicUnsubscribeUrl: 'https://t.outpost.test/u',
  });
  const row = (id: number) => sqlite.prepare('SELECT status, attempts, error_kind, due_at, message_id, smtp_response FROM outreach WHERE id = ?').get(id) as Row;
  return { h, profile, row };
}

const template = {
  subject: '{Quick question|A question} for {{company.name}}',
  body: '{Hi|Hello} {{first_name|there}},\n\nDo you {need|want} help?',
  html: '<p>{Hi|Hello} {{first_name|there}},</p><p>Do you {need|want} help?</p>',
};

// Worker processes start from source (tsx); on a loaded machine that alone can take seconds.
describe('sending email through a real worker', { timeout: 60_000 }, () => {
  it('delivers the rendered message with its stored Message-ID, then threads the follow-up', async () => {
    const { h, profile, row } = setup();
    const lead = addLead(h.store.sqlite, 'ada@lead.test');
    const first = composeApproved(h.store.sqlite, () => h.clock.now(), lead, profile, template);
    h.supervisor.start(profile);
    await until(() => row(first).status === 'performed');
    const [message] = await sink.received(1);
    const mail = await simpleParser(message?.raw ?? '');
    expect(mail.messageId).toBe(row(first).message_id);
    expect(mail.subject).toMatch(/^(Quick question|A question) for Analytical Ltd$/);
    expect(mail.text).toMatch(/^(Hi|Hello) Ada,\n\nDo you (need|want) help\?\n\n-- \nOlga\n1 Main St, Springfield$/);
    expect(mail.html).toMatch(/^<p>(Hi|Hello) Ada,<\/p><p>Do you (need|want) help\?<\/p><p>Olga<\/p><p>1 Main St, Springfield<\/p>$/);
    expect(message?.raw).toMatch(/^List-Unsubscribe: <mailto:olga@outpost\.test\?subject=unsubscribe>,\s+<https:\/\/t\.outpost\.test\/u\/[0-9a-f]{32}>\r?$/m);
    expect(message?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(JSON.parse(row(first).smtp_response ?? '{}')).toMatchObject({ code: 250 });

    const followUp = composeApproved(h.store.sqlite, () => h.clock.now(), lead, profile, { subject: 'Following up', body: 'Any news, {{first_name}}?' });
    h.clock.advance(1_000);
    await until(() => row(followUp).status === 'performed');
    const second = await simpleParser((await sink.received(2))[1]?.raw ?? '');
    expect(second.inReplyTo).toBe(mail.messageId);
    expect(second.references).toBe(mail.messageId);
    expect(second.subject).toBe(`Re: ${mail.subject}`);
    expect(second.text).toMatch(/^Any news, Ada\?/);
  });

  it('fails a 550 at RCPT at once as permanent and suppresses the address', async () => {
    const { h, profile, row } = setup();
    sink.answer('gone@lead.test', 550);
    const lead = addLead(h.store.sqlite, 'gone@lead.test');
    const id = composeApproved(h.store.sqlite, () => h.clock.now(), lead, profile, template);
    h.supervisor.start(profile);
    await until(() => row(id).status === 'failed');
    expect(row(id)).toMatchObject({ attempts: 1, error_kind: 'permanent' });
    expect(JSON.parse(row(id).smtp_response ?? '{}')).toMatchObject({ code: 550, command: 'RCPT TO' });
    expect(h.store.sqlite.prepare('SELECT value, reason FROM suppressions').all()).toEqual([{ value: 'gone@lead.test', reason: 'hard_bounce' }]);
    expect(h.store.sqlite.prepare('SELECT email_verification FROM leads WHERE id = ?').get(lead)).toEqual({ email_verification: 'invalid' });
    expect(sink.messages).toHaveLength(0);
  });

  it('puts a 451 back to pending with a backoff, then sends it when due', async () => {
    const { h, profile, row } = setup();
    sink.answer('busy@lead.test', 451);
    const id = composeApproved(h.store.sqlite, () => h.clock.now(), addLead(h.store.sqlite, 'busy@lead.test'), profile, template);
    h.supervisor.start(profile);
    await until(() => row(id).attempts === 1 && row(id).status === 'pending');
    expect(row(id)).toMatchObject({ error_kind: 'transient' });
    expect(row(id).due_at).toBeGreaterThan(h.clock.now());
    const messageId = row(id).message_id;
    sink.answer('busy@lead.test', 'accept');
    h.clock.advance(row(id).due_at - h.clock.now() + 1_000);
    await until(() => row(id).status === 'performed');
    expect(row(id).attempts).toBe(2);
    const mail = await simpleParser((await sink.received(1))[0]?.raw ?? '');
    expect(mail.messageId).toBe(messageId);
  });

  it('never resends when the worker died after the send started: the outcome is unknown', async () => {
    const { h, profile, row } = setup();
    sink.hold('slow@lead.test');
    const id = composeApproved(h.store.sqlite, () => h.clock.now(), addLead(h.store.sqlite, 'slow@lead.test'), profile, template);
    h.supervisor.start(profile);
    await sink.received(1);
    h.spawned[0]?.kill();
    await until(() => h.state(profile).state === 'starting');
    h.clock.advance(1_000);
    await until(() => h.state(profile).state === 'online');
    // the lease runs out: with the effect begun and never ended, the item cannot be sent again
    h.clock.advance(60_000);
    h.sweep();
    expect(row(id).status).toBe('unknown');
    // the restarted worker is asked to verify instead: without an IMAP Sent folder it cannot tell, so nothing is resent
    const tries = h.store.sqlite.prepare("SELECT verify_tries FROM unknown_outcomes WHERE work_kind = 'outreach' AND work_id = ?").pluck();
    h.clock.advance(1_000);
    await until(() => row(id).status === 'unknown' && (tries.get(id) as number) >= 1);
    expect(h.store.sqlite.prepare('SELECT outcome FROM effect_ledger WHERE work_kind = ? AND work_id = ?').get('outreach', id)).toMatchObject({ outcome: expect.stringMatching(/started|unknown/) });
    expect(sink.messages).toHaveLength(1);
  });
});
