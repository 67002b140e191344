import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileRow } from '../supervisor/profile-rows';
import { PACK_SITES, sitePackFile } from './site-packs';

/** The persistent browser profile folder of one Outpost profile (cookies survive restarts). */
export const browserProfileDir = (dataDir: string, profileId: number): string => join(dataDir, 'browser-profiles', String(profileId));

/** Where failure screenshots and HTML snapshots are kept. */
export const snapshotDir = (dataDir: string): string => join(dataDir, 'snapshots');

const ownerOnly = (dir: string): string => {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask and ignored for folders that exist: set it outright.
  chmodSync(dir, 0o700);
  return dir;
};

/**
 * Adds what only main knows to a browser profile's welcome settings: its own user-data folder (created owner-only),
 * the snapshot folder and its site pack file. Other profiles' settings pass through unchanged.
 */
export function browserWelcomeSettings(dataDir: string, resources?: string) {
  return (row: Pick<ProfileRow, 'id' | 'type_code' | 'access'>, settings: Record<string, unknown>): Record<string, unknown> => {
    const site = PACK_SITES.find((s) => s === row.type_code);
    if (row.access !== 'rpa' || !site) return settings;
    return {
      ...settings,
      userDataDir: ownerOnly(browserProfileDir(dataDir, row.id)),
      snapshotDir: ownerOnly(snapshotDir(dataDir)),
      sitePackFile: sitePackFile(site, resources),
    };
  };
}
