import type { MainMessage } from '../../shared/worker-protocol/messages';

/** One running worker process as the supervisor sees it, whatever started it. */
export interface WorkerProcess {
  readonly pid: number | undefined;
  send(message: MainMessage): void;
  /** Raw messages: the supervisor validates every one before acting on it. */
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has ended, however it ended. */
  onExit(listener: (code: number | null) => void): void;
  /** Ends the process at once (SIGKILL or the platform's equivalent). */
  kill(): void;
}

/** Starts worker processes: `child_process.fork` under plain Node, Electron's `utilityProcess` in the desktop. */
export interface WorkerHost {
  spawn(name: string): WorkerProcess;
}
