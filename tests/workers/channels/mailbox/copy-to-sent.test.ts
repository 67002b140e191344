import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem, WorkerProfile } from '../../../../src/shared/worker-protocol/messages';
import type { ChannelContext } from '../../../../src/workers/channels/channel';
import { createMailboxChannel } from '../../../../src/workers/channels/mailbox/mailbox-channel';
import { startDovecot, type Dovecot } from '../../../helpers/dovecot';
import { startSmtpSink, type SmtpSink } from '../../../helpers/smtp-sink';

let sink: SmtpSink;
let dovecot: Dovecot;
beforeAll(async () => {
  sink = await startSmtpSink();
  dovecot = await startDovecot();
});
afterAll(async () => {
  await sink.close();
  await dovecot.stop();
});

const profile = (): WorkerProfile => ({
  id: 1,
  name: 'box',
  typeCode: 'smtp_imap',
  settings: { ...dovecot.profileSettings, smtp: { host: '127.0.0.1', port: sink.port, security: 'none' }, fromAddress: 'olga@outpost.test', copyToSent: true },
  credentials: { user: dovecot.user, password: dovecot.password },
});

const item = (messageId: string, mode: 'perform' | 'verify'): WorkItem => ({
  ticket: 'outreach:1:1',
  kind: 'outreach',
  recordId: 1,
  typeCode: 'email',
  attempt: 1,
  idempotencyKey: `key-${messageId}`,
  target: { kind: 'lead', id: 7 },
  params: { outreachId: 1, leadId: 7, to: 'ada@lead.test', subject: 'Hello Ada', body: 'Plain body', messageId },
  mode,
  leaseExpiresAt: Date.now() + 60_000,
});

const context: ChannelContext = { progress: () => undefined, log: () => undefined, effect: (_key, run) => run() };

async function sentFolderMessageIds(): Promise<string[]> {
  const client = await dovecot.connect();
  try {
    const lock = await client.getMailboxLock(dovecot.profileSettings.folders.sent);
    try {
      const ids: string[] = [];
      for await (const message of client.fetch('1:*', { source: true, flags: true })) {
        expect(message.flags?.has('\\Seen')).toBe(true);
        ids.push((await simpleParser(message.source ?? Buffer.alloc(0))).messageId ?? '');
      }
      return ids;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

describe('mailbox channel: copy to the Sent folder', () => {
  it('appends the exact sent message to Sent when the mailbox does not keep SMTP sends, and verify then finds it', async () => {
    const channel = createMailboxChannel();
    await channel.open(profile());
    try {
      const outcome = await channel.perform(item('<copy-1@outpost.test>', 'perform'), context);
      expect(outcome).toMatchObject({ outcome: 'performed', output: { sentCopy: true } });
      expect(await sentFolderMessageIds()).toEqual(['<copy-1@outpost.test>']);
      const [delivered] = await sink.received(1);
      expect((await simpleParser(delivered?.raw ?? '')).messageId).toBe('<copy-1@outpost.test>');
      expect(await channel.verify?.(item('<copy-1@outpost.test>', 'verify'), context)).toEqual({ happened: true, externalRef: '<copy-1@outpost.test>' });
      // our own copy may not have been made before a crash: its absence proves nothing
      expect(await channel.verify?.(item('<never-sent@outpost.test>', 'verify'), context)).toEqual({ happened: null, externalRef: null });
    } finally {
      await channel.close();
    }
  });
});
