import { appendFileSync, readFileSync } from 'node:fs';
import type { WorkItem, WorkOutcome } from '../../../shared/worker-protocol/messages';
import { ChannelError, PauseError, type Channel, type ChannelContext, type Verification } from '../channel';
import { diagnosticParams, diagnosticSettings, type DiagnosticBehaviour, type DiagnosticParams } from './diagnostic-params';

/** The profile type code served by the diagnostic channel. */
export const DIAGNOSTIC_TYPE = 'diagnostic';

const crash = (why: string): never => {
  // Exit from outside any promise chain, the way a native crash or an uncaught error ends a worker.
  process.exit(70);
  throw new Error(why);
};

const pause = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

const parse = (item: WorkItem): DiagnosticParams => {
  const params = diagnosticParams.safeParse(item.params);
  if (!params.success) throw new ChannelError('permanent', `diagnostic params: ${params.error.message}`);
  return params.data;
};

/** The idempotency keys written to an effects file, one per performed effect. */
export function readEffectLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** A channel whose items do what their params say (succeed, fail, hang, stall, crash, perform an effect); used by tests and benchmarks. */
export function createDiagnosticChannel(): Channel {
  return {
    async open(profile) {
      if (diagnosticSettings.parse(profile.settings).crashOnOpen) crash('crashOnOpen');
    },
    async perform(item: WorkItem, context: ChannelContext): Promise<WorkOutcome> {
      const params = parse(item);
      const behaviour = params.outcomes[Math.min(item.attempt, params.outcomes.length) - 1] as DiagnosticBehaviour;
      context.progress(`attempt ${item.attempt}: ${behaviour}`);
      await pause(params.delayMs);
      return behave(behaviour, item, params, context);
    },
    async verify(item: WorkItem): Promise<Verification> {
      const file = parse(item).effectsFile;
      if (file === undefined) return { happened: null, externalRef: null };
      const happened = readEffectLines(file).includes(item.idempotencyKey);
      return { happened, externalRef: happened ? `diagnostic-${item.recordId}` : null };
    },
    async close() {},
  };
}

async function behave(behaviour: DiagnosticBehaviour, item: WorkItem, params: DiagnosticParams, context: ChannelContext): Promise<WorkOutcome> {
  switch (behaviour) {
    case 'succeed':
      return { outcome: 'performed', output: { attempt: item.attempt }, hit: true, effects: [] };
    case 'effect': {
      await context.effect(item.idempotencyKey, async () => {
        await pause(params.effectPauseMs);
        if (params.effectsFile !== undefined) appendFileSync(params.effectsFile, `${item.idempotencyKey}\n`);
        await pause(params.effectPauseMs);
      });
      await pause(params.effectPauseMs);
      return {
        outcome: 'performed',
        output: { attempt: item.attempt },
        hit: true,
        effects: [{ idempotencyKey: item.idempotencyKey, outcome: 'succeeded', externalRef: `diagnostic-${item.recordId}-${item.attempt}` }],
      };
    }
    case 'fail_transient':
      throw new Error('diagnostic transient failure');
    case 'fail_permanent':
      throw new ChannelError('permanent', 'diagnostic permanent failure');
    case 'fail_policy':
      throw new ChannelError('policy', 'diagnostic policy refusal');
    case 'fail_network':
      throw new ChannelError('transient', 'diagnostic network failure: getaddrinfo ENOTFOUND', true);
    case 'pause_captcha':
      throw new PauseError('captcha', 'diagnostic captcha page', { screenshot: `diagnostic-${item.recordId}.png`, html: null });
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
