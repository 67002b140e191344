import type { WorkItem } from '../../../shared/worker-protocol/messages';
import { PauseError, type Verification } from '../channel';
import type { BrowserSession } from './browser-session';
import { readOutreachParams } from './outreach-params';
import { profileState } from './profile-state';
import { readRows } from './read-fields';
import { countSent, openThread } from './send-message';
import { profileKey } from './site-urls';

const unknown: Verification = { happened: null, externalRef: null };

async function invitationSent(session: BrowserSession, to: string): Promise<Verification> {
  const { pack } = session;
  const page = await session.open(new URL(pack.urls.sentInvitations, pack.origin).toString());
  const rows = await readRows(page, pack.invitations.row, { profileUrl: pack.invitations.profileUrl }, pack.limits.maxConnections);
  const wanted = profileKey(to);
  if (rows.some((r) => r.profileUrl && profileKey(session.realUrl(r.profileUrl) ?? '') === wanted)) return { happened: true, externalRef: to };
  // Not pending (any more): it may have been accepted already; a connect control still there means it never went.
  await session.open(to);
  const state = await profileState(await session.page(), pack);
  if (state === 'pending' || state === 'connected') return { happened: true, externalRef: to };
  return state === 'unknown' ? unknown : { happened: false, externalRef: null };
}

async function messageSent(session: BrowserSession, to: string, body: string): Promise<Verification> {
  const page = await openThread(session, to);
  const sent = await countSent(page, session.pack, body);
  return { happened: sent > 0, externalRef: sent > 0 ? session.realUrl(page.url()) : null };
}

/**
 * Tells whether an earlier attempt's invitation or message happened: the sent invitations (or the profile's state),
 * or one of our messages with this text in the thread. Pages that need the operator pause as in perform; anything
 * else that goes wrong answers "cannot tell".
 */
export async function verifyOutreach(session: BrowserSession, item: WorkItem): Promise<Verification> {
  if (item.kind !== 'outreach') return unknown;
  const params = readOutreachParams(item, session.pack);
  try {
    if (params.typeCode.endsWith('_message')) return await messageSent(session, params.to, params.body?.trim() ?? '');
    return await invitationSent(session, params.to);
  } catch (error) {
    if (error instanceof PauseError) throw error;
    return unknown;
  }
}
