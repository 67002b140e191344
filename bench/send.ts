import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { systemClock } from '../src/shared/clock';
import { EventBus } from '../src/main/event-bus';
import { registerOutreachHooks } from '../src/main/outreach/outreach-hooks';
import { openStore } from '../src/main/store/store';
import { createForkWorkerHost, type WorkerEntry } from '../src/main/supervisor/fork-worker-host';
import { ProfileRows } from '../src/main/supervisor/profile-rows';
import { Supervisor } from '../src/main/supervisor/supervisor';
import { WorkEngine } from '../src/main/work/work-engine';
import { startSmtpSink } from '../tests/helpers/smtp-sink';
import { report } from './measure';

const MESSAGES = Number(process.env.BENCH_SEND_MESSAGES ?? 1_000);
const BODY = 'Hi Ada,\n\nA short note about your pipeline and a question about next quarter.\n\nBest,\nOlga';
const HTML = '<p>Hi Ada,</p><p>A short note about your pipeline and a question about next quarter.</p><p>Best,<br>Olga</p>';

const built = join(__dirname, '../out/main/worker-main.js');
const entry: WorkerEntry = existsSync(built)
  ? { path: built, execArgv: [] }
  : { path: join(__dirname, '../src/workers/worker-main.ts'), execArgv: ['--import', 'tsx'] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/** Raw nodemailer over one pooled connection, the same messages: what the SMTP path costs without Outpost. */
async function rawNodemailer(port: number): Promise<number> {
  const smtp = nodemailer.createTransport({ pool: true, maxConnections: 1, host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  await smtp.sendMail({ from: 'olga@outpost.test', to: 'warm@lead.test', subject: 'warm-up', text: BODY });
  const start = process.hrtime.bigint();
  for (let i = 0; i < MESSAGES; i++) {
    await smtp.sendMail({ from: 'olga@outpost.test', to: `lead${i}@lead.test`, subject: `Hello ${i}`, text: BODY, html: HTML, messageId: `<raw-${i}@outpost.test>` });
  }
  const elapsed = seconds(start);
  smtp.close();
  return MESSAGES / elapsed;
}

/** Send throughput of one mailbox worker (quotas off) to a local SMTP server, against raw nodemailer in the same run. */
export async function benchSend(): Promise<void> {
  const sink = await startSmtpSink();
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-send-'));
  const store = openStore(join(dir, 'outpost.sqlite'));
  const bus = new EventBus();
  // No quota gate: the engine's default lets every item through, so the figure is the send path itself.
  const work = new WorkEngine({ sqlite: store.sqlite, bus, now: Date.now, leaseMs: 60_000 });
  registerOutreachHooks(work, { store });
  const supervisor = new Supervisor({
    profiles: new ProfileRows(store.sqlite, Date.now),
    work,
    host: createForkWorkerHost(entry),
    clock: systemClock,
    bus,
    logger: pino({ level: 'silent' }),
    timing: { tickMs: 50 },
  });
  try {
    console.log(`send: ${MESSAGES} emails (plain + HTML) to smtp-server on 127.0.0.1, one worker from ${entry.path.endsWith('.js') ? 'out/' : 'source (tsx)'}`);
    const baseline = await rawNodemailer(sink.port);
    report('raw nodemailer, pooled connection (baseline)', baseline, 'msg/s');

    const db = store.sqlite;
    const type = db.prepare("SELECT id FROM profile_types WHERE code = 'smtp_imap'").get() as { id: number };
    const settings = { smtp: { host: '127.0.0.1', port: sink.port, security: 'none' }, fromAddress: 'olga@outpost.test', signature: 'Olga', copyToSent: false };
    const profile = Number(
      db.prepare('INSERT INTO profiles (profile_type_id, name, settings, created_at, updated_at) VALUES (?, ?, ?, 0, 0)').run(type.id, 'bench', JSON.stringify(settings))
        .lastInsertRowid,
    );
    const emailType = (db.prepare("SELECT id FROM outreach_types WHERE code = 'email'").get() as { id: number }).id;
    const lead = db.prepare("INSERT INTO leads (first_name, email, email_norm, created_at, updated_at) VALUES ('Ada', ?, ?, 0, 0)");
    // Due in the far future until the worker is online, so the figure leaves out its start.
    const outreach = db.prepare(`INSERT INTO outreach (outreach_type_id, direction, lead_id, profile_id, lead_address, subject, body, body_html, approval,
      idempotency_key, due_at, created_at, updated_at) VALUES (?, 'outgoing', ?, ?, ?, ?, ?, ?, 'approved', ?, 9e15, 0, 0)`);
    db.transaction(() => {
      for (let i = 0; i < MESSAGES; i++) {
        const address = `lead${i}@lead.test`;
        const leadId = Number(lead.run(address, address).lastInsertRowid);
        outreach.run(emailType, leadId, profile, address, `Hello ${i}`, BODY, HTML, `bench-${i}`);
      }
    })();
    const received = sink.messages.length;
    supervisor.start(profile);
    while (supervisor.get(profile)?.state !== 'online') await sleep(5);
    const performed = db.prepare("SELECT COUNT(*) AS n FROM outreach WHERE status = 'performed'").pluck();
    const start = process.hrtime.bigint();
    db.prepare('UPDATE outreach SET due_at = ?').run(Date.now());
    while ((performed.get() as number) < MESSAGES) await sleep(5);
    const rate = MESSAGES / seconds(start);
    if (sink.messages.length - received !== MESSAGES) throw new Error(`the sink got ${sink.messages.length - received} messages, expected ${MESSAGES}`);
    report('one mailbox worker (claim, build, send, record)', rate, 'msg/s', { name: 'raw nodemailer', value: baseline });
  } finally {
    await supervisor.close();
    await store.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
