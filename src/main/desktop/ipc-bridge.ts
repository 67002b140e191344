import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type IpcResult } from '../../shared/bridge';
import { isMethodName } from '../../shared/contract/methods';
import { ApiError } from '../api/api-error';
import type { Handlers } from '../api/handler-types';
import { invokeMethod } from '../api/invoke-method';
import type { EventBus } from '../event-bus';

const fail = (error: ApiError): IpcResult => ({ ok: false, ...error.toBody() });

/** Serves contract methods over IPC to the given window only, and pushes bus events to it. */
export function bridgeIpc(win: BrowserWindow, handlers: Handlers, bus: EventBus): () => void {
  const handle = async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<IpcResult> => {
    if (event.senderFrame !== win.webContents.mainFrame) return fail(new ApiError('forbidden', 'calls are accepted from the dashboard window only'));
    if (!isMethodName(name)) return fail(new ApiError('not_found', `no method ${String(name)}`));
    try {
      return { ok: true, value: await invokeMethod(handlers, name, input) };
    } catch (error) {
      return fail(error instanceof ApiError ? error : new ApiError('internal', 'internal error; details are in the log'));
    }
  };
  ipcMain.handle(IPC_INVOKE, handle);
  const unsubscribe = bus.subscribe((event) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event.name, event.payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
