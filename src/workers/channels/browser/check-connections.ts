import type { AcceptedConnection, BrowserConnectionsOutput } from '../../../shared/browser/browser-outputs';
import type { WorkItem, WorkOutcome } from '../../../shared/worker-protocol/messages';
import type { ChannelContext } from '../channel';
import { connectionsMark, readMark } from './browser-marks';
import type { BrowserSession } from './browser-session';
import { readRows } from './read-fields';
import { profileKey } from './site-urls';

const iso = (value: string | null | undefined): string | null => {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};

/**
 * Performs a browser connection check: reads the connections list (newest first, at most the pack's
 * maxConnections) and returns those not at the top of the list last time (the mark), with the new mark.
 */
export async function checkConnections(session: BrowserSession, item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
  const { pack } = session;
  const mark = readMark(connectionsMark, item.params.mark);
  const known = new Set(mark.recent.map(profileKey));
  const page = await session.open(new URL(pack.urls.connections, pack.origin).toString());
  const c = pack.connections;
  const rows = await readRows(page, c.row, { profileUrl: c.profileUrl, name: c.name, ...(c.acceptedAt ? { at: c.acceptedAt } : {}) }, pack.limits.maxConnections);
  const listed: AcceptedConnection[] = rows.flatMap((r) => {
    const profileUrl = r.profileUrl ? session.realUrl(r.profileUrl) : null;
    return profileUrl ? [{ profileUrl, name: r.name?.slice(0, 300) ?? null, acceptedAt: iso(r.at) }] : [];
  });
  const accepted = listed.filter((a) => !known.has(profileKey(a.profileUrl)));
  context.progress(`${accepted.length} new of ${listed.length} connections`);
  const output: BrowserConnectionsOutput = { packVersion: pack.version, accepted, mark: { recent: listed.map((a) => a.profileUrl) } };
  return { outcome: 'performed', output, effects: [] };
}
