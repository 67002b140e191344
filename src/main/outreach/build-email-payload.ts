import { randomUUID } from 'node:crypto';
import { normaliseDomain } from '../../shared/normalise';
import type { PayloadBuilder } from '../work/work-hooks';
import type { OutreachStatements } from './outreach-statements';
import type { SuppressionList } from './suppression-check';
import { threadHeaders } from './thread-headers';

interface MailboxSendSettings {
  fromAddress?: unknown;
  /** Base of the public one-click unsubscribe endpoint (`<public origin>/u`, see unsubscribe-routes.ts); the link is `<base>/<token>`. */
  publicUnsubscribeUrl?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

function mailboxSettings(st: OutreachStatements, profileId: number): { settings: MailboxSendSettings; identity: string | null } {
  const row = st.mailbox.get(profileId);
  if (!row) return { settings: {}, identity: null };
  const defaults = (JSON.parse(row.defaults) as { settings?: MailboxSendSettings }).settings ?? {};
  return { settings: { ...defaults, ...(JSON.parse(row.settings) as MailboxSendSettings) }, identity: row.identity };
}

// The right-hand side names the sender's domain, as receiving servers expect; random on the left so it is unique.
const newMessageId = (from: string | null): string => `<${randomUUID()}@${normaliseDomain(from) ?? 'outpost.local'}>`;

function unsubscribeUrl(st: OutreachStatements, base: string | null, outreachId: number, now: number): string | null {
  if (!base) return null;
  return `${base.replace(/\/+$/, '')}/${st.unsubscribeTokens.tokenFor(outreachId, now)}`;
}

/**
 * Completes an email's payload at claim time, inside the claim transaction: re-checks the suppression list
 * (abort by policy when the address or its domain is listed), stores the Message-ID before any send so a
 * crash cannot lose it, threads a follow-up under the earlier emails to the lead from this mailbox, and adds
 * the HTML body, unsubscribe link and postal address.
 */
export function buildEmailPayload(st: OutreachStatements, suppressions: SuppressionList): PayloadBuilder {
  return (ctx, params) => {
    if (ctx.typeCode !== 'email') return params;
    const row = st.row.get(ctx.recordId);
    if (!row?.lead_address) return { abort: 'the lead has no email address' };
    const suppressed = suppressions.reasonFor(row.lead_address);
    if (suppressed) return { abort: suppressed };
    const { settings, identity } = mailboxSettings(st, ctx.profileId);
    const messageId = row.message_id ?? newMessageId(text(settings.fromAddress) ?? identity);
    // A row that already answers something (an earlier claim threaded it, or a manual reply) keeps its thread.
    const thread =
      row.in_reply_to !== null
        ? { inReplyTo: row.in_reply_to, references: row.thread_references ? (JSON.parse(row.thread_references) as string[]) : [row.in_reply_to], subject: row.subject ?? '' }
        : threadHeaders(st.thread.all(row.lead_id, ctx.profileId, row.id), row.subject ?? '');
    st.setSendHeaders.run(messageId, thread.inReplyTo, thread.references.length ? JSON.stringify(thread.references) : null, thread.subject, ctx.now, row.id);
    const postal = st.postalAddress.get();
    return {
      ...params,
      to: row.lead_address,
      subject: thread.subject,
      html: row.body_html,
      messageId,
      inReplyTo: thread.inReplyTo,
      references: thread.references,
      unsubscribeUrl: unsubscribeUrl(st, text(settings.publicUnsubscribeUrl), row.id, ctx.now),
      postalAddress: postal ? (JSON.parse(postal.value) as string) : '',
    };
  };
}
