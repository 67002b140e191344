import type { WorkItem, WorkOutcome, WorkerProfile } from '../../shared/worker-protocol/messages';

/** What a channel may do besides returning an outcome: report progress and log through the main process. */
export interface ChannelContext {
  progress(note: string): void;
  log(level: 'debug' | 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>): void;
}

/** One channel plug-in (a folder under src/workers/channels): opens a profile's session and performs its work items. */
export interface Channel {
  /** Connects or logs in with the profile; a throw here counts as a failed start. */
  open(profile: WorkerProfile): Promise<void>;
  perform(item: WorkItem, context: ChannelContext): Promise<WorkOutcome>;
  close(): Promise<void>;
}

/** Creates a fresh channel instance for one worker process. */
export type ChannelFactory = () => Channel;

/** A failure whose kind the channel knows; any other thrown error counts as transient. */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';

  constructor(
    readonly kind: 'transient' | 'permanent' | 'policy',
    message: string,
  ) {
    super(message);
  }
}
