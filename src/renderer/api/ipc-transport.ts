import type { OutpostBridge } from '../../shared/bridge';
import { ClientError, type Transport } from './transport';

/** Calls the desktop main process through the preload bridge. */
export const createIpcTransport = (bridge: OutpostBridge): Transport => ({
  async invoke(name, input) {
    const result = await bridge.invoke(name, input);
    if (result.ok) return result.value;
    throw new ClientError(result.error.code, result.error.message, result.error.issues);
  },
  subscribe: (event, listener) => bridge.on(event, listener),
});
