import { ImapFlow } from 'imapflow';
import { ChannelError, PauseError } from '../../channel';
import type { ImapSettings } from './imap-settings';

const NO_NETWORK = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'CONNECT_TIMEOUT', 'ETIMEDOUT']);

/** Turns an IMAP failure into a ChannelError: a refused login pauses the mailbox for the operator, the rest is transient (no network flagged as such). */
export function imapFailure(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const failure = error as { code?: string; authenticationFailed?: boolean; responseText?: string; message?: string };
  if (failure.authenticationFailed) return new PauseError('auth_failed', `IMAP login refused: ${failure.responseText ?? failure.message ?? 'authentication failed'}`);
  const code = failure.code ?? '';
  const text = `IMAP: ${[code, failure.responseText ?? failure.message].filter(Boolean).join(' ')}`;
  return new ChannelError('transient', text, NO_NETWORK.has(code));
}

/** Connects and logs in; the caller must `logout()`. Failures are ChannelErrors. */
export async function connectImap(settings: ImapSettings): Promise<ImapFlow> {
  const { host, port, security } = settings.imap;
  const client = new ImapFlow({
    host,
    port,
    secure: security === 'tls',
    doSTARTTLS: security === 'starttls' ? true : security === 'none' ? false : undefined,
    auth: settings.auth,
    logger: false,
    // An inbox check reads and leaves; IDLE would only keep the connection busy.
    disableAutoIdle: true,
  });
  // Socket errors after connect surface on the next command; without a listener they would crash the worker.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw imapFailure(error);
  }
  return client;
}

/** Logs out, or drops the connection if the server no longer answers. */
export async function closeImap(client: ImapFlow): Promise<void> {
  await client.logout().catch(() => client.close());
}
