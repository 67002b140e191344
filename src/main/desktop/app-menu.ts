import { Menu, type MenuItemConstructorOptions } from 'electron';

/** What the menu's own items do. */
export interface AppMenuActions {
  readonly dev: boolean;
  checkForUpdates(): void;
  openDataFolder(): void;
}

/** The native menu: the standard roles (so copy/paste and zoom work), developer tools only in development. */
export function installAppMenu(actions: AppMenuActions): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(actions.dev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Check for Updates…', click: () => actions.checkForUpdates() },
        { label: 'Show Data Folder', click: () => actions.openDataFolder() },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
