import type { ChannelPauseReason, FailureSnapshot } from '../../../shared/worker-protocol/messages';
import { PauseError } from '../channel';
import type { BrowserSession } from './browser-session';

/**
 * A warning page seen after an effect's click: the profile must pause, but the effect may have happened, so this is
 * deliberately not a ChannelError (the ledger then records the effect as unknown, to be verified, never redone).
 */
export class MidEffectPause extends Error {
  override readonly name = 'MidEffectPause';

  constructor(
    readonly reason: ChannelPauseReason,
    message: string,
    readonly snapshot: FailureSnapshot | undefined,
  ) {
    super(message);
  }
}

/** Checks the page during an effect, turning a pause into a MidEffectPause. */
export async function checkMidEffect(session: BrowserSession): Promise<void> {
  try {
    await session.check();
  } catch (error) {
    if (error instanceof PauseError) throw new MidEffectPause(error.reason, error.message, error.snapshot);
    throw error;
  }
}
