import type { MethodOutput } from '../../shared/contract/methods';
import { call } from '../lib/call';
import { createResourceStore } from './resource-store';

/** What is running: edition, version, schema version and data folder. */
export type SystemInfo = MethodOutput<'system.info'>;

/** System information, loaded once at start (it does not change while the core runs). */
export const useSystemInfo = createResourceStore<SystemInfo>(() => call('system.info', {}));

/** How each edition is named on screen. */
export const editionLabels: Record<SystemInfo['edition'], string> = {
  desktop: 'Desktop',
  browser: 'Browser edition',
};
