import type { SmtpResponse } from '../../../shared/contract/schemas/outreach-send';
import { ChannelError, PauseError } from '../channel';

/** A send the server or the network refused before the message was accepted: it did not happen. */
export class SmtpRefusal extends ChannelError {
  constructor(
    kind: 'transient' | 'permanent',
    message: string,
    readonly smtp: SmtpResponse,
    readonly hardBounce: boolean,
    network: boolean,
  ) {
    super(kind, message, network);
  }
}

interface NodemailerError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

// Failures that look like no network at all (as opposed to one server refusing).
const NO_NETWORK = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);
// Connection failures before any byte of the message went out: the send did not happen.
const BEFORE_MESSAGE = new Set(['CONN', 'EHLO', 'HELO', 'STARTTLS', 'AUTH PLAIN', 'AUTH LOGIN', 'AUTH', 'MAIL FROM', 'RCPT TO']);

/**
 * Turns a nodemailer failure into an SmtpRefusal when it is known that the message was not accepted (an SMTP
 * reply code, or a connection that failed before the message was sent), or a PauseError when the server refused
 * the login (the mailbox needs the operator, not this message a retry); anything else (a connection lost while
 * the message was in flight) is returned unchanged, so the effect counts as unknown.
 */
export function classifySmtpError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as NodemailerError;
  const command = e.command ?? null;
  const text = e.response ?? e.message ?? 'SMTP failure';
  if (e.code === 'EAUTH' || (typeof e.responseCode === 'number' && e.responseCode >= 500 && command?.startsWith('AUTH'))) {
    return new PauseError('auth_failed', `SMTP login refused: ${text}`);
  }
  if (typeof e.responseCode === 'number') {
    const smtp = { code: e.responseCode, response: text, command };
    const permanent = e.responseCode >= 500;
    return new SmtpRefusal(permanent ? 'permanent' : 'transient', text, smtp, permanent && command === 'RCPT TO', false);
  }
  const code = e.originalCode ?? e.code ?? '';
  const timedOutConnecting = code === 'ETIMEDOUT' && command === 'CONN';
  if (command !== null && (BEFORE_MESSAGE.has(command) || NO_NETWORK.has(code))) {
    return new SmtpRefusal('transient', e.message ?? code, { code: null, response: e.message ?? code, command }, false, NO_NETWORK.has(code) || timedOutConnecting);
  }
  return error;
}
