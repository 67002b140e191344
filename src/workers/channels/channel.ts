import type { ChannelPauseReason, FailureSnapshot, WorkItem, WorkOutcome, WorkerProfile } from '../../shared/worker-protocol/messages';

/** What a channel may do besides returning an outcome: report progress, log, and run external effects through the ledger. */
export interface ChannelContext {
  progress(note: string): void;
  log(level: 'debug' | 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>): void;
  /**
   * Records the effect as started in main's ledger, then runs it; throws UnknownOutcomeError if main refuses
   * (an earlier attempt may already have done it). Ends are reported in the outcome's `effects`: when `run`
   * resolves the effect counts as succeeded, when it throws a ChannelError as failed (the channel knows it did
   * not happen), when it throws anything else as unknown. An entry the channel puts in `effects` itself wins.
   */
  effect<T>(idempotencyKey: string, run: () => Promise<T>): Promise<T>;
}

/** Whether the effect of an earlier attempt happened; null when the channel cannot tell. */
export interface Verification {
  readonly happened: boolean | null;
  readonly externalRef: string | null;
}

/** One channel plug-in (a folder under src/workers/channels): opens a profile's session and performs its work items. */
export interface Channel {
  /** Connects or logs in with the profile; a throw here counts as a failed start. */
  open(profile: WorkerProfile): Promise<void>;
  perform(item: WorkItem, context: ChannelContext): Promise<WorkOutcome>;
  /** For items in verify mode: did the effect of an earlier attempt happen? null = cannot tell. */
  verify?(item: WorkItem, context: ChannelContext): Promise<Verification>;
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
    /** True when the failure looked like no network at all. */
    readonly network = false,
    /** Screenshot and HTML kept from the failed page, if any. */
    readonly snapshot?: FailureSnapshot,
  ) {
    super(message);
  }
}

/** The site or server needs the operator (captcha, login wall, warning, refused credentials): the profile pauses and the item waits. */
export class PauseError extends ChannelError {
  constructor(
    readonly reason: ChannelPauseReason,
    message: string,
    snapshot?: FailureSnapshot,
  ) {
    super('transient', message, false, snapshot);
  }
}

/** Thrown by `context.effect` when main refused to start the effect: an earlier attempt may already have done it. */
export class UnknownOutcomeError extends Error {
  override readonly name = 'UnknownOutcomeError';
}
