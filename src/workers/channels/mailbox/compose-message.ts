import MailComposer from 'nodemailer/lib/mail-composer';
import type { EmailPayload } from '../../../shared/contract/schemas/outreach-send';
import type { MailboxSettings } from './mailbox-settings';

/** A message ready for SMTP and IMAP APPEND: its envelope and its exact bytes. */
export interface ComposedMessage {
  readonly envelope: { readonly from: string; readonly to: string[] };
  readonly raw: Buffer;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const footerLines = (signature: string, postalAddress: string): string[] => [signature.trim(), postalAddress.trim()].filter(Boolean);

/** The List-Unsubscribe headers: mailto always, the https one-click form (RFC 8058) only with a public URL. */
function unsubscribeHeaders(mailto: string, url: string | null): Record<string, string> {
  const targets = [`<mailto:${mailto}?subject=unsubscribe>`, ...(url ? [`<${url}>`] : [])];
  return { 'List-Unsubscribe': targets.join(', '), ...(url ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}) };
}

/**
 * Builds the message once, so what goes over SMTP and what is copied to the Sent folder are the same bytes:
 * a plain part always (body, signature, postal address), the HTML part when given, the Message-ID main
 * stored, threading headers for a follow-up and the unsubscribe headers.
 */
export async function composeMessage(payload: EmailPayload, settings: MailboxSettings, fromAddress: string): Promise<ComposedMessage> {
  const footer = footerLines(settings.signature, payload.postalAddress);
  const text = [payload.body.trimEnd(), ...(footer.length ? ['', '-- ', ...footer] : [])].join('\n');
  const html =
    payload.html === null ? undefined : `${payload.html}${footer.map((line) => `<p>${escapeHtml(line).replace(/\n/g, '<br>')}</p>`).join('')}`;
  const composer = new MailComposer({
    from: settings.fromName ? { name: settings.fromName, address: fromAddress } : fromAddress,
    to: payload.to,
    subject: payload.subject,
    text,
    html,
    messageId: payload.messageId,
    inReplyTo: payload.inReplyTo ?? undefined,
    references: payload.references.length ? payload.references : undefined,
    headers: unsubscribeHeaders(settings.unsubscribeMailto ?? fromAddress, payload.unsubscribeUrl),
  });
  const raw = await composer.compile().build();
  return { envelope: { from: fromAddress, to: [payload.to] }, raw };
}
