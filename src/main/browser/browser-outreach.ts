import { browserActionOutput } from '../../shared/browser/browser-outputs';
import { isSuppressed, suppressionText } from '../suppression/is-suppressed';
import type { OutcomeApplier, PayloadBuilder } from '../work/work-hooks';
import type { BrowserSendRow, BrowserStatements } from './browser-statements';

/** True for outreach types a browser profile performs (addressed by a LinkedIn or Facebook profile URL). */
export const isBrowserOutreach = (addressField: string | null): boolean => addressField === 'linkedin' || addressField === 'facebook';

const profileUrlOf = (row: BrowserSendRow): string | null =>
  row.lead_address?.trim() || (row.address_field === 'linkedin' ? row.linkedin_url : row.facebook_url) || null;

/**
 * Builds a browser outreach's payload at claim, inside the claim transaction: the lead's profile URL on the site
 * (stored on the row as its address), the rendered body and the lead's name; aborts by policy when the lead has no such URL or any of its addresses
 * (profile URLs, email) is suppressed.
 */
export function buildBrowserPayload(st: BrowserStatements): PayloadBuilder {
  return (ctx, params) => {
    const row = st.send.get(ctx.recordId);
    if (!row || !isBrowserOutreach(row.address_field)) return params;
    const to = profileUrlOf(row);
    if (!to) return { abort: `the lead has no ${row.address_field === 'linkedin' ? 'LinkedIn' : 'Facebook'} profile URL` };
    for (const probe of [
      { linkedinUrl: row.address_field === 'linkedin' ? to : null, facebookUrl: row.address_field === 'facebook' ? to : null },
      { linkedinUrl: row.linkedin_url, facebookUrl: row.facebook_url, email: row.email },
      { linkedinUrl: row.linkedin_alt_url, facebookUrl: row.facebook_alt_url },
    ]) {
      const hit = isSuppressed(ctx.sqlite, probe);
      if (hit) return { abort: suppressionText(hit) };
    }
    // Kept on the row: a verification after a crash gets the row's own payload, and must look at the same profile.
    st.address.run(to, ctx.now, row.id);
    return { outreachId: row.id, typeCode: row.type_code, to, body: row.body ?? '', leadId: row.lead_id, leadName: row.lead_name };
  };
}

/**
 * Records a browser action's result in the transaction that finishes it: when it happened, the thread or invitation
 * URL and the evidence read back from the page. A verification that found the effect counts as performed.
 */
export function applyBrowserAction(st: BrowserStatements): OutcomeApplier {
  return (ctx, outcome) => {
    const row = st.send.get(ctx.recordId);
    if (!row || !isBrowserOutreach(row.address_field)) return;
    if (outcome.outcome === 'verified') {
      if (outcome.happened !== true) return;
      st.verified.run(ctx.now, ctx.now, row.id);
    } else if (outcome.outcome === 'performed') {
      const output = browserActionOutput.parse(outcome.output);
      const detail = { externalRef: output.externalRef, evidence: output.evidence, alreadyDone: output.alreadyDone, packVersion: output.packVersion };
      st.performed.run(ctx.now, JSON.stringify(detail), ctx.now, row.id);
    }
    ctx.bus.emit('outreach.changed', { reason: outcome.outcome === 'failed' ? 'failed' : 'sent', outreachId: row.id, leadId: row.lead_id });
  };
}
