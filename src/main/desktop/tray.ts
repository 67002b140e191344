import { join } from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';
import type { TrayView } from './tray-status';

/** What the tray's quick actions do. */
export interface TrayActions {
  openDashboard(): void;
  checkForUpdates(): void;
  quit(): void;
}

/** The tray icon: its picture and tooltip follow the status (running, paused, offline); its menu holds the quick actions. */
export class StatusTray {
  private readonly tray: Tray;
  private last: TrayView | undefined;

  constructor(
    private readonly iconDir: string,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(this.icon('running'));
    this.tray.on('click', () => actions.openDashboard());
  }

  /** Shows a new status; unchanged views cost nothing (the bus fires often). */
  show(view: TrayView): void {
    if (this.last?.status === view.status && this.last.tooltip === view.tooltip) return;
    this.last = view;
    this.tray.setImage(this.icon(view.status));
    this.tray.setToolTip(view.tooltip);
    const label = { running: 'Running', paused: 'Paused: needs attention', offline: 'Offline' }[view.status];
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: `Outpost: ${label}`, enabled: false },
        { type: 'separator' },
        { label: 'Open Outpost', click: () => this.actions.openDashboard() },
        { label: 'Check for updates', click: () => this.actions.checkForUpdates() },
        { type: 'separator' },
        { label: 'Quit Outpost', click: () => this.actions.quit() },
      ]),
    );
  }

  /** Removes the icon (at quit). */
  destroy(): void {
    this.tray.destroy();
  }

  private icon(status: TrayView['status']) {
    return nativeImage.createFromPath(join(this.iconDir, `${status}.png`));
  }
}
