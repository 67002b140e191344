import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSentMessage } from '../../../../../src/workers/channels/mailbox/find-sent-message';
import { startDovecot, type Dovecot } from '../../../../helpers/dovecot';
import { dovecotProfile, recordingContext, workItem } from './inbox-test-kit';

let dovecot: Dovecot;
beforeEach(async () => {
  dovecot = await startDovecot();
  await dovecot.deliver('Sent', [
    'From: anna@acme-sales.test\r\nTo: bob@example.org\r\nSubject: Hello\r\nMessage-ID: <out-11@acme-sales.test>\r\n\r\nHi Bob\r\n',
  ]);
}, 30_000);
afterEach(() => dovecot.stop(), 30_000);

const find = (messageId: unknown, settings?: Record<string, unknown>) => {
  const profile = dovecotProfile(dovecot);
  return findSentMessage({ ...profile, settings: { ...profile.settings, ...settings } }, workItem({ messageId }, 'outreach'), recordingContext().context);
};

describe('findSentMessage against Dovecot', () => {
  it('finds a Message-ID in the Sent folder, with or without brackets, and not a similar one', async () => {
    expect(await find('<out-11@acme-sales.test>')).toEqual({ happened: true, externalRef: '<out-11@acme-sales.test>' });
    expect(await find('out-11@acme-sales.test')).toEqual({ happened: true, externalRef: '<out-11@acme-sales.test>' });
    expect(await find('<out-1@acme-sales.test>')).toEqual({ happened: false, externalRef: null });
  }, 30_000);

  it('falls back to the folder the server marks \\Sent when the configured one does not exist', async () => {
    expect(await find('<out-11@acme-sales.test>', { folders: { inbox: 'INBOX', sent: 'Sent Items' } })).toEqual({ happened: true, externalRef: '<out-11@acme-sales.test>' });
  }, 30_000);

  it('cannot tell (null) without a Message-ID or when the mailbox cannot be read', async () => {
    expect(await find(undefined)).toEqual({ happened: null, externalRef: null });
    await dovecot.stop();
    expect(await find('<out-11@acme-sales.test>')).toEqual({ happened: null, externalRef: null });
  }, 30_000);
});
