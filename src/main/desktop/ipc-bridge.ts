import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Logger } from 'pino';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/bridge';
import type { Handlers } from '../api/handler-types';
import type { EventBus } from '../event-bus';
import { createIpcInvoker, type IpcSender } from './ipc-guard';

const senderOf = (win: BrowserWindow, event: IpcMainInvokeEvent): IpcSender | null => {
  const frame = event.senderFrame;
  // Calls from another webContents (there is none, but a future window must opt in) are refused like foreign frames.
  if (!frame || win.isDestroyed() || event.sender !== win.webContents) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
};

/** Serves contract methods over IPC to the given window's top frame on our origins only, and pushes bus events to it. */
export function bridgeIpc(win: BrowserWindow, handlers: Handlers, bus: EventBus, allowedOrigins: readonly string[], logger: Logger): () => void {
  const invoke = createIpcInvoker(handlers, allowedOrigins, (err, method) => logger.error({ err, method }, 'IPC handler failed'));
  ipcMain.handle(IPC_INVOKE, (event, name: unknown, input: unknown) => invoke(senderOf(win, event), name, input));
  const unsubscribe = bus.subscribe((event) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event.name, event.payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
