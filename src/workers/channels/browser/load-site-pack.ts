import { readFileSync } from 'node:fs';
import { parseSitePack, type SitePack } from '../../../shared/browser/site-pack';
import { ChannelError } from '../channel';

/** Reads and validates a site pack file; a missing or bad pack is a permanent failure naming the file and the JSON path. */
export function loadSitePack(file: string): SitePack {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ChannelError('permanent', `site pack ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseSitePack(raw, file);
  } catch (error) {
    throw new ChannelError('permanent', error instanceof Error ? error.message : String(error));
  }
}
