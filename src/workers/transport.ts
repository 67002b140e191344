import { portTransport, type ParentPort } from './port-transport';

/** How a worker talks to its parent: Node's IPC channel under plain Node, the parent port in an Electron utility process. */
export interface WorkerTransport {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the parent goes away; the worker must then exit. */
  onDisconnect(listener: () => void): void;
}

/** Picks the transport of the runtime this process was started by. */
export function parentTransport(): WorkerTransport {
  // Electron sets process.parentPort in a utility process; no electron import is needed to use it.
  const port = (process as { parentPort?: ParentPort }).parentPort;
  // Over the MessageChannelMain port main hands over at the handshake.
  if (port) return portTransport(port);
  const send = process.send?.bind(process);
  if (!send) throw new Error('the worker must be started by Outpost (no IPC channel to a parent process)');
  return {
    send: (message) => send(message),
    onMessage: (listener) => process.on('message', listener),
    onDisconnect: (listener) => process.once('disconnect', listener),
  };
}
