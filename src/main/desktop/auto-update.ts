import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Logger } from 'pino';
import { systemClock } from '../../shared/clock';
import { defaultUpdateTiming, UpdateController } from './update-controller';
import { resolveUpdateFeed } from './update-feed';

const envMs = (name: string, fallback: number): number => {
  const raw = process.env[name];
  return raw && /^\d+$/.test(raw) ? Number(raw) : fallback;
};

/**
 * The desktop's updater: electron-updater on the generic feed (OUTPOST_UPDATE_URL overrides the packaged default; a
 * local http://127.0.0.1 folder server works for testing, with OUTPOST_UPDATE_FORCE_DEV=1 for an unpackaged app).
 */
export function createDesktopUpdater(logger: Logger): UpdateController {
  const log = logger.child({ part: 'updater' });
  autoUpdater.logger = { info: (m: unknown) => log.info(String(m)), warn: (m: unknown) => log.warn(String(m)), error: (m: unknown) => log.error(String(m)), debug: (m: unknown) => log.debug(String(m)) };
  autoUpdater.setFeedURL(resolveUpdateFeed(process.env.OUTPOST_UPDATE_URL));
  if (process.env.OUTPOST_UPDATE_FORCE_DEV === '1') autoUpdater.forceDevUpdateConfig = true;
  return new UpdateController({
    updater: autoUpdater,
    clock: systemClock,
    logger: log,
    currentVersion: app.getVersion(),
    timing: {
      startDelayMs: envMs('OUTPOST_UPDATE_START_DELAY_MS', defaultUpdateTiming.startDelayMs),
      intervalMs: envMs('OUTPOST_UPDATE_INTERVAL_MS', defaultUpdateTiming.intervalMs),
    },
  });
}
