import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inboxCheckOutput, type InboxCheckOutput } from '../../../../../src/shared/inbox-check-output';
import type { WorkOutcome } from '../../../../../src/shared/worker-protocol/messages';
import { checkInbox } from '../../../../../src/workers/channels/mailbox/check-inbox';
import { startDovecot, type Dovecot } from '../../../../helpers/dovecot';
import { dovecotProfile, fixture, recordingContext, workItem } from './inbox-test-kit';

let dovecot: Dovecot;
beforeEach(async () => {
  dovecot = await startDovecot();
}, 30_000);
afterEach(() => dovecot.stop(), 30_000);

async function check(params: Record<string, unknown>, password?: string): Promise<{ outcome: WorkOutcome; notes: string[] }> {
  const { context, notes } = recordingContext();
  return { outcome: await checkInbox(dovecotProfile(dovecot, password), workItem(params), context), notes };
}

function performed(outcome: WorkOutcome): InboxCheckOutput {
  if (outcome.outcome !== 'performed') throw new Error(`expected performed, got ${JSON.stringify(outcome)}`);
  return inboxCheckOutput.parse(outcome.output);
}

/** Every message's UID and flags per folder, as another client sees them. */
async function flags(folders: string[]): Promise<Record<string, string[]>> {
  const client = await dovecot.connect();
  const seen: Record<string, string[]> = {};
  try {
    for (const folder of folders) {
      const lock = await client.getMailboxLock(folder, { readOnly: true });
      try {
        for await (const m of client.fetch('1:*', { uid: true, flags: true })) {
          seen[`${folder}/${m.uid}`] = [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort();
        }
      } finally {
        lock.release();
      }
    }
  } finally {
    await client.logout();
  }
  return seen;
}

describe('checkInbox against Dovecot', () => {
  it('reads and classifies the inbox and spam folder, then nothing more from the returned mark, changing nothing on the server', async () => {
    await dovecot.deliver('INBOX', [fixture('reply.eml'), fixture('gmail-dsn-hard.eml'), fixture('outlook-ooo.eml')]);
    await dovecot.deliver('Spam', [fixture('remove-me.eml')]);
    const before = await flags(['INBOX', 'Spam']);

    const { outcome, notes } = await check({ mark: {} });
    const first = performed(outcome);
    expect(outcome).toMatchObject({ hit: true, effects: [] });
    expect(first.messages.map((m) => [m.folder, m.uid, m.messageId, m.classification.kind])).toEqual([
      ['INBOX', 1, '<CAF7Yq0reply1@mail.example.org>', 'reply'],
      ['INBOX', 2, '<5f3e2a1b.1c69fb81.9a2b.0c4d.GMR@mx.google.com>', 'hard_bounce'],
      ['INBOX', 3, '<DB9PR01MB5678ABCDEF@DB9PR01MB5678.eurprd01.prod.outlook.com>', 'auto_reply'],
      ['Spam', 1, '<remove-me-1@shop.example>', 'unsubscribe'],
    ]);
    expect(first.messages[0]).toMatchObject({
      from: 'bob@example.org',
      fromName: 'Bob Buyer',
      to: ['anna@acme-sales.test'],
      inReplyTo: '<out-1@acme-sales.test>',
      references: ['<out-1@acme-sales.test>'],
      subject: 'Re: Quick question about Example Org',
      date: Date.parse('2026-11-16T18:02:11Z'),
    });
    expect(first.messages[0]?.text).toContain('Can we talk on Thursday');
    expect(first.messages[1]?.classification.bounce).toMatchObject({ recipient: 'bob@example.org', originalMessageId: '<out-1@acme-sales.test>' });
    expect(Object.keys(first.mark.folders)).toEqual(['INBOX', 'Spam']);
    expect(first.mark.folders.INBOX?.lastUid).toBe(3);
    expect(first.more).toBe(false);
    expect(notes).toContain('INBOX: 3 of 3 messages');

    const second = performed((await check({ mark: first.mark })).outcome);
    expect(second.messages).toEqual([]);
    expect(second.mark).toEqual(first.mark);

    await dovecot.deliver('INBOX', [fixture('stop.eml')]);
    const third = performed((await check({ mark: JSON.stringify(second.mark) })).outcome);
    expect(third.messages.map((m) => [m.uid, m.classification.kind])).toEqual([[4, 'unsubscribe']]);

    const after = await flags(['INBOX', 'Spam']);
    delete after['INBOX/4'];
    expect(after).toEqual(before);
    expect(before['INBOX/1']).toEqual([]);
  }, 30_000);

  it('reads a folder again from the start when its UIDVALIDITY changed, leaving the other folders alone', async () => {
    await dovecot.deliver('INBOX', [fixture('reply.eml'), fixture('outlook-ooo.eml')]);
    await dovecot.deliver('Spam', [fixture('remove-me.eml')]);
    const first = performed((await check({})).outcome);
    await dovecot.setUidValidity('INBOX', Number(first.mark.folders.INBOX?.uidValidity) + 1000);

    const again = performed((await check({ mark: first.mark })).outcome);
    expect(again.folders).toEqual([
      { path: 'INBOX', uidValidity: String(Number(first.mark.folders.INBOX?.uidValidity) + 1000), read: 2, restarted: true },
      { path: 'Spam', uidValidity: first.mark.folders.Spam?.uidValidity, read: 0, restarted: false },
    ]);
    expect(again.messages.map((m) => m.messageId)).toEqual(first.messages.filter((m) => m.folder === 'INBOX').map((m) => m.messageId));
  }, 30_000);

  it('stops at the per-check cap, says more remain, and continues from there', async () => {
    await dovecot.writeMaildir('INBOX', [1, 2, 3, 4, 5].map((n) => fixture('reply.eml').replace('<CAF7Yq0reply1@mail.example.org>', `<r${n}@mail.example.org>`)));
    const first = performed((await check({ maxMessages: 3 })).outcome);
    expect(first.messages.map((m) => m.messageId)).toEqual(['<r1@mail.example.org>', '<r2@mail.example.org>', '<r3@mail.example.org>']);
    expect(first.more).toBe(true);
    const rest = performed((await check({ mark: first.mark, maxMessages: 3 })).outcome);
    expect(rest.messages.map((m) => m.messageId)).toEqual(['<r4@mail.example.org>', '<r5@mail.example.org>']);
    expect(rest.more).toBe(false);
  }, 30_000);

  it('pauses the mailbox on a refused login and fails transiently when the server is unreachable', async () => {
    await expect(check({}, 'wrong')).rejects.toMatchObject({ name: 'ChannelError', reason: 'auth_failed', message: expect.stringContaining('IMAP login refused') });
    await dovecot.stop();
    expect((await check({})).outcome).toMatchObject({ outcome: 'failed', errorKind: 'transient', errorText: expect.stringContaining('ECONNREFUSED'), network: false });
  }, 30_000);
});
