import { emailPayload, type SendOutput } from '../../../shared/contract/schemas/outreach-send';
import type { WorkItem, WorkOutcome } from '../../../shared/worker-protocol/messages';
import { ChannelError, type ChannelContext } from '../channel';
import { appendToSent } from './append-to-sent';
import { classifySmtpError, SmtpRefusal } from './classify-smtp-error';
import { composeMessage } from './compose-message';
import type { MailboxSession } from './mailbox-session';

/**
 * Sends one outgoing email inside the effect ledger: an SMTP refusal fails the item at once (5xx permanent, a
 * 5xx at RCPT a hard bounce; 4xx transient), a connection lost mid-message leaves the effect unknown.
 */
export async function sendEmail(session: MailboxSession, item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
  const parsed = emailPayload.safeParse(item.params);
  if (!parsed.success) throw new ChannelError('permanent', `email payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const payload = parsed.data;
  const message = await composeMessage(payload, session.settings, session.fromAddress);
  context.progress(`sending to ${payload.to}`);
  let info: { response?: string };
  try {
    info = await context.effect(item.idempotencyKey, async () => {
      try {
        return (await session.smtp.sendMail({ envelope: message.envelope, raw: message.raw })) as { response?: string };
      } catch (error) {
        throw classifySmtpError(error);
      }
    });
  } catch (error) {
    if (!(error instanceof SmtpRefusal)) throw error;
    const output: SendOutput = { messageId: null, smtp: error.smtp, hardBounce: error.hardBounce, sentCopy: null };
    return { outcome: 'failed', errorKind: error.kind, errorText: error.message, effects: [], output, ...(error.network ? { network: true } : {}) };
  }
  const response = info.response ?? '';
  const output: SendOutput = {
    messageId: payload.messageId,
    smtp: { code: Number.parseInt(response, 10) || null, response, command: 'DATA' },
    hardBounce: false,
    sentCopy: session.settings.copyToSent ? await copyToSent(session, message.raw, context) : null,
  };
  return {
    outcome: 'performed',
    output,
    effects: [{ idempotencyKey: item.idempotencyKey, outcome: 'succeeded', externalRef: payload.messageId, detail: { response } }],
  };
}

// The send already happened: a failed copy is logged, never turned into a failed (and retried) send.
async function copyToSent(session: MailboxSession, raw: Buffer, context: ChannelContext): Promise<boolean> {
  try {
    await appendToSent(session.profile, raw);
    return true;
  } catch (error) {
    context.log('warn', 'could not copy the sent message to the Sent folder', { error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
