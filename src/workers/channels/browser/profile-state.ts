import type { Page } from 'playwright-core';
import type { SitePack } from '../../../shared/browser/site-pack';
import { isVisible, waitForAny } from './page-input';

/** Where the user stands with the person whose profile is open. */
export type ProfileState = 'pending' | 'connected' | 'connectable' | 'in_menu' | 'unknown';

/** Reads the profile's action area once one of its controls has shown. */
export async function profileState(page: Page, pack: SitePack): Promise<ProfileState> {
  const p = pack.profile;
  await waitForAny(page, [p.pending, p.connected, p.connect, p.moreMenu]);
  if (await isVisible(page, p.pending)) return 'pending';
  if (await isVisible(page, p.connected)) return 'connected';
  if (await isVisible(page, p.connect)) return 'connectable';
  if (p.moreMenu && (await isVisible(page, p.moreMenu))) return 'in_menu';
  return 'unknown';
}
