import { fork } from 'node:child_process';
import type { WorkerHost, WorkerProcess } from './worker-host';

/** The worker script and the Node flags it needs (tsx when it runs from source). */
export interface WorkerEntry {
  readonly path: string;
  readonly execArgv: readonly string[];
}

/** Forks each worker as a plain Node child process speaking over the IPC channel. */
export function createForkWorkerHost(entry: WorkerEntry): WorkerHost {
  return {
    spawn(name): WorkerProcess {
      const child = fork(entry.path, [], {
        execArgv: [...entry.execArgv],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, OUTPOST_WORKER: name },
      });
      let exited = false;
      child.once('exit', () => {
        exited = true;
      });
      // A send to a worker that just died must not throw into the supervisor; its exit is reported separately.
      child.on('error', () => undefined);
      return {
        pid: child.pid,
        send: (message) => {
          if (!exited && child.connected) child.send(message, () => undefined);
        },
        onMessage: (listener) => child.on('message', listener),
        onExit: (listener) => {
          if (exited) listener(child.exitCode);
          else child.once('exit', (code) => listener(code));
        },
        kill: () => {
          if (!exited) child.kill('SIGKILL');
        },
      };
    },
  };
}
