import { isPortHandshake } from '../shared/worker-protocol/port-handshake';
import type { WorkerTransport } from './transport';

/** A MessagePortMain as a utility process sees it. */
export interface WorkerPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
}

/** Electron's `process.parentPort` in a utility process. */
export interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: readonly WorkerPort[] }) => void): unknown;
}

/**
 * The utility-process transport: main first sends a handshake carrying a MessageChannelMain port, and every message then
 * travels over that port. What the worker sends before the port arrives is queued; the port closing means main is gone.
 */
export function portTransport(parent: ParentPort): WorkerTransport {
  let port: WorkerPort | undefined;
  const queued: unknown[] = [];
  const listeners: ((message: unknown) => void)[] = [];
  const disconnects: (() => void)[] = [];
  parent.on('message', (event) => {
    const given = event.ports[0];
    if (port || !isPortHandshake(event.data) || !given) return;
    port = given;
    port.on('message', (e) => {
      for (const listener of listeners) listener(e.data);
    });
    port.on('close', () => {
      for (const listener of disconnects) listener();
    });
    port.start();
    for (const message of queued.splice(0)) port.postMessage(message);
  });
  return {
    send: (message) => {
      if (port) port.postMessage(message);
      else queued.push(message);
    },
    onMessage: (listener) => listeners.push(listener),
    onDisconnect: (listener) => disconnects.push(listener),
  };
}
