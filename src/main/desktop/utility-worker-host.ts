import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { PORT_HANDSHAKE } from '../../shared/worker-protocol/port-handshake';
import type { WorkerHost, WorkerProcess } from '../supervisor/worker-host';

/** One end of a MessageChannelMain, as the host uses it. */
export interface HostPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
  close(): void;
}

/** A utility process as the host uses it (Electron's UtilityProcess satisfies it; tests pass a fake). */
export interface UtilityChild {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  postMessage(message: unknown, transfer?: HostPort[]): void;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** What the host needs from Electron: `utilityProcess.fork` and `new MessageChannelMain()`. */
export interface UtilityRuntime {
  fork(modulePath: string, args: string[], options: { serviceName: string; stdio: 'pipe' }): UtilityChild;
  createChannel(): { port1: HostPort; port2: HostPort };
}

const pipeLines = (stream: NodeJS.ReadableStream | null, log: (line: string) => void): void => {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    if (line.trim()) log(line);
  });
};

/**
 * Starts each profile worker as an Electron utility process (only once the app is ready: the caller creates the host
 * then). The process is named after its profile, receives a MessageChannelMain port at the handshake and speaks the
 * worker protocol over it; its stdout/stderr go to the log tagged with the worker's name. Restarts are the supervisor's:
 * every spawn is a fresh process with a fresh channel, and nothing from an ended one is delivered.
 */
export function createUtilityWorkerHost(runtime: UtilityRuntime, modulePath: string, logger: Logger): WorkerHost {
  return {
    spawn(name): WorkerProcess {
      const child = runtime.fork(modulePath, [], { serviceName: `Outpost ${name}`, stdio: 'pipe' });
      const { port1, port2 } = runtime.createChannel();
      const listeners: ((message: unknown) => void)[] = [];
      let exited: { code: number } | undefined;
      const log = logger.child({ worker: name, pid: child.pid });
      pipeLines(child.stdout, (line) => log.info({ stream: 'stdout' }, line));
      pipeLines(child.stderr, (line) => log.warn({ stream: 'stderr' }, line));
      port1.on('message', (event) => {
        if (exited) return;
        for (const listener of listeners) listener(event.data);
      });
      port1.start();
      child.postMessage({ type: PORT_HANDSHAKE }, [port2]);
      child.once('exit', (code) => {
        exited = { code };
        port1.close();
      });
      return {
        get pid() {
          return child.pid;
        },
        send: (message) => {
          if (!exited) port1.postMessage(message);
        },
        onMessage: (listener) => listeners.push(listener),
        onExit: (listener) => {
          if (exited) listener(exited.code);
          else child.once('exit', (code) => listener(code));
        },
        kill: () => {
          if (!exited) child.kill();
        },
      };
    },
  };
}
