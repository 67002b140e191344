import Database from 'better-sqlite3';
import type { Dovecot } from '../helpers/dovecot';
import type { SmtpSink } from '../helpers/smtp-sink';
import { CRASH_CSV_MAPPING, type CrashCsvSet } from './crash-csv';
import type { ImportView, OutreachView, Snapshot } from './crash-observer';

/** Calls the API of the life currently running. */
export type Api = <T>(path: string, body?: unknown) => Promise<T>;

/** At most this many messages per mailbox: the email ceiling is 500 a day. */
export const SEND_BUDGET = 450;
const COMPOSE_PER_LIFE = 8;

/** Reads what the API reports as committed now. */
export async function snapshot(api: Api): Promise<Snapshot> {
  const [count, imports, outreach] = await Promise.all([
    api<{ total: number }>('/leads/count'),
    api<{ items: ImportView[] }>('/imports'),
    api<{ items: OutreachView[] }>('/outreach?limit=500'),
  ]);
  return { leads: count.total, imports: imports.items, outreach: outreach.items };
}

/**
 * Adds the mailbox profile (SMTP to the sink, IMAP on Dovecot when there is one) with quotas and policy loose
 * enough never to hold a send back, and starts it; returns its id.
 */
export async function addMailbox(api: Api, sink: SmtpSink, dovecot: Dovecot | null): Promise<number> {
  const imap = dovecot ? { imap: dovecot.profileSettings.imap, folders: dovecot.profileSettings.folders } : {};
  const profile = await api<{ id: number }>('/profiles', {
    typeCode: 'smtp_imap',
    name: 'Crash mailbox',
    settings: { smtp: { host: '127.0.0.1', port: sink.port, security: 'none' }, fromAddress: 'crash@outpost.test', copyToSent: dovecot !== null, ...imap },
    credentials: { user: dovecot?.user ?? 'crash', password: dovecot?.password ?? 'crash-pw' },
    quotas: { email: { max: 500, windowSeconds: 86_400, minGapSeconds: 0, jitterSeconds: 0 } },
    policy: {
      schedule: null,
      rampUp: null,
      maxConsecutiveFailures: 1_000,
      dailyFailedCap: null,
      dailyAbortedCap: null,
      perDomainDailyCap: null,
      inboxCheckSeconds: 60,
    },
  });
  await api(`/profiles/${profile.id}/start`, {});
  return profile.id;
}

/** Starts the next import whose file the app does not have yet (one per call); true when it started one. */
export async function startNextImport(api: Api, csv: CrashCsvSet, seen: readonly ImportView[]): Promise<boolean> {
  const next = csv.files.find((f) => !seen.some((i) => i.fileName === f.fileName));
  if (!next) return false;
  await api('/imports', { fileName: next.fileName, content: Buffer.from(next.text).toString('base64'), mapping: CRASH_CSV_MAPPING });
  return true;
}

/**
 * Approves composed messages still waiting for approval, then composes a few more to leads that have none (every
 * other one given the mailbox, the rest left to the planner) and approves them.
 */
export async function composeAndApprove(api: Api, databaseFile: string, mailbox: number, outreach: readonly OutreachView[]): Promise<void> {
  const outgoing = outreach.filter((o) => o.direction === 'outgoing');
  for (const o of outgoing) if (o.approval === 'pending') await api(`/outreach/${o.id}/approve`, {});
  if (outgoing.length >= SEND_BUDGET) return;
  const targeted = new Set(outgoing.map((o) => o.leadId));
  for (const [n, leadId] of freshLeads(databaseFile, targeted, COMPOSE_PER_LIFE).entries()) {
    const composed = await api<{ id: number }>('/outreach', {
      leadId,
      typeCode: 'email',
      subject: 'A question for {{company.name}}',
      body: 'Hi {{first_name|there}},\n\nMay I ask you something?',
      ...(n % 2 === 0 ? { profileId: mailbox } : {}),
    });
    await api(`/outreach/${composed.id}/approve`, {});
  }
}

function freshLeads(databaseFile: string, targeted: ReadonlySet<number>, count: number): number[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const ids = db.prepare('SELECT id FROM leads WHERE email IS NOT NULL ORDER BY id').pluck().all() as number[];
    return ids.filter((id) => !targeted.has(id)).slice(0, count);
  } finally {
    db.close();
  }
}

/** Puts replies from the first people of the first file into the inbox; their Message-IDs. */
export async function deliverReplies(dovecot: Dovecot, csv: CrashCsvSet, count: number): Promise<string[]> {
  const first = csv.files[0]?.text ?? '';
  const emails = [...new Set([...first.matchAll(/,(p\d+\.f0@[^,]+),/g)].map((m) => m[1] as string))].slice(0, count);
  const ids = emails.map((_, i) => `<crash-reply-${i}@lead.test>`);
  await dovecot.deliver(
    'INBOX',
    emails.map((from, i) =>
      [`From: ${from}`, 'To: crash@outpost.test', 'Subject: Re: our talk', `Message-ID: ${ids[i]}`, 'Date: Mon, 16 Nov 2026 18:02:11 +0000', '', 'Thursday works for me.', ''].join('\r\n'),
    ),
  );
  return ids;
}
