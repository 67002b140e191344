import { browserOutreachParams, type BrowserOutreachParams } from '../../../shared/browser/browser-payloads';
import type { SitePack } from '../../../shared/browser/site-pack';
import type { WorkItem } from '../../../shared/worker-protocol/messages';
import { ChannelError } from '../channel';

/** A browser outreach's params, refused when malformed or meant for the other site. */
export function readOutreachParams(item: WorkItem, pack: SitePack): BrowserOutreachParams {
  const parsed = browserOutreachParams.safeParse({ typeCode: item.typeCode, ...item.params });
  if (!parsed.success) throw new ChannelError('permanent', `outreach params: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (!parsed.data.typeCode.startsWith(`${pack.site}_`)) throw new ChannelError('permanent', `a ${pack.site} profile cannot perform ${parsed.data.typeCode}`);
  return parsed.data;
}
