import { IPC_EVENT, IPC_INVOKE, type IpcResult, type OutpostBridge } from '../shared/bridge';
import { isEventName } from '../shared/contract/events';
import { isMethodName } from '../shared/contract/methods';

/** The two ipcRenderer calls the bridge needs (a seam: tests pass a fake, the preload passes ipcRenderer). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const refused = (what: string): IpcResult => ({ ok: false, error: { code: 'not_found', message: `unknown ${what}` } });

/**
 * Builds `window.outpost`: `invoke` only for contract method names and `on` only for contract event names. Only plain
 * values cross into the page: never ipcRenderer itself, never Electron's event object (which carries `sender`).
 */
export function createBridge(ipc: RendererIpc): OutpostBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // One IPC listener for all events, registered once.
  ipc.on(IPC_EVENT, (_event, name, payload) => {
    if (typeof name !== 'string' || !isEventName(name)) return;
    for (const listener of listeners.get(name) ?? []) listener(payload);
  });
  return Object.freeze({
    invoke: async (name: string, input: unknown) => (isMethodName(name) ? ((await ipc.invoke(IPC_INVOKE, name, input)) as IpcResult) : refused(`method ${String(name)}`)),
    on(event: string, listener: (payload: unknown) => void) {
      if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
      if (typeof listener !== 'function') throw new Error('on(event, listener): listener must be a function');
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      // Wrapped so the page's function never receives more than the payload.
      const only = (payload: unknown) => listener(payload);
      set.add(only);
      return () => {
        set.delete(only);
      };
    },
  });
}
