import type { WorkItem, WorkOutcome } from '../../../shared/worker-protocol/messages';
import { ChannelError, type Channel, type ChannelContext } from '../channel';
import { diagnosticParams, diagnosticSettings, type DiagnosticBehaviour } from './diagnostic-params';

/** The profile type code served by the diagnostic channel. */
export const DIAGNOSTIC_TYPE = 'diagnostic';

const crash = (why: string): never => {
  // Exit from outside any promise chain, the way a native crash or an uncaught error ends a worker.
  process.exit(70);
  throw new Error(why);
};

/** A channel whose items do what their params say (succeed, fail, hang, stall, crash, record an effect); used by tests and benchmarks. */
export function createDiagnosticChannel(): Channel {
  return {
    async open(profile) {
      if (diagnosticSettings.parse(profile.settings).crashOnOpen) crash('crashOnOpen');
    },
    async perform(item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
      const params = diagnosticParams.safeParse(item.params);
      if (!params.success) throw new ChannelError('permanent', `diagnostic params: ${params.error.message}`);
      const { outcomes, delayMs } = params.data;
      const behaviour = outcomes[Math.min(item.attempt, outcomes.length) - 1] as DiagnosticBehaviour;
      context.progress(`attempt ${item.attempt}: ${behaviour}`);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return behave(behaviour, item);
    },
    async close() {},
  };
}

async function behave(behaviour: DiagnosticBehaviour, item: WorkItem): Promise<WorkOutcome> {
  switch (behaviour) {
    case 'succeed':
      return { outcome: 'performed', output: { attempt: item.attempt }, hit: true, effects: [] };
    case 'effect':
      return {
        outcome: 'performed',
        output: { attempt: item.attempt },
        hit: true,
        effects: [{ idempotencyKey: item.idempotencyKey, outcome: 'succeeded', externalRef: `diagnostic-${item.recordId}-${item.attempt}` }],
      };
    case 'fail_transient':
      throw new Error('diagnostic transient failure');
    case 'fail_permanent':
      throw new ChannelError('permanent', 'diagnostic permanent failure');
    case 'fail_policy':
      throw new ChannelError('policy', 'diagnostic policy refusal');
    case 'hang':
      for (;;) {
        // A busy loop, on purpose: nothing else in this process runs again.
      }
    case 'stall':
      return new Promise<never>(() => undefined);
    case 'crash':
      return crash('crash');
  }
}
