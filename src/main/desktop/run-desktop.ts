import { join } from 'node:path';
import { app, BrowserWindow, MessageChannelMain, Notification, session, shell, utilityProcess } from 'electron';
import { startCore, type Core } from '../core';
import { resolveDataDir } from '../data-dir';
import { createLogger, logDirOf } from '../logger';
import { resourcesDir } from '../resources-dir';
import { APP_INDEX_URL, APP_ORIGIN } from './app-protocol';
import { installAppMenu } from './app-menu';
import { createDesktopUpdater } from './auto-update';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, parseDeepLink, type DeepLink } from './deep-link';
import { bridgeIpc } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { NotificationPolicy } from './notification-policy';
import { registerAppScheme, serveDashboard } from './register-app-protocol';
import { safeStorageSecretBox } from './safe-storage-secret-box';
import { StatusTray } from './tray';
import { trayView } from './tray-status';
import { createUtilityWorkerHost } from './utility-worker-host';

// The desktop's local API listens here for scripts; 0 would pick a free port each start, which scripts cannot find.
const DEFAULT_API_PORT = 7450;

/** Starts the desktop edition: one instance, the core with utility-process workers, then the window bridged over IPC. */
export function runDesktop(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  // Only the installed app claims outpost:// links; a development checkout must not take them over.
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  const dataDir = resolveDataDir(process.env.OUTPOST_DATA_DIR ?? app.getPath('userData'));
  const logger = createLogger({ file: { logDir: logDirOf(dataDir) } });
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const allowedOrigins = [APP_ORIGIN, ...(devUrl ? [new URL(devUrl).origin] : [])];
  const updater = createDesktopUpdater(logger);
  let core: Core | undefined;
  let win: BrowserWindow | undefined;
  let tray: StatusTray | undefined;
  let pendingOpen: DeepLink | null = deepLinkFromArgv(process.argv);
  let quitting = false;

  const showWindow = () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const openLead = (link: DeepLink | null) => {
    if (!link) return;
    if (!core || !win || win.webContents.isLoading()) {
      pendingOpen = link;
      return;
    }
    showWindow();
    core.services.bus.emit('app.open', { area: 'leads', leadId: link.leadId });
  };

  // The core already runs in this instance; a second launch brings the window forward and passes on its deep link.
  app.on('second-instance', (_event, argv) => {
    showWindow();
    openLead(deepLinkFromArgv(argv));
  });
  // macOS hands deep links to the running app (or the starting one) through open-url, never argv.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLead(parseDeepLink(url));
  });
  app.on('web-contents-created', (_event, contents) => {
    // No page may ever open a webview or another window, whichever window it lives in.
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', showWindow);

  // Quit waits for the workers to stop and the store to close; with an update downloaded, a pre-update backup comes first.
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const stopping = core;
    core = undefined;
    quitting = true;
    updater.stop();
    tray?.destroy();
    const backup = updater.downloaded ? stopping.services.backups.create('pre-update').then(() => undefined) : Promise.resolve();
    void backup
      .catch((error: unknown) => {
        logger.error({ err: error }, 'pre-update backup failed at quit: the update is not installed');
        updater.skipInstallOnQuit();
      })
      .then(() => stopping.stop())
      .catch((error: unknown) => logger.error({ err: error }, 'the core did not stop cleanly'))
      .finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    const rendererDir = join(__dirname, '../renderer');
    serveDashboard(session.defaultSession, rendererDir);
    core = await startCore({
      edition: 'desktop',
      dataDir,
      port: Number(process.env.OUTPOST_PORT ?? DEFAULT_API_PORT),
      dashboardDir: rendererDir,
      logger,
      // Workers run as Electron utility processes here, so the packaged app needs no separate Node binary.
      workerHost: createUtilityWorkerHost(
        { fork: (path, args, options) => utilityProcess.fork(path, args, options), createChannel: () => new MessageChannelMain() },
        join(__dirname, 'worker-main.js'),
        logger,
      ),
      // The OS keychain guards credentials here; safeStorage works only once the app is ready.
      secretBox: safeStorageSecretBox(logger),
      updates: updater,
    });
    const running = core;
    const { bus, supervisor, connectivity, settings, backups } = running.services;

    win = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      iconPath: join(resourcesDir(), 'icon.png'),
      url: devUrl ?? APP_INDEX_URL,
      stateFile: join(app.getPath('userData'), 'window-state.json'),
    });
    // On macOS closing the window keeps the app (and its tray) running, as Mac apps do.
    win.on('close', (event) => {
      if (process.platform === 'darwin' && !quitting) {
        event.preventDefault();
        win?.hide();
      }
    });
    win.webContents.on('did-finish-load', () => {
      const link = pendingOpen;
      pendingOpen = null;
      openLead(link);
    });
    bridgeIpc(win, running.handlers, bus, allowedOrigins, logger);
    installAppMenu({ dev: !app.isPackaged, checkForUpdates: () => void updater.check(), openDataFolder: () => void shell.openPath(dataDir) });

    tray = new StatusTray(join(resourcesDir(), 'tray'), { openDashboard: showWindow, checkForUpdates: () => void updater.check(), quit: () => app.quit() });
    const refreshTray = () => tray?.show(trayView(supervisor.list(), connectivity.view().online));
    refreshTray();
    const notices = new NotificationPolicy();
    bus.subscribe((event) => {
      if (event.name === 'profiles.state' || event.name === 'connectivity.changed') refreshTray();
      const notice = notices.next(event);
      if (!notice || !Notification.isSupported()) return;
      const shown = new Notification({ title: notice.title, body: notice.body });
      shown.on('click', () => {
        showWindow();
        bus.emit('app.open', { area: notice.area });
      });
      shown.show();
    });

    updater.start({
      channel: async () => (await settings.get()).updateChannel,
      publish: (state) => bus.emit('update.state', state),
      async beforeInstall() {
        await backups.create('pre-update');
        if (!core) return;
        const stopping = core;
        core = undefined;
        quitting = true;
        await stopping.stop();
      },
    });
    logger.info({ dataDir, api: running.http.origin }, 'desktop started');
  });
}
