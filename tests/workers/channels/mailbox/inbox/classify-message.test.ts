import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../../../src/shared/inbox-check-output';
import { classifyMessage } from '../../../../../src/workers/channels/mailbox/inbox/classify-message';
import { readMail } from '../../../../../src/workers/channels/mailbox/inbox/mail-facts';

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, 'fixtures', name));

type Expected = Pick<Classification, 'kind'> & { bounce?: Partial<NonNullable<Classification['bounce']>>; reason?: RegExp };

const table: [file: string, expected: Expected][] = [
  ['gmail-dsn-hard.eml', { kind: 'hard_bounce', bounce: { status: '5.1.1', recipient: 'bob@example.org', originalMessageId: '<out-1@acme-sales.test>' } }],
  ['postfix-bounce.eml', { kind: 'hard_bounce', bounce: { status: '5.1.1', recipient: 'carol@gone.example', originalMessageId: '<out-2@acme-sales.test>' } }],
  ['postfix-delayed.eml', { kind: 'soft_bounce', bounce: { status: '4.4.1', recipient: 'dave@slow.example', originalMessageId: '<out-3@acme-sales.test>' } }],
  ['exchange-ndr.eml', { kind: 'hard_bounce', bounce: { status: '5.1.10', recipient: 'erin@contoso.example', originalMessageId: '<out-4@acme-sales.test>' } }],
  ['qmail-failure-notice.eml', { kind: 'hard_bounce', bounce: { status: '5.1.1', recipient: 'frank@oldhost.example', originalMessageId: '<out-5@acme-sales.test>' } }],
  ['outlook-ooo.eml', { kind: 'auto_reply', reason: /Auto-Submitted/ }],
  ['gmail-vacation.eml', { kind: 'auto_reply', reason: /Auto-Submitted: auto-replied/ }],
  ['german-ooo-no-headers.eml', { kind: 'auto_reply', reason: /wording/ }],
  ['reply.eml', { kind: 'reply' }],
  ['remove-me.eml', { kind: 'unsubscribe', reason: /remove request/ }],
  ['stop.eml', { kind: 'unsubscribe', reason: /remove request/ }],
  ['mailto-unsubscribe.eml', { kind: 'unsubscribe', reason: /mailto/ }],
];

describe('classifyMessage', () => {
  it.each(table)('%s', async (file, expected) => {
    const { facts } = await readMail(fixture(file));
    const classification = classifyMessage(facts);
    expect(classification.kind).toBe(expected.kind);
    if (expected.reason) expect(classification.reason).toMatch(expected.reason);
    if (expected.bounce) expect(classification.bounce).toMatchObject(expected.bounce);
    else expect(classification.bounce).toBeNull();
  });

  it('keeps a status that blames our sender (5.7.1) soft, so the address is not suppressed', async () => {
    const raw = fixture('postfix-bounce.eml').toString('utf8').replaceAll('5.1.1', '5.7.1');
    const { facts } = await readMail(Buffer.from(raw));
    expect(classifyMessage(facts)).toMatchObject({ kind: 'soft_bounce', bounce: { status: '5.7.1' } });
  });

  it('reads a long human reply that mentions being out of the office as a reply', async () => {
    const raw = fixture('reply.eml')
      .toString('utf8')
      .replace('Sounds interesting.', `Sounds interesting. I was out of the office last week. ${'We are evaluating options for next year. '.repeat(60)}`);
    const { facts } = await readMail(Buffer.from(raw));
    expect(classifyMessage(facts).kind).toBe('reply');
  });
});
