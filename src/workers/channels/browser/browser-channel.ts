import type { WorkItem, WorkOutcome, WorkerProfile } from '../../../shared/worker-protocol/messages';
import { ChannelError, PauseError, UnknownOutcomeError, type Channel, type ChannelContext } from '../channel';
import { BrowserSession } from './browser-session';
import { checkConnections } from './check-connections';
import { checkConversations } from './check-conversations';
import { MidEffectPause } from './mid-effect-pause';
import { scrapeSource } from './scrape-source';
import { sendInvitation } from './send-invitation';
import { sendMessage } from './send-message';
import { verifyOutreach } from './verify-outreach';

/** The profile type codes a browser serves (access `rpa`). */
export const BROWSER_TYPES = ['linkedin', 'facebook'] as const;

function route(session: BrowserSession, item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
  switch (item.kind) {
    case 'job':
      return scrapeSource(session, item, context);
    case 'inbox_check':
      return checkConversations(session, item, context);
    case 'connection_check':
      return checkConnections(session, item, context);
    case 'outreach':
      if (item.typeCode === 'linkedin_connect' || item.typeCode === 'facebook_friend') return sendInvitation(session, item, context);
      if (item.typeCode === 'linkedin_message' || item.typeCode === 'facebook_message') return sendMessage(session, item, context);
      throw new ChannelError('permanent', `a browser profile does not perform ${item.typeCode} outreach`);
    default:
      throw new ChannelError('permanent', `a browser profile does not perform ${item.kind} items`);
  }
}

/**
 * Every failure keeps a snapshot of the page. A pause seen after an effect's click comes back as a failed outcome
 * that pauses the profile while the effect stays unknown (recorded by the runtime), to be verified, never redone.
 */
async function withSnapshot(session: BrowserSession, item: WorkItem, run: () => Promise<WorkOutcome>): Promise<WorkOutcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MidEffectPause) {
      return { outcome: 'failed', errorKind: 'transient', errorText: error.message, effects: [], pause: error.reason, ...(error.snapshot ? { snapshot: error.snapshot } : {}) };
    }
    if (error instanceof UnknownOutcomeError || (error instanceof ChannelError && error.snapshot)) throw error;
    const snapshot = await session.snapshot(`${item.kind}-${item.recordId}`);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PauseError) throw new PauseError(error.reason, message, snapshot);
    throw new ChannelError(error instanceof ChannelError ? error.kind : 'transient', message, error instanceof ChannelError && error.network, snapshot);
  }
}

/**
 * The browser channel for LinkedIn and Facebook profiles: one persistent browser per profile, driven by the
 * profile's site pack; scrapes sources, sends invitations and messages (confirmed on the page), reads the inbox and
 * new connections, and pauses the profile on a login wall, captcha, rate limit or warning page.
 */
export function createBrowserChannel(): Channel {
  let session: BrowserSession | null = null;
  const opened = (): BrowserSession => {
    if (!session) throw new ChannelError('transient', 'the browser is not open');
    return session;
  };
  return {
    async open(profile: WorkerProfile) {
      session = await BrowserSession.open(profile);
    },
    async perform(item, context) {
      const s = opened();
      await s.pause('action');
      return withSnapshot(s, item, () => route(s, item, context));
    },
    async verify(item) {
      const s = opened();
      return verifyOutreach(s, item);
    },
    async close() {
      await session?.close();
      session = null;
    },
  };
}
