import type { TimerHandle } from '../../shared/clock';
import type { WorkerProcess } from './worker-host';

/** What the operator wants of a profile's worker. */
export type Want = 'run' | 'stop' | 'pause';

/** The supervisor's record of one profile's worker: its process, phase, timers and crash history. */
export interface Slot {
  readonly profileId: number;
  want: Want;
  proc: WorkerProcess | undefined;
  workerId: string;
  phase: 'starting' | 'online' | 'working' | 'stopping';
  stopRequested: boolean;
  /** Set when the worker must not be restarted (refused at the handshake): the failed state's detail. */
  fatal: string | undefined;
  deadline: TimerHandle | undefined;
  restartTimer: TimerHandle | undefined;
  crashes: number[];
  restarts: number;
  ping: { seq: number; sentAt: number } | undefined;
  seq: number;
  lastHeartbeatAt: number | null;
  rssBytes: number | null;
  note: string | null;
  /** The channel can verify items of unknown outcome (said in its ready message). */
  verifies: boolean;
  /** The ticket the worker said it was busy with at its last heartbeat. */
  ticket: string | null;
  exited: Promise<void>;
}

/** A fresh slot for a profile about to get its first worker. */
export function newSlot(profileId: number): Slot {
  return {
    profileId,
    want: 'run',
    proc: undefined,
    workerId: '',
    phase: 'starting',
    stopRequested: false,
    fatal: undefined,
    deadline: undefined,
    restartTimer: undefined,
    crashes: [],
    restarts: 0,
    ping: undefined,
    seq: 0,
    lastHeartbeatAt: null,
    rssBytes: null,
    note: null,
    verifies: false,
    ticket: null,
    exited: Promise.resolve(),
  };
}
