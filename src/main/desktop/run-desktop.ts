import { join } from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { startCore, type Core } from '../core';
import { resolveDataDir } from '../data-dir';
import { createLogger } from '../logger';
import { bridgeIpc } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { safeStorageSecretBox } from './safe-storage-secret-box';
import { createUtilityWorkerHost } from './utility-worker-host';

// The desktop's local API listens here for scripts; 0 would pick a free port each start, which scripts cannot find.
const DEFAULT_API_PORT = 7450;

/** Starts the desktop edition: one instance, the core, then the window bridged over IPC. */
export function runDesktop(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const logger = createLogger();
  let core: Core | undefined;
  let win: BrowserWindow | undefined;

  // The core already runs in this instance; a second launch only brings the window forward.
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const stopping = core;
    core = undefined;
    void stopping.stop().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    core = await startCore({
      edition: 'desktop',
      dataDir: resolveDataDir(process.env.OUTPOST_DATA_DIR ?? app.getPath('userData')),
      port: Number(process.env.OUTPOST_PORT ?? DEFAULT_API_PORT),
      dashboardDir: join(__dirname, '../renderer'),
      logger,
      // Workers run as Electron utility processes here, so the packaged app needs no separate Node binary.
      workerHost: createUtilityWorkerHost(join(__dirname, 'worker-main.js')),
      // The OS keychain guards credentials here; safeStorage works only once the app is ready.
      secretBox: safeStorageSecretBox(logger),
    });
    win = createMainWindow();
    bridgeIpc(win, core.handlers, core.services.bus);
  });
}
