import type { ConnectionStep } from '../../shared/contract/schemas/connection-test';

/** Records the steps of one server's test in order; a failed step skips the rest. */
export class StepLog {
  readonly steps: ConnectionStep[] = [];
  private failedAt: string | null = null;

  constructor(private readonly server: ConnectionStep['server']) {}

  /** True once a step failed. */
  get failed(): boolean {
    return this.failedAt !== null;
  }

  /** Runs a step unless an earlier one failed: its message on success, the error's message (see `describe`) on failure. */
  async run<T>(step: ConnectionStep['step'], work: () => Promise<{ value: T; message: string }>, describe: (error: unknown) => string): Promise<T | undefined> {
    if (this.failedAt !== null) {
      this.skip(step, `not tried: the ${this.failedAt} step failed`);
      return undefined;
    }
    const started = performance.now();
    try {
      const { value, message } = await work();
      this.steps.push({ server: this.server, step, status: 'ok', message, ms: elapsed(started) });
      return value;
    } catch (error) {
      this.failedAt = step;
      this.steps.push({ server: this.server, step, status: 'failed', message: describe(error), ms: elapsed(started) });
      return undefined;
    }
  }

  /** Records a step that does not apply. */
  skip(step: ConnectionStep['step'], message: string): void {
    this.steps.push({ server: this.server, step, status: 'skipped', message, ms: 0 });
  }
}

const elapsed = (started: number): number => Math.max(0, Math.round(performance.now() - started));

/** An error's code and message as one line. */
export const errorText = (error: unknown): string => {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${message} (${e.code})` : message;
};
