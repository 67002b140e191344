import type { supportMethods } from '../../../shared/contract/areas/support-methods';
import { toIso } from '../../../shared/iso-time';
import { logDirOf } from '../../logger';
import type { Services } from '../../services';
import { writeSupportBundle } from '../../support/support-bundle';
import type { Handlers } from '../handler-types';
import { supportBundlePath } from '../http/support-bundle-route';

/** Support: write a bundle of logs and state without secrets. */
export const supportHandlers = (s: Services): Pick<Handlers, keyof typeof supportMethods> => ({
  'support.bundle': async () => {
    const bundle = await writeSupportBundle(s);
    return {
      fileName: bundle.fileName,
      path: bundle.path,
      downloadPath: supportBundlePath(bundle.fileName),
      sizeBytes: bundle.sizeBytes,
      createdAt: toIso(s.clock.now()),
      entries: [...bundle.entries],
      logFolder: logDirOf(s.info.dataDir),
    };
  },
});
