import type { InboxMessage } from '../../shared/inbox-check-output';
import { normaliseEmail } from '../../shared/normalise';
import type { IncomingStatements } from './incoming-statements';

/** The lead an incoming message belongs to and the outgoing row it answers (null when none is known). */
export interface MessageLink {
  readonly leadId: number;
  readonly parentId: number | null;
  readonly outreachTypeId: number | null;
  /** How the lead was found, kept in the row's detail. */
  readonly by: 'thread' | 'bounce_recipient' | 'sender';
}

/** Our Message-IDs the message may answer, most specific first: In-Reply-To, References newest first, the bounced original. */
function threadIds(message: InboxMessage): string[] {
  const ids = [message.inReplyTo, ...[...message.references].reverse(), message.classification.bounce?.originalMessageId ?? null];
  return [...new Set(ids.filter((id): id is string => id !== null && id !== ''))];
}

/**
 * Links a message to a lead: by In-Reply-To/References (or a bounce's quoted original) to one of our outgoing
 * Message-IDs first, else by a bounce's failed recipient or the sender address = the lead's email. The parent
 * of an address match is the lead's latest email from this profile.
 */
export function linkMessage(s: IncomingStatements, message: InboxMessage, profileId: number): MessageLink | null {
  for (const id of threadIds(message)) {
    const parent = s.outgoingByMessageId.get(id);
    if (parent) return { leadId: parent.lead_id, parentId: parent.id, outreachTypeId: parent.outreach_type_id, by: 'thread' };
  }
  const bounce = message.classification.bounce;
  const address = normaliseEmail(bounce ? bounce.recipient : message.from);
  const lead = address === null ? undefined : s.leadByEmail.get(address);
  if (!lead) return null;
  const parent = s.latestOutgoing.get(lead.id, profileId);
  return { leadId: lead.id, parentId: parent?.id ?? null, outreachTypeId: parent?.outreach_type_id ?? null, by: bounce ? 'bounce_recipient' : 'sender' };
}
