import { inboxCheckOutput, type IncomingKind, type InboxMessage } from '../../shared/inbox-check-output';
import { normaliseEmail } from '../../shared/normalise';
import type { WorkOutcome } from '../../shared/worker-protocol/messages';
import type { StopReason } from '../sequences/stop-enrollments';
import type { HookContext } from '../work/work-hooks';
import type { IncomingStatements } from './incoming-statements';
import { linkMessage, type MessageLink } from './link-message';

/** How far an out-of-office pushes a lead's next sequence step. */
export const AUTO_REPLY_DELAY_MS = 3 * 86_400_000;

const STOP_REASON: Partial<Record<IncomingKind, StopReason>> = { reply: 'replied', hard_bounce: 'bounced', unsubscribe: 'unsubscribed' };

/** The address to suppress and why, for a hard bounce or an unsubscribe request; null for other kinds. */
function suppression(message: InboxMessage): { email: string; reason: 'hard_bounce' | 'unsubscribe' | 'remove_request' } | null {
  const { kind, reason, bounce } = message.classification;
  if (kind === 'hard_bounce') {
    const email = normaliseEmail(bounce?.recipient);
    return email ? { email, reason: 'hard_bounce' } : null;
  }
  if (kind !== 'unsubscribe') return null;
  const email = normaliseEmail(message.from);
  return email ? { email, reason: reason === 'remove request' ? 'remove_request' : 'unsubscribe' } : null;
}

function store(s: IncomingStatements, ctx: HookContext, message: InboxMessage, link: MessageLink, emailTypeId: number): number | null {
  const { kind, reason, bounce } = message.classification;
  const detail = { folder: message.folder, uid: message.uid, reason, bounce, linkedBy: link.by, fromName: message.fromName, to: message.to };
  const leadAddress = kind === 'hard_bounce' || kind === 'soft_bounce' ? (bounce?.recipient ?? message.from) : message.from;
  const inserted = s.insert.run(
    link.outreachTypeId ?? emailTypeId,
    kind,
    link.leadId,
    ctx.profileId,
    link.parentId,
    leadAddress,
    message.subject,
    message.text,
    message.messageId,
    message.inReplyTo,
    JSON.stringify(message.references),
    JSON.stringify(detail),
    message.date ?? ctx.now,
    ctx.now,
    ctx.now,
    ctx.now,
    ctx.now,
  );
  return inserted.changes > 0 ? Number(inserted.lastInsertRowid) : null;
}

/** Acts on what a message means for the lead's sequences: stop on reply, bounce and unsubscribe; push on an out-of-office. */
function actOnSequences(s: IncomingStatements, ctx: HookContext, kind: IncomingKind, leadId: number): void {
  const stop = STOP_REASON[kind];
  if (stop) s.stopEnrollments(stop, ctx.now, leadId);
  else if (kind === 'auto_reply') s.delayEnrollments.run(ctx.now + AUTO_REPLY_DELAY_MS, ctx.now, leadId, ctx.now + AUTO_REPLY_DELAY_MS);
}

/**
 * Applies a performed inbox check inside the engine's finishing transaction: each message becomes one incoming
 * outreach row linked to its lead (stored once per profile by Message-ID), hard bounces and unsubscribe requests are
 * suppressed, sequences stop or wait, the profile's mark advances, and a follow-up check is queued when more remain.
 */
export function applyInboxCheck(s: IncomingStatements, ctx: HookContext, outcome: WorkOutcome): void {
  if (outcome.outcome !== 'performed') return;
  const output = inboxCheckOutput.parse(outcome.output);
  const emailTypeId = s.emailType.get()?.id;
  if (emailTypeId === undefined) throw new Error('the "email" outreach type is missing from the catalogue');
  const kinds: Partial<Record<IncomingKind, number>> = {};
  const leadIds = new Set<number>();
  let stored = 0;
  let unmatched = 0;
  for (const message of output.messages) {
    const suppress = suppression(message);
    const link = linkMessage(s, message, ctx.profileId);
    if (!link) {
      // No lead to store it under, but the address must still never be contacted.
      unmatched += 1;
      if (suppress) s.suppress.run(suppress.email, suppress.reason, null, `inbox ${message.folder} ${message.messageId}`, ctx.now, ctx.now);
      continue;
    }
    const id = store(s, ctx, message, link, emailTypeId);
    // Stored before (re-read after a UIDVALIDITY change): it was acted on then, and acting again could undo the operator.
    if (id === null) continue;
    stored += 1;
    const kind = message.classification.kind;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    leadIds.add(link.leadId);
    if (suppress) s.suppress.run(suppress.email, suppress.reason, id, `inbox ${message.folder} ${message.messageId}`, ctx.now, ctx.now);
    actOnSequences(s, ctx, kind, link.leadId);
  }
  s.saveMark.run(JSON.stringify(output.mark), ctx.profileId);
  // The engine kept the whole output; the messages now live in outreach rows, so the check keeps a summary.
  s.saveResult.run(JSON.stringify({ mark: output.mark, folders: output.folders, more: output.more, read: output.messages.length, stored, unmatched, kinds }), stored, ctx.recordId);
  if (output.more) s.nextCheck.run(ctx.profileId, ctx.now, ctx.now, ctx.now);
  if (output.messages.length > 0) {
    ctx.bus.emit('inbox.received', { profileId: ctx.profileId, checkId: ctx.recordId, read: output.messages.length, stored, unmatched, kinds, leadIds: [...leadIds] });
  }
}
