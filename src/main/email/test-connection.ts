import { z } from 'zod';
import type { ConnectionTestReport } from '../../shared/contract/schemas/connection-test';
import { systemLookup, type HostLookup } from './reach-host';
import { testImap } from './test-imap';
import { testSmtp } from './test-smtp';

const server = z.object({ host: z.string().trim().min(1), port: z.number().int().min(1).max(65535), security: z.enum(['tls', 'starttls', 'none']) });

/** What a connection test reads from a mailbox's settings in force. */
const mailboxServers = z.object({
  smtp: server,
  imap: server,
  folders: z.object({ inbox: z.string().min(1).default('INBOX'), spam: z.array(z.string().min(1)).default([]), sent: z.string().min(1).default('Sent') }).default({ inbox: 'INBOX', spam: [], sent: 'Sent' }),
});

/** Settings a connection test cannot start with, each named by its path (the caller turns this into a bad request). */
export class UnusableSettings extends Error {
  override readonly name = 'UnusableSettings';

  constructor(readonly issues: readonly { readonly path: string; readonly message: string }[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

/**
 * Tests a mailbox's SMTP and IMAP servers step by step (DNS, TCP, TLS, login, and the inbox, spam and sent folders),
 * both sides at once; every step says ok, failed (with why) or skipped, and how long it took. Sends and changes nothing.
 */
export async function testMailboxConnection(
  settings: Record<string, unknown>,
  credentials: Record<string, string>,
  lookup: HostLookup = systemLookup,
): Promise<ConnectionTestReport> {
  const parsed = mailboxServers.safeParse(settings);
  if (!parsed.success) throw new UnusableSettings(parsed.error.issues.map((i) => ({ path: ['settings', ...i.path.map(String)].join('.'), message: i.message })));
  const { smtp, imap, folders } = parsed.data;
  const auth = credentials.user ? { user: credentials.user, pass: credentials.password ?? '' } : null;
  const [smtpSteps, imapSteps] = await Promise.all([testSmtp(smtp, auth, lookup), testImap(imap, auth, folders, lookup)]);
  const steps = [...smtpSteps, ...imapSteps];
  return { ok: steps.every((step) => step.status !== 'failed'), steps };
}
