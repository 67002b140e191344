import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HookContext, OutcomeApplier, PayloadBuilder } from '../../../src/main/work/work-hooks';
import { registerOutreachHooks } from '../../../src/main/outreach/outreach-hooks';
import type { WorkOutcome } from '../../../src/shared/worker-protocol/messages';
import { startTestCore, type TestCore } from '../../helpers/test-core';
import { addLead, addMailbox } from './outreach-fixtures';

let t: TestCore;
let build: PayloadBuilder;
let apply: OutcomeApplier;
beforeEach(async () => {
  t = await startTestCore();
  registerOutreachHooks(
    {
      onClaim: (_kind, b) => void (build = b),
      onOutcome: (_kind, a) => void (apply = a),
    },
    t.core.services,
  );
});
afterEach(() => t.stop());

const sqlite = () => t.core.services.store.sqlite;
const post = async (path: string, body: unknown) => {
  const response = await t.api(`/api/v1${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const ctx = (recordId: number, profileId: number, now = 1_000): HookContext => ({
  sqlite: sqlite(),
  now,
  kind: 'outreach',
  recordId,
  profileId,
  typeCode: 'email',
  bus: t.core.services.bus,
});

async function composeApproved(leadId: number, profileId: number, subject = 'Hello {{first_name}}'): Promise<number> {
  const composed = await post('/outreach', { leadId, typeCode: 'email', subject, body: 'Hi {{first_name|there}}', html: '<p>Hi {{first_name}}</p>', profileId });
  expect(composed.status).toBe(200);
  const id = composed.body.id as number;
  expect((await post(`/outreach/${id}/approve`, {})).status).toBe(200);
  return id;
}

/** Finishes a send the way the engine does: the row performed, then the applier. */
function finishSent(id: number, profile: number, messageId: string, at: number): void {
  sqlite().prepare("UPDATE outreach SET status = 'performed' WHERE id = ?").run(id);
  apply(ctx(id, profile, at), sent(messageId));
}

const sent = (messageId: string): WorkOutcome => ({
  outcome: 'performed',
  output: { messageId, smtp: { code: 250, response: '250 OK: queued', command: 'DATA' }, hardBounce: false, sentCopy: null },
  effects: [],
});

describe('email payload at claim', () => {
  it('stores a Message-ID on the sender domain before the send and keeps it, with unsubscribe link and postal address', async () => {
    sqlite().prepare("INSERT INTO settings (key, value, updated_at) VALUES ('postalAddress', ?, 0)").run(JSON.stringify('1 Main St'));
    const profile = addMailbox(sqlite(), { fromAddress: 'olga@outpost.test', publicUnsubscribeUrl: 'https://t.outpost.test/u/' });
    const lead = addLead(sqlite(), 'Ada@Lead.test');
    const id = await composeApproved(lead, profile);
    const first = build(ctx(id, profile), { outreachId: id }) as Record<string, unknown>;
    expect(first).toMatchObject({ to: 'Ada@Lead.test', subject: 'Hello Ada', html: '<p>Hi Ada</p>', inReplyTo: null, references: [], postalAddress: '1 Main St' });
    expect(first.messageId).toMatch(/^<[0-9a-f-]{36}@outpost\.test>$/);
    expect(first.unsubscribeUrl).toMatch(/^https:\/\/t\.outpost\.test\/u\/[0-9a-f]{32}$/);
    const row = sqlite().prepare('SELECT message_id FROM outreach WHERE id = ?').get(id) as { message_id: string };
    expect(row.message_id).toBe(first.messageId);
    const again = build(ctx(id, profile), { outreachId: id }) as Record<string, unknown>;
    expect(again.messageId).toBe(first.messageId);
    expect(again.unsubscribeUrl).toBe(first.unsubscribeUrl);
  });

  it('threads a follow-up under the earlier emails to the lead from the same mailbox', async () => {
    const profile = addMailbox(sqlite(), { fromAddress: 'olga@outpost.test' });
    const other = addMailbox(sqlite(), { fromAddress: 'max@outpost.test' });
    const lead = addLead(sqlite(), 'ada@lead.test');
    const first = await composeApproved(lead, profile, 'Quick question');
    const firstId = (build(ctx(first, profile), {}) as { messageId: string }).messageId;
    finishSent(first, profile, firstId, 2_000);
    const elsewhere = await composeApproved(lead, other, 'From another mailbox');
    expect(build(ctx(elsewhere, other), {})).toMatchObject({ inReplyTo: null, subject: 'From another mailbox' });
    const second = await composeApproved(lead, profile, 'Following up');
    const secondId = (build(ctx(second, profile), {}) as { messageId: string }).messageId;
    finishSent(second, profile, secondId, 3_000);
    const third = await composeApproved(lead, profile, 'Last try');
    expect(build(ctx(third, profile), {})).toMatchObject({ inReplyTo: secondId, references: [firstId, secondId], subject: 'Re: Quick question' });
    const row = sqlite().prepare('SELECT subject, in_reply_to, thread_references FROM outreach WHERE id = ?').get(third);
    expect(row).toEqual({ subject: 'Re: Quick question', in_reply_to: secondId, thread_references: JSON.stringify([firstId, secondId]) });
    expect(sqlite().prepare('SELECT occurred_at, smtp_response FROM outreach WHERE id = ?').get(first)).toEqual({
      occurred_at: 2_000,
      smtp_response: JSON.stringify({ code: 250, response: '250 OK: queued', command: 'DATA' }),
    });
  });

  it('aborts by policy when the address or its domain was suppressed after approval', async () => {
    const profile = addMailbox(sqlite(), { fromAddress: 'olga@outpost.test' });
    const a = await composeApproved(addLead(sqlite(), 'ada@lead.test'), profile);
    const b = await composeApproved(addLead(sqlite(), 'bob@blocked.test', 'Bob', 'Blocked Inc'), profile);
    sqlite().prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('email', 'ada@lead.test', 'unsubscribe', 0, 0)").run();
    sqlite().prepare("INSERT INTO suppressions (kind, value, reason, created_at, updated_at) VALUES ('domain', 'blocked.test', 'operator', 0, 0)").run();
    expect(build(ctx(a, profile), {})).toEqual({ abort: 'suppressed: email ada@lead.test (unsubscribe)' });
    expect(build(ctx(b, profile), {})).toEqual({ abort: 'suppressed: domain blocked.test (operator)' });
  });
});

describe('send outcome', () => {
  it('suppresses a hard-bounced address, marks the lead invalid and keeps the SMTP response', async () => {
    const profile = addMailbox(sqlite(), { fromAddress: 'olga@outpost.test' });
    const lead = addLead(sqlite(), 'Ada@Lead.test');
    const id = await composeApproved(lead, profile);
    build(ctx(id, profile), {});
    const smtp = { code: 550, response: '550 5.1.1 <Ada@Lead.test>: User unknown', command: 'RCPT TO' };
    apply(ctx(id, profile, 5_000), { outcome: 'failed', errorKind: 'permanent', errorText: smtp.response, effects: [], output: { messageId: null, smtp, hardBounce: true, sentCopy: null } });
    expect(sqlite().prepare('SELECT kind, value, reason, outreach_id FROM suppressions').all()).toEqual([{ kind: 'email', value: 'ada@lead.test', reason: 'hard_bounce', outreach_id: id }]);
    expect(sqlite().prepare('SELECT email_verification, email_verified_at FROM leads WHERE id = ?').get(lead)).toEqual({ email_verification: 'invalid', email_verified_at: 5_000 });
    const list = await t.api(`/api/v1/outreach?leadId=${lead}`);
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([expect.objectContaining({ id, smtpResponse: smtp })]);
    // a second bounce of the same address adds nothing
    apply(ctx(id, profile, 6_000), { outcome: 'failed', errorKind: 'permanent', errorText: smtp.response, effects: [], output: { messageId: null, smtp, hardBounce: true, sentCopy: null } });
    expect(sqlite().prepare('SELECT COUNT(*) AS n FROM suppressions').get()).toEqual({ n: 1 });
  });

  it('counts a send that a verification found in the Sent folder as sent, at the time it was learnt', async () => {
    const profile = addMailbox(sqlite(), { fromAddress: 'olga@outpost.test' });
    const id = await composeApproved(addLead(sqlite(), 'ada@lead.test'), profile);
    apply(ctx(id, profile, 7_000), { outcome: 'verified', happened: null, externalRef: null });
    expect(sqlite().prepare('SELECT occurred_at FROM outreach WHERE id = ?').get(id)).toEqual({ occurred_at: null });
    apply(ctx(id, profile, 8_000), { outcome: 'verified', happened: true, externalRef: '<m@outpost.test>' });
    expect(sqlite().prepare('SELECT occurred_at FROM outreach WHERE id = ?').get(id)).toEqual({ occurred_at: 8_000 });
  });

  it('does not suppress on a transient refusal', async () => {
    const profile = addMailbox(sqlite(), { fromAddress: 'olga@outpost.test' });
    const id = await composeApproved(addLead(sqlite(), 'ada@lead.test'), profile);
    const smtp = { code: 451, response: '451 4.7.1 Try again later', command: 'RCPT TO' };
    apply(ctx(id, profile), { outcome: 'failed', errorKind: 'transient', errorText: smtp.response, effects: [], output: { messageId: null, smtp, hardBounce: false, sentCopy: null } });
    expect(sqlite().prepare('SELECT COUNT(*) AS n FROM suppressions').get()).toEqual({ n: 0 });
  });
});
