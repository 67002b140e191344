import { existsSync } from 'node:fs';
import { BROWSER_EXECUTABLE_CANDIDATES } from '../../../shared/browser/browser-executables';
import { ChannelError } from '../channel';

/** The configured browser, or the first Chromium-family browser installed; none is a permanent failure. */
export function findExecutable(configured: string | undefined): string {
  if (configured) {
    if (!existsSync(configured)) throw new ChannelError('permanent', `browser settings: executablePath ${configured} does not exist`);
    return configured;
  }
  const found = BROWSER_EXECUTABLE_CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new ChannelError('permanent', 'no Chromium, Chrome or Edge found: install one or set executablePath in the profile settings');
  return found;
}
