import { browserConnectionsOutput, browserInboxOutput } from '../../shared/browser/browser-outputs';
import { normaliseFacebookUrl, normaliseLinkedinUrl } from '../../shared/normalise';
import type { WorkOutcome } from '../../shared/worker-protocol/messages';
import { stopEnrollments } from '../sequences/stop-enrollments';
import type { HookContext } from '../work/work-hooks';
import type { BrowserStatements } from './browser-statements';

type Site = 'linkedin' | 'facebook';

const MESSAGE_TYPE: Record<Site, string> = { linkedin: 'linkedin_message', facebook: 'facebook_message' };
const CONNECT_TYPE: Record<Site, string> = { linkedin: 'linkedin_connect', facebook: 'facebook_friend' };

/** The live lead a profile URL on the site belongs to (its primary or alternative form), or null. */
function leadOf(st: BrowserStatements, site: Site, profileUrl: string): number | null {
  const norm = site === 'linkedin' ? normaliseLinkedinUrl(profileUrl) : normaliseFacebookUrl(profileUrl);
  if (!norm) return null;
  return (site === 'linkedin' ? st.leadByLinkedin : st.leadByFacebook).get(norm, norm)?.id ?? null;
}

function typeId(st: BrowserStatements, code: string): number {
  const row = st.typeId.get(code);
  if (!row) throw new Error(`the "${code}" outreach type is missing from the catalogue`);
  return row.id;
}

const isoMs = (iso: string | null, fallback: number): number => (iso === null ? fallback : Date.parse(iso));

/**
 * Applies a browser profile's performed inbox check: each incoming message from a known lead becomes one incoming
 * outreach row (stored once per profile by its external id) answering our last outgoing row on that site, a reply
 * stops the lead's enrollments, and the profile's inbox mark advances.
 */
export function applyBrowserInbox(st: BrowserStatements, ctx: HookContext, site: Site, outcome: WorkOutcome): void {
  if (outcome.outcome !== 'performed') return;
  const output = browserInboxOutput.parse(outcome.output);
  const leadIds = new Set<number>();
  let stored = 0;
  let unmatched = 0;
  const incoming = output.messages.filter((m) => m.direction === 'incoming');
  for (const m of incoming) {
    const leadId = leadOf(st, site, m.profileUrl);
    if (leadId === null) {
      unmatched += 1;
      continue;
    }
    const parent = st.lastOutgoing.get(leadId, ctx.profileId, site);
    const detail = JSON.stringify({ site, threadUrl: m.threadUrl, fromName: m.name, packVersion: output.packVersion });
    const { now } = ctx;
    const inserted = st.insertIncoming.run(parent?.outreach_type_id ?? typeId(st, MESSAGE_TYPE[site]), leadId, ctx.profileId, parent?.id ?? null,
      m.profileUrl, m.text, m.externalId, detail, isoMs(m.sentAt, now), now, now, now, now);
    // Stored before: it was acted on then, and stopping again could undo the operator.
    if (inserted.changes === 0) continue;
    stored += 1;
    leadIds.add(leadId);
    stopEnrollments(ctx.sqlite, { leadId, reason: 'replied', now });
  }
  st.inboxMark.run(JSON.stringify(output.mark), ctx.profileId);
  st.inboxResult.run(JSON.stringify({ mark: output.mark, read: output.messages.length, stored, unmatched, packVersion: output.packVersion }), stored, ctx.recordId);
  if (incoming.length > 0) {
    ctx.bus.emit('inbox.received', { profileId: ctx.profileId, checkId: ctx.recordId, read: incoming.length, stored, unmatched, kinds: stored > 0 ? { reply: stored } : {}, leadIds: [...leadIds] });
  }
}

/**
 * Applies a browser profile's performed connection check: each accepted invitation or friend request from a known
 * lead becomes one `accepted` outreach row linked to our connect row, and the profile's connection mark advances.
 */
export function applyBrowserConnections(st: BrowserStatements, ctx: HookContext, site: Site, outcome: WorkOutcome): void {
  if (outcome.outcome !== 'performed') return;
  const output = browserConnectionsOutput.parse(outcome.output);
  let stored = 0;
  let unmatched = 0;
  for (const a of output.accepted) {
    const leadId = leadOf(st, site, a.profileUrl);
    if (leadId === null) {
      unmatched += 1;
      continue;
    }
    const parent = st.lastConnect.get(leadId, ctx.profileId, site);
    const key = `accepted:${site === 'linkedin' ? normaliseLinkedinUrl(a.profileUrl) : normaliseFacebookUrl(a.profileUrl)}`;
    const detail = JSON.stringify({ site, name: a.name, packVersion: output.packVersion });
    const { now } = ctx;
    const inserted = st.insertAccepted.run(parent?.outreach_type_id ?? typeId(st, CONNECT_TYPE[site]), leadId, ctx.profileId, parent?.id ?? null,
      a.profileUrl, key, detail, isoMs(a.acceptedAt, now), now, now, now, now);
    if (inserted.changes === 0) continue;
    stored += 1;
    ctx.bus.emit('outreach.changed', { reason: 'sent', outreachId: Number(inserted.lastInsertRowid), leadId });
  }
  st.connectionMark.run(JSON.stringify(output.mark), ctx.profileId);
  st.connectionResult.run(JSON.stringify({ mark: output.mark, read: output.accepted.length, stored, unmatched, packVersion: output.packVersion }), stored, ctx.recordId);
}
