import type { BrowserActionOutput } from '../../../shared/browser/browser-outputs';
import type { WorkItem, WorkOutcome } from '../../../shared/worker-protocol/messages';

/** A performed browser outreach: the output and its effect, succeeded with the thread or invitation URL as the reference. */
export function outreachOutcome(item: WorkItem, output: BrowserActionOutput): WorkOutcome {
  return {
    outcome: 'performed',
    output,
    effects: output.alreadyDone ? [] : [{ idempotencyKey: item.idempotencyKey, outcome: 'succeeded', externalRef: output.externalRef }],
  };
}
