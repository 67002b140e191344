import type { EventName, EventPayload } from '../../shared/contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';
import type { OutpostBridge } from '../../shared/bridge';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';

/** The dashboard's typed view of the contract. */
export interface Client {
  call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>>;
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
}

/** Wraps a transport in the typed client. */
export const createClient = (transport: Transport): Client => ({
  call: (name, input) => transport.invoke(name, input) as never,
  on: (event, listener) => transport.subscribe(event, listener as (payload: unknown) => void),
});

declare global {
  interface Window {
    outpost?: OutpostBridge;
  }
}

/** The client for this window: IPC when the desktop preload is present, HTTP otherwise. */
export const client: Client = createClient(window.outpost ? createIpcTransport(window.outpost) : createHttpTransport());
