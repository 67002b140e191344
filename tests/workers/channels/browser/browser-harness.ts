import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, ChannelContext } from '../../../../src/workers/channels/channel';
import { UnknownOutcomeError } from '../../../../src/workers/channels/channel';
import { createBrowserChannel } from '../../../../src/workers/channels/browser/browser-channel';
import type { WorkItem, WorkerProfile } from '../../../../src/shared/worker-protocol/messages';
import { startFixtureSite, type FixtureSite } from '../../../fixtures/sites/fixture-site';

/** Where Debian installs Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The shipped site pack of a site. */
export const packFile = (site: 'linkedin' | 'facebook') => join(__dirname, '../../../../resources/site-packs', site, 'pack.json');

/** A browser profile's welcome, pointed at the fixture site with delays off. */
export function browserProfile(site: FixtureSite, dir: string, type: 'linkedin' | 'facebook', settings: Record<string, unknown> = {}): WorkerProfile {
  mkdirSync(join(dir, 'snapshots'), { recursive: true });
  return {
    id: 41,
    name: `${type} test`,
    typeCode: type,
    settings: {
      baseUrl: site.baseUrl,
      executablePath: CHROMIUM,
      delayScale: 0,
      userDataDir: join(dir, 'browser-profile'),
      snapshotDir: join(dir, 'snapshots'),
      sitePackFile: packFile(type),
      ...settings,
    },
    credentials: {},
  };
}

/** A fixture site, a temp folder and one open browser channel per site type, for a whole test file (few browsers at once). */
export interface BrowserRig {
  readonly site: FixtureSite;
  readonly dir: string;
  readonly channels: Record<'linkedin' | 'facebook', Channel>;
  close(): Promise<void>;
}

/** Starts the rig: the fixture site (no login required unless asked) and the channels of the given types. */
export async function startRig(types: readonly ('linkedin' | 'facebook')[], options: { requireLogin?: boolean } = {}): Promise<BrowserRig> {
  const site = await startFixtureSite({ requireLogin: options.requireLogin ?? false });
  const dir = mkdtempSync(join(tmpdir(), 'outpost-browser-'));
  const channels = {} as Record<'linkedin' | 'facebook', Channel>;
  for (const type of types) {
    const channel = createBrowserChannel();
    await channel.open(browserProfile(site, join(dir, type), type));
    channels[type] = channel;
  }
  return {
    site,
    dir,
    channels,
    async close() {
      for (const channel of Object.values(channels)) await channel.close();
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A context that plays main: accepts every effect once per key (a repeat is refused as main's ledger would). */
export function recordingContext() {
  const started: string[] = [];
  const progress: string[] = [];
  const context: ChannelContext = {
    progress: (note) => progress.push(note),
    log: () => undefined,
    async effect(key, run) {
      if (started.includes(key)) throw new UnknownOutcomeError('the effect was already started');
      started.push(key);
      return run();
    },
  };
  return { context, started, progress };
}

let nextRecord = 1;

/** A work item of the given kind and type with these params. */
export function workItem(kind: WorkItem['kind'], typeCode: string, params: Record<string, unknown>, mode: WorkItem['mode'] = 'perform'): WorkItem {
  const recordId = nextRecord++;
  return { ticket: `${kind}:${recordId}:1`, kind, recordId, typeCode, attempt: 1, idempotencyKey: `${kind}:${recordId}`, target: null, params, mode, leaseExpiresAt: 0 };
}
