import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../src/main/event-bus';
import { applyInboxCheck } from '../src/main/inbox/apply-inbox-check';
import { IncomingStatements } from '../src/main/inbox/incoming-statements';
import { openStore } from '../src/main/store/store';
import type { InboxCheckOutput, InboxMark } from '../src/shared/inbox-check-output';
import type { WorkItem, WorkOutcome } from '../src/shared/worker-protocol/messages';
import { checkInbox } from '../src/workers/channels/mailbox/check-inbox';
import { startDovecot, type Dovecot } from '../tests/helpers/dovecot';
import { report } from './measure';

const MESSAGES = 10_000;
const INCREMENT = 200;

const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** A plausible reply from lead n to our message n (about 1.5 KB, with a quoted part); every 20th is an out-of-office. */
function message(n: number): string {
  const ooo = n % 20 === 0;
  return [
    `From: Lead ${n} <lead${n}@bench${n % 500}.example>`,
    'To: Anna Sales <anna@acme-sales.test>',
    `Subject: ${ooo ? 'Automatic reply' : 'Re'}: Quick question ${n}`,
    `Date: Mon, 16 Nov 2026 18:02:11 +0000`,
    `Message-ID: <reply-${n}@bench.example>`,
    `In-Reply-To: <out-${n}@acme-sales.test>`,
    `References: <out-${n}@acme-sales.test>`,
    ...(ooo ? ['Auto-Submitted: auto-replied'] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    ooo ? 'I am out of the office until Monday.' : `Hi Anna,\n\nThanks, message ${n} sounds interesting. ${'Let us talk next week about pricing and rollout. '.repeat(12)}\n\nLead`,
    '',
    'On Mon, 16 Nov 2026 at 17:13, Anna Sales <anna@acme-sales.test> wrote:',
    ...Array.from({ length: 8 }, () => '> Hi, a quick question about your tooling and how your team handles outreach today.'),
    '',
  ].join('\r\n');
}

const item = (mark: InboxMark): WorkItem => ({
  ticket: 'inbox_check:1:1',
  kind: 'inbox_check',
  recordId: 1,
  typeCode: 'smtp_imap',
  attempt: 1,
  idempotencyKey: 'inbox_check:1',
  target: null,
  params: { mark },
  mode: 'perform',
  leaseExpiresAt: Date.now() + 3_600_000,
});

/** Runs inbox checks until nothing more remains; returns every outcome's output. */
async function checkAll(dovecot: Dovecot, mark: InboxMark): Promise<InboxCheckOutput[]> {
  const profile = { id: 1, name: 'bench', typeCode: 'smtp_imap', settings: { ...dovecot.profileSettings }, credentials: { user: dovecot.user, password: dovecot.password } };
  const context = { progress: () => undefined, log: () => undefined, effect: () => Promise.reject(new Error('no effects')) };
  const outputs: InboxCheckOutput[] = [];
  for (;;) {
    const outcome: WorkOutcome = await checkInbox(profile, item(outputs.at(-1)?.mark ?? mark), context);
    if (outcome.outcome !== 'performed') throw new Error(`inbox check failed: ${JSON.stringify(outcome)}`);
    const output = outcome.output as InboxCheckOutput;
    outputs.push(output);
    if (!output.more) return outputs;
  }
}

/** The baseline: one raw imapflow FETCH of every message's source, no parsing. */
async function rawFetch(dovecot: Dovecot): Promise<number> {
  const client = await dovecot.connect();
  let count = 0;
  try {
    const lock = await client.getMailboxLock('INBOX', { readOnly: true });
    try {
      for await (const m of client.fetch('1:*', { uid: true, source: true })) if (m.source) count += 1;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  return count;
}

/** Stores the outputs as the engine's applier would, each in one transaction, against leads and sends that match them. */
function applyAll(outputs: InboxCheckOutput[]): { ms: number; stored: number } {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-inbox-'));
  const store = openStore(join(dir, 'outpost.sqlite'));
  try {
    const { sqlite } = store;
    const profileId = Number(
      sqlite.prepare("INSERT INTO profiles (profile_type_id, name, created_at, updated_at) SELECT id, 'bench', 0, 0 FROM profile_types WHERE code = 'smtp_imap'").run().lastInsertRowid,
    );
    const emailType = (sqlite.prepare("SELECT id FROM outreach_types WHERE code = 'email'").get() as { id: number }).id;
    const lead = sqlite.prepare('INSERT INTO leads (email, email_norm, created_at, updated_at) VALUES (?, ?, 0, 0)');
    const sent = sqlite.prepare(
      `INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, message_id, approval, idempotency_key, status, due_at, created_at, updated_at)
       VALUES (?, 'outgoing', ?, ?, ?, 'approved', ?, 'performed', 0, 0, 0)`,
    );
    sqlite.transaction(() => {
      for (let n = 1; n <= MESSAGES + INCREMENT; n++) {
        const email = `lead${n}@bench${n % 500}.example`;
        const leadId = Number(lead.run(email, email).lastInsertRowid);
        sent.run(emailType, leadId, profileId, `<out-${n}@acme-sales.test>`, `send-${n}`);
      }
    })();
    const checkId = Number(sqlite.prepare('INSERT INTO inbox_checks (profile_id, due_at, created_at, updated_at) VALUES (?, 0, 0, 0)').run(profileId).lastInsertRowid);
    const statements = new IncomingStatements(sqlite);
    const bus = new EventBus();
    const start = process.hrtime.bigint();
    for (const output of outputs) {
      const ctx = { sqlite, now: Date.now(), kind: 'inbox_check' as const, recordId: checkId, profileId, typeCode: 'inbox_check', bus };
      sqlite.transaction(() => applyInboxCheck(statements, ctx, { outcome: 'performed', output, effects: [] }))();
    }
    const ms = elapsedMs(start);
    const stored = (sqlite.prepare("SELECT count(*) AS n FROM outreach WHERE direction = 'incoming'").get() as { n: number }).n;
    return { ms, stored };
  } finally {
    void store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Inbox check of a 10,000-message mailbox from scratch and then incrementally, against a raw imapflow fetch of the same messages. */
export async function benchInbox(): Promise<void> {
  console.log(`inbox check (${MESSAGES.toLocaleString('en')} messages in a real Dovecot on 127.0.0.1)`);
  const dovecot = await startDovecot();
  try {
    dovecot.writeMaildir('INBOX', Array.from({ length: MESSAGES }, (_, i) => message(i + 1)));
    // Dovecot indexes new Maildir files on first access; both measured runs then read an indexed mailbox.
    await rawFetch(dovecot);

    let start = process.hrtime.bigint();
    const fetched = await rawFetch(dovecot);
    const baseline = { name: 'raw imapflow fetch', value: fetched / (elapsedMs(start) / 1000) };
    report('raw imapflow FETCH of every message (baseline)', baseline.value, 'messages/s');

    start = process.hrtime.bigint();
    const scratch = await checkAll(dovecot, { folders: {} });
    const scratchMs = elapsedMs(start);
    const read = scratch.reduce((sum, o) => sum + o.messages.length, 0);
    if (read !== MESSAGES) throw new Error(`read ${read} of ${MESSAGES} messages`);
    report(`check from scratch (${scratch.length} checks of <= 1,000)`, read / (scratchMs / 1000), 'messages/s', baseline);

    const mark = scratch.at(-1)?.mark ?? { folders: {} };
    start = process.hrtime.bigint();
    const idle = await checkAll(dovecot, mark);
    report('check with nothing new (connect, EXAMINE, SEARCH)', elapsedMs(start), 'ms');
    if (idle[0]?.messages.length !== 0) throw new Error('an incremental check re-read old messages');

    dovecot.writeMaildir('INBOX', Array.from({ length: INCREMENT }, (_, i) => message(MESSAGES + i + 1)));
    start = process.hrtime.bigint();
    const increment = await checkAll(dovecot, mark);
    const incrementMs = elapsedMs(start);
    report(`incremental check of ${INCREMENT} new messages`, INCREMENT / (incrementMs / 1000), 'messages/s', baseline);

    const applied = applyAll([...scratch, ...increment]);
    if (applied.stored !== MESSAGES + INCREMENT) throw new Error(`stored ${applied.stored} of ${MESSAGES + INCREMENT}`);
    report('main side: store, link and mark (applier)', applied.stored / (applied.ms / 1000), 'messages/s');
  } finally {
    await dovecot.stop();
  }
  console.log('');
}
