import { utilityProcess } from 'electron';
import type { WorkerHost, WorkerProcess } from '../supervisor/worker-host';

/** Starts each profile worker as an Electron utility process running the bundled `worker-main.js`. */
export function createUtilityWorkerHost(modulePath: string): WorkerHost {
  return {
    spawn(name): WorkerProcess {
      const child = utilityProcess.fork(modulePath, [], { serviceName: name, stdio: 'inherit' });
      let exited: { code: number } | undefined;
      child.once('exit', (code) => {
        exited = { code };
      });
      return {
        get pid() {
          return child.pid;
        },
        send: (message) => {
          if (!exited) child.postMessage(message);
        },
        onMessage: (listener) => child.on('message', listener),
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
