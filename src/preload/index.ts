import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type IpcResult, type OutpostBridge } from '../shared/bridge';
import { isEventName } from '../shared/contract/events';
import { isMethodName } from '../shared/contract/methods';

const refused = (what: string): IpcResult => ({ ok: false, error: { code: 'not_found', message: `unknown ${what}` } });

const listeners = new Map<string, Set<(payload: unknown) => void>>();
// One IPC listener for all events; only the payload crosses into the page, never the Electron event object.
ipcRenderer.on(IPC_EVENT, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: OutpostBridge = {
  invoke: async (name, input) => (isMethodName(name) ? ((await ipcRenderer.invoke(IPC_INVOKE, name, input)) as IpcResult) : refused(`method ${name}`)),
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`unknown event ${event}`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
};

contextBridge.exposeInMainWorld('outpost', bridge);
