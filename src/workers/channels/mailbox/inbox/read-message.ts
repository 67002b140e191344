import { createHash } from 'node:crypto';
import type { InboxMessage } from '../../../../shared/inbox-check-output';
import { classifyMessage } from './classify-message';
import { readMailSafely } from './read-mail-safely';

/** Characters of plain text kept per message: enough to read a reply, bounded so a check's output stays small. */
export const MAX_TEXT_CHARS = 4000;

/** Parses and classifies one fetched message. A message without Message-ID gets a stand-in derived from its bytes, stable across re-reads. */
export async function readMessage(folder: string, uid: number, source: Buffer, internalDate: number | null): Promise<InboxMessage> {
  const mail = await readMailSafely(source);
  const messageId = mail.messageId ?? `<${createHash('sha256').update(source).digest('hex').slice(0, 32)}@no-message-id.outpost.invalid>`;
  return {
    folder,
    uid,
    messageId,
    inReplyTo: mail.inReplyTo,
    references: [...mail.references],
    from: mail.facts.fromAddress,
    fromName: mail.facts.fromName,
    to: [...mail.facts.to],
    subject: mail.facts.subject,
    date: mail.date ?? internalDate,
    text: mail.facts.text.slice(0, MAX_TEXT_CHARS),
    classification: classifyMessage(mail.facts),
  };
}
