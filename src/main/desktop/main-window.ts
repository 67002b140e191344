import { BrowserWindow, screen, shell } from 'electron';
import { decideWindowOpen } from './external-links';
import { loadWindowState, placeWindow, saveWindowState, MIN_WINDOW } from './window-state';

/** Where the window's files and remembered state are. */
export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly iconPath: string;
  /** `app://outpost/index.html`, or the dev server's URL under `npm run app`. */
  readonly url: string;
  /** `<userData>/window-state.json`. */
  readonly stateFile: string;
}

/** Follows Electron's security checklist: isolated, sandboxed, no Node, no webviews, no navigation, no permissions. */
function lockDown(win: BrowserWindow): void {
  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.action === 'open-external') void shell.openExternal(decision.url);
    return { action: 'deny' };
  });
  // The dashboard is one page with hash routing: any real navigation (a dropped file, a stray link) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

/** Saves the bounds when the window closes (normal bounds even when maximized, so un-maximizing restores them). */
function rememberState(win: BrowserWindow, stateFile: string): void {
  win.on('close', () => {
    try {
      saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // A read-only profile folder only costs the remembered position.
    }
  });
}

/** The dashboard window, placed where it was last (kept on a screen that still exists). */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const placed = placeWindow(loadWindowState(options.stateFile), workAreas);
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    title: 'Outpost',
    icon: options.iconPath,
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  lockDown(win);
  rememberState(win, options.stateFile);
  win.once('ready-to-show', () => {
    if (placed.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(options.url);
  return win;
}
