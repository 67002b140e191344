import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../../../../src/workers/channels/mailbox/inbox/classify-message';
import type { MailFacts } from '../../../../../src/workers/channels/mailbox/inbox/mail-facts';
import { readMessage } from '../../../../../src/workers/channels/mailbox/inbox/read-message';
import { classification, inboxMessage } from '../../../../../src/shared/inbox-check-output';

// A worker that crashes anyway is restarted with backoff: tests/main/supervisor/supervisor.test.ts
// "restarts a crashing worker with growing backoff and marks the profile failed after repeated crashes".

const fixtures = join(import.meta.dirname, 'fixtures');
const sources = readdirSync(fixtures)
  .filter((f) => f.endsWith('.eml'))
  .map((f) => readFileSync(join(fixtures, f)));
let parsed = 0;

const headerNames = ['content-type', 'auto-submitted', 'x-autoreply', 'precedence', 'x-failed-recipients', 'list-unsubscribe', 'subject', 'from', 'return-path', 'x-auto-response-suppress', 'content-language'];
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', 'multipart/report; report-type=delivery-status; boundary=', 'Status: 5.1.1', 'Action: failed\r\nStatus: 9.9.9.9', 'unsubscribe'.repeat(5000), '<'.repeat(20_000), 'a@'.repeat(10_000), '=?utf-8?B?////?=', '\u0000\uFFFF\uD800'),
);

const facts: fc.Arbitrary<MailFacts> = fc.record({
  headers: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...headerNames), fc.string({ maxLength: 20 })), hostileText), { maxLength: 8 }).map((entries) => new Map(entries)),
  fromAddress: fc.option(hostileText, { nil: null }),
  fromName: hostileText,
  to: fc.array(hostileText, { maxLength: 3 }),
  subject: hostileText,
  text: hostileText,
  deliveryStatus: fc.option(hostileText, { nil: null }),
  body: hostileText,
});

const fragments = [
  '\r\n\r\n',
  '\r\n--',
  'Content-Type: multipart/mixed; boundary="b"\r\n',
  'Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns;\r\nFinal-Recipient: rfc822;\r\nAction: failed\r\nStatus: 5.',
  'Content-Transfer-Encoding: base64\r\n\r\n!!!not base64===\r\n',
  'Content-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n=',
  `Subject: ${'=?utf-8?Q?'.repeat(2000)}\r\n`,
  `X-Huge: ${'h'.repeat(200_000)}\r\n`,
  `References: ${'<a@b> '.repeat(20_000)}\r\n`,
  'Content-Type: multipart/alternative; boundary=\r\n',
  '--b--\r\n--b\r\n--b\r\n',
  'From: "unterminated <x@\r\n',
  'Date: Feb 31 99999 25:61:61 +9999\r\n',
  '\u0000\u00ff\u00fe',
];

const mutation = fc.oneof(
  fc.record({ at: fc.nat(), insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ at: fc.nat(), truncate: fc.constant(true) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const mutate = (source: Buffer, mutations: readonly Mutation[]): Buffer => {
  let b = source;
  for (const m of mutations) {
    const at = m.at % (b.length + 1);
    if ('insert' in m) b = Buffer.concat([b.subarray(0, at), Buffer.from(m.insert, 'latin1'), b.subarray(at)]);
    else if ('remove' in m) b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.remove)]);
    else b = b.subarray(0, at);
  }
  return b;
};

const nested = (depth: number): string =>
  depth === 0 ? 'Content-Type: text/plain\r\n\r\nhi\r\n' : `Content-Type: multipart/mixed; boundary="b${depth}"\r\n\r\n--b${depth}\r\n${nested(depth - 1)}--b${depth}--\r\n`;

describe('malformed mail never throws out of parsing and classification', () => {
  it('the classifier returns a valid classification for any facts', () => {
    fc.assert(
      fc.property(facts, (f) => {
        expect(() => classification.parse(classifyMessage(f))).not.toThrow();
      }),
      { numRuns: 400, seed: 20261123 },
    );
  }, 60_000);

  it('mutated real messages (bounces, DSNs, out-of-office, replies) parse and classify to a valid message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (source, mutations) => {
        const message = await readMessage('INBOX', 1, mutate(source, mutations), null);
        parsed++;
        expect(() => inboxMessage.parse(message)).not.toThrow();
      }),
      { numRuns: Number(process.env.MAIL_FUZZ_RUNS ?? 150), seed: Number(process.env.FC_SEED ?? 20261123), endOnFailure: true },
    );
  }, 120_000);

  it.each([
    ['empty', ''],
    ['headers only, no body separator', 'From: a@b.c\r\nSubject: x'],
    ['a 3 MB header', `From: a@b.c\r\nX-Big: ${'x'.repeat(3_000_000)}\r\n\r\nbody`],
    ['a 3 MB header inside a MIME part', `Content-Type: multipart/mixed; boundary="m"\r\n\r\n--m\r\nX-Big: ${'x'.repeat(3_000_000)}\r\n\r\nhi\r\n--m--\r\n`],
    ['a 1 MB body with no "@" in a bounce', `From: MAILER-DAEMON@x.example\r\nX-Failed-Recipients: ${'unsubscribe'.repeat(100_000)}\r\nSubject: Undelivered\r\n\r\n${'x'.repeat(1_000_000)}`],
    ['10,000 headers', `${'X-H: v\r\n'.repeat(10_000)}\r\nbody`],
    ['a DSN with an empty delivery-status part', 'Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\n\r\n--r--\r\n'],
    ['a DSN whose boundary never closes', 'From: MAILER-DAEMON@x\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\nAction: failed\r\n'],
    ['multiparts nested 200 deep', nested(200)],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
  ])('%s', async (_name, text) => {
    const message = await readMessage('INBOX', 7, Buffer.from(text, 'latin1'), 0);
    parsed++;
    expect(inboxMessage.parse(message).messageId).toMatch(/\S/);
  }, 60_000);

  it('counts', () => {
    console.info(`malformed-mail: ${parsed} hostile messages parsed and classified`);
    expect(parsed).toBeGreaterThan(0);
  });
});
