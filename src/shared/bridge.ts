import type { ApiErrorBody } from './contract/api-error';

/** What an IPC call resolves to: errors travel as values so their code and field issues survive the bridge. */
export type IpcResult = { ok: true; value: unknown } | ({ ok: false } & ApiErrorBody);

/** The only surface the desktop preload exposes to the dashboard, as `window.outpost`. */
export interface OutpostBridge {
  invoke(name: string, input: unknown): Promise<IpcResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** IPC channel names shared by the preload and the desktop main process. */
export const IPC_INVOKE = 'outpost:invoke';
/** Channel on which the main process pushes contract events. */
export const IPC_EVENT = 'outpost:event';
