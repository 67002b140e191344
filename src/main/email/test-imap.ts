import { ImapFlow } from 'imapflow';
import type { ConnectionStep } from '../../shared/contract/schemas/connection-test';
import { errorText, StepLog } from './connection-steps';
import { connectStep, resolveStep, STEP_TIMEOUT_MS, tlsStep, type HostLookup } from './reach-host';
import type { Login, ServerSettings } from './test-smtp';

/** The folders a mailbox profile reads and writes. */
export interface MailboxFolders {
  readonly inbox: string;
  readonly spam: readonly string[];
  readonly sent: string;
}

const imapText = (error: unknown): string => {
  const e = error as { responseText?: unknown; authenticationFailed?: unknown };
  if (typeof e?.responseText === 'string' && e.responseText) return e.responseText;
  return errorText(error);
};

/** Checks the reading side step by step: DNS, TCP, TLS, the login, then that every configured folder exists. Nothing is changed. */
export async function testImap(server: ServerSettings, auth: Login | null, folders: MailboxFolders, lookup: HostLookup): Promise<ConnectionStep[]> {
  const log = new StepLog('imap');
  const address = await resolveStep(log, 'IMAP', server.host, lookup);
  // After a failed step the later ones record themselves as skipped.
  await connectStep(log, 'IMAP', address ?? server.host, server.port);
  if (server.security === 'tls') await tlsStep(log, 'IMAP', server.host, address ?? server.host, server.port);
  else if (server.security === 'none') log.skip('tls', 'plain connection (security: none), for local test servers only');
  if (!auth) {
    if (server.security === 'starttls') log.skip('tls', 'STARTTLS is negotiated at login; no login user set');
    log.skip('auth', 'no login user set');
    log.skip('folders', 'not tried: no login');
    return log.steps;
  }
  const client = new ImapFlow({
    host: address ?? server.host,
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
    servername: server.host,
    auth: { user: auth.user, pass: auth.pass },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: STEP_TIMEOUT_MS,
    greetingTimeout: STEP_TIMEOUT_MS,
    socketTimeout: STEP_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    // With STARTTLS the upgrade happens inside the login connection: the tls step reports what the login saw.
    const loggedIn = await log.run(
      'auth',
      async () => {
        await client.connect();
        const how = server.security === 'starttls' ? ' over STARTTLS' : '';
        return { value: true, message: `logged in as ${auth.user}${how}` };
      },
      (error) =>
        (error as { authenticationFailed?: unknown }).authenticationFailed
          ? `the IMAP server refused the login for ${auth.user}: ${imapText(error)}`
          : `could not log in to the IMAP server: ${imapText(error)}`,
    );
    if (server.security === 'starttls') {
      const at = log.steps.findIndex((s) => s.step === 'auth');
      const tls = loggedIn ? { status: 'ok' as const, message: 'STARTTLS upgrade negotiated at login' } : { status: 'skipped' as const, message: 'negotiated at login (see the auth step)' };
      log.steps.splice(at, 0, { server: 'imap', step: 'tls', ...tls, ms: 0 });
    }
    await log.run(
      'folders',
      async () => {
        const listed = new Set((await client.list()).map((folder) => folder.path));
        const quoted = (paths: readonly string[]) => paths.map((path) => `"${path}"`).join(', ');
        const missing = [folders.inbox, folders.sent].filter((path) => !listed.has(path));
        const spamFound = folders.spam.filter((path) => listed.has(path));
        // The spam list names candidates (servers call it Spam or Junk): one is enough, the inbox check skips the others.
        if (folders.spam.length > 0 && spamFound.length === 0) missing.push(...folders.spam);
        if (missing.length > 0) {
          throw new Error(`${quoted(missing)} ${missing.length === 1 ? 'does' : 'do'} not exist on the server (it has: ${[...listed].slice(0, 20).join(', ')})`);
        }
        const spamMissing = folders.spam.filter((path) => !listed.has(path));
        const note = spamMissing.length > 0 ? ` (${quoted(spamMissing)} not on the server; the inbox check skips ${spamMissing.length === 1 ? 'it' : 'them'})` : '';
        return { value: undefined, message: `found ${quoted([folders.inbox, ...spamFound, folders.sent])}${note}` };
      },
      (error) => `folder check: ${errorText(error)}`,
    );
  } finally {
    await client.logout().catch(() => client.close());
  }
  return log.steps;
}
