import { sendOutput } from '../../shared/contract/schemas/outreach-send';
import type { OutcomeApplier } from '../work/work-hooks';
import type { OutreachStatements } from './outreach-statements';
import type { SuppressionList } from './suppression-check';

/**
 * Records a send's result in the transaction that finishes the item: when it happened, its Message-ID and the
 * SMTP answer; a hard bounce puts the address on the suppression list and marks the lead's email invalid. A
 * verification that found the message in the Sent folder counts as sent.
 */
export function applySendOutcome(st: OutreachStatements, suppressions: SuppressionList): OutcomeApplier {
  return (ctx, outcome) => {
    if (ctx.typeCode !== 'email') return;
    const row = st.row.get(ctx.recordId);
    if (!row) return;
    if (outcome.outcome === 'verified') {
      if (outcome.happened !== true) return;
      st.verifiedSent.run(ctx.now, ctx.now, row.id);
      ctx.bus.emit('outreach.changed', { reason: 'sent', outreachId: row.id, leadId: row.lead_id });
      return;
    }
    const parsed = sendOutput.safeParse(outcome.output);
    const output = parsed.success ? parsed.data : null;
    const smtp = output ? JSON.stringify(output.smtp) : null;
    if (outcome.outcome === 'performed') {
      st.sent.run(ctx.now, output?.messageId ?? row.message_id ?? '', smtp ?? '{}', ctx.now, row.id);
    } else if (smtp !== null) {
      st.response.run(smtp, ctx.now, row.id);
    }
    if (outcome.outcome === 'failed' && output?.hardBounce && row.lead_address) {
      suppressions.addEmail(row.lead_address, 'hard_bounce', row.id, ctx.now);
      st.invalidEmail.run(ctx.now, ctx.now, row.lead_id);
    }
    ctx.bus.emit('outreach.changed', { reason: outcome.outcome === 'performed' ? 'sent' : 'failed', outreachId: row.id, leadId: row.lead_id });
  };
}
