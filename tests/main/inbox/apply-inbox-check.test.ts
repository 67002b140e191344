import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTO_REPLY_DELAY_MS } from '../../../src/main/inbox/apply-inbox-check';
import { InboxQueries } from '../../../src/main/inbox/inbox-queries';
import { startDovecot, type Dovecot } from '../../helpers/dovecot';
import { fixture } from '../../workers/channels/mailbox/inbox/inbox-test-kit';
import { inboxFixture } from './inbox-fixture';

let dovecot: Dovecot;
beforeEach(async () => {
  dovecot = await startDovecot();
}, 30_000);
afterEach(() => dovecot.stop(), 30_000);

/** Bob (sent out-1), Carol (out-2), Ivan (out-8) and Heinz (out-7) as leads; their mail in INBOX and Spam, plus a stranger's unsubscribe. */
async function scenario() {
  const f = inboxFixture();
  const bob = f.addLead('bob@example.org', 'Bob');
  const carol = f.addLead('carol@gone.example', 'Carol');
  const ivan = f.addLead('ivan@shop.example', 'Ivan');
  const heinz = f.addLead('heinz@firma.example', 'Heinz');
  const sent = {
    bob: f.addSent(bob, '<out-1@acme-sales.test>', 'bob@example.org'),
    carol: f.addSent(carol, '<out-2@acme-sales.test>', 'carol@gone.example'),
    ivan: f.addSent(ivan, '<out-8@acme-sales.test>', 'ivan@shop.example'),
    heinz: f.addSent(heinz, '<out-7@acme-sales.test>', 'heinz@firma.example'),
  };
  const enrollments = { bob: f.addEnrollment(bob, f.now + 3_600_000), carol: f.addEnrollment(carol, f.now + 3_600_000), heinz: f.addEnrollment(heinz, f.now + 3_600_000) };
  await dovecot.deliver('INBOX', [fixture('reply.eml'), fixture('postfix-bounce.eml'), fixture('german-ooo-no-headers.eml'), fixture('mailto-unsubscribe.eml')]);
  await dovecot.deliver('Spam', [fixture('remove-me.eml')]);
  return { f, leads: { bob, carol, ivan, heinz }, sent, enrollments };
}

describe('inbox check outcome applier (real Dovecot, real engine and store)', () => {
  it('stores each message once as an incoming row linked to its lead and outgoing message, suppresses, and acts on sequences', async () => {
    const { f, leads, sent, enrollments } = await scenario();
    const checkId = await f.check(dovecot);

    expect(f.incoming().map((r) => [r.lead_id, r.parent_outreach_id, r.incoming_kind, r.lead_address, r.message_id, r.status])).toEqual([
      [leads.bob, sent.bob, 'reply', 'bob@example.org', '<CAF7Yq0reply1@mail.example.org>', 'performed'],
      [leads.carol, sent.carol, 'hard_bounce', 'carol@gone.example', '<20261116172011.4QZ8mK2b3Xz9vXs@mail.acme-sales.test>', 'performed'],
      [leads.heinz, sent.heinz, 'auto_reply', 'heinz@firma.example', '<abc123@firma.example>', 'performed'],
      [leads.ivan, sent.ivan, 'unsubscribe', 'ivan@shop.example', '<remove-me-1@shop.example>', 'performed'],
    ]);
    expect(JSON.parse(f.incoming()[1]?.inbox_detail ?? '{}')).toMatchObject({ folder: 'INBOX', uid: 2, linkedBy: 'thread', bounce: { status: '5.1.1' } });
    expect(f.suppressions()).toEqual([
      { value: 'carol@gone.example', reason: 'hard_bounce', outreach_id: expect.any(Number), deleted_at: null },
      { value: 'ivan@shop.example', reason: 'remove_request', outreach_id: expect.any(Number), deleted_at: null },
      // not a lead, so no row to link, but never to be contacted
      { value: 'judy@corp.example', reason: 'unsubscribe', outreach_id: null, deleted_at: null },
    ]);
    const enrollment = (id: number) => f.sqlite.prepare('SELECT status, stop_reason, next_step_due_at FROM enrollments WHERE id = ?').get(id);
    expect(enrollment(enrollments.bob)).toEqual({ status: 'stopped', stop_reason: 'replied', next_step_due_at: null });
    expect(enrollment(enrollments.carol)).toEqual({ status: 'stopped', stop_reason: 'bounced', next_step_due_at: null });
    expect(enrollment(enrollments.heinz)).toEqual({ status: 'active', stop_reason: null, next_step_due_at: f.now + AUTO_REPLY_DELAY_MS });

    const mark = JSON.parse((f.sqlite.prepare('SELECT inbox_mark FROM profiles WHERE id = ?').get(f.profileId) as { inbox_mark: string }).inbox_mark);
    expect(mark).toMatchObject({ folders: { INBOX: { lastUid: 4 }, Spam: { lastUid: 1 } } });
    const check = f.sqlite.prepare('SELECT status, messages_found, result FROM inbox_checks WHERE id = ?').get(checkId) as { status: string; messages_found: number; result: string };
    expect(check).toMatchObject({ status: 'performed', messages_found: 4 });
    expect(JSON.parse(check.result)).toMatchObject({ read: 5, stored: 4, unmatched: 1, more: false, kinds: { reply: 1, hard_bounce: 1, auto_reply: 1, unsubscribe: 1 } });
    expect(f.events.filter((e) => e.name === 'inbox.received').map((e) => e.payload)).toEqual([
      { profileId: f.profileId, checkId, read: 5, stored: 4, unmatched: 1, kinds: { reply: 1, hard_bounce: 1, auto_reply: 1, unsubscribe: 1 }, leadIds: [leads.bob, leads.carol, leads.heinz, leads.ivan] },
    ]);
  }, 30_000);

  it('reads nothing again from the saved mark, and a UIDVALIDITY change neither duplicates rows nor undoes the operator', async () => {
    const { f } = await scenario();
    await f.check(dovecot);
    const stored = f.incoming();
    await f.check(dovecot);
    expect(f.incoming()).toEqual(stored);
    const second = f.sqlite.prepare('SELECT result FROM inbox_checks ORDER BY id DESC LIMIT 1').get() as { result: string };
    expect(JSON.parse(second.result)).toMatchObject({ read: 0, stored: 0 });

    // The operator lifts Carol's suppression; rereading her bounce after the server renumbered INBOX must not put it back.
    f.sqlite.prepare("UPDATE suppressions SET deleted_at = 1 WHERE value = 'carol@gone.example'").run();
    const mark = JSON.parse((f.sqlite.prepare('SELECT inbox_mark FROM profiles WHERE id = ?').get(f.profileId) as { inbox_mark: string }).inbox_mark);
    await dovecot.setUidValidity('INBOX', Number(mark.folders.INBOX.uidValidity) + 7);
    await f.check(dovecot);
    const third = f.sqlite.prepare('SELECT result FROM inbox_checks ORDER BY id DESC LIMIT 1').get() as { result: string };
    expect(JSON.parse(third.result)).toMatchObject({ read: 4, stored: 0 });
    expect(f.incoming()).toEqual(stored);
    expect(f.suppressions().find((s) => s.value === 'carol@gone.example')?.deleted_at).toBe(1);
  }, 30_000);

  it('queues the next check at once when a check stopped at its cap', async () => {
    const { f } = await scenario();
    f.engine.onClaim('inbox_check', (_ctx, params) => ({ ...params, maxMessages: 3 }));
    const first = await f.check(dovecot);
    const next = f.sqlite.prepare("SELECT id, due_at FROM inbox_checks WHERE status = 'pending'").get() as { id: number; due_at: number };
    expect(next).toEqual({ id: first + 1, due_at: f.now });
    await f.runDue(dovecot, next.id);
    expect(f.incoming()).toHaveLength(4);
    expect(f.sqlite.prepare("SELECT count(*) AS n FROM inbox_checks WHERE status = 'pending'").get()).toEqual({ n: 0 });
  }, 30_000);

  it('lists leads by their newest incoming message and shows a conversation in order', async () => {
    const { f, leads } = await scenario();
    await f.check(dovecot);
    const queries = new InboxQueries(f.sqlite);
    expect(queries.leads({ limit: 10 }).map((e) => [e.leadLabel, e.latest.kind, e.messages])).toEqual([
      ['Ivan', 'unsubscribe', 1],
      ['Heinz', 'auto_reply', 1],
      ['Carol', 'hard_bounce', 1],
      ['Bob', 'reply', 1],
    ]);
    expect(queries.leads({ kind: 'hard_bounce', limit: 10 })).toMatchObject([{ leadId: leads.carol, leadEmail: 'carol@gone.example', kinds: ['hard_bounce'], latest: { folder: 'INBOX', bounce: { recipient: 'carol@gone.example' } } }]);
    expect(queries.leads({ after: f.now, limit: 10 })).toEqual([]);
    const thread = queries.conversation(leads.bob);
    expect(thread?.items.map((m) => [m.direction, m.kind, m.subject])).toEqual([
      ['outgoing', null, 'Hello'],
      ['incoming', 'reply', 'Re: Quick question about Example Org'],
    ]);
    expect(queries.conversation(9999)).toBeNull();
  }, 30_000);
});
