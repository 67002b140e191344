import type { Logger } from 'pino';
import type { Services } from '../services';
import { RuleEngine, type RuleEngineOptions } from '../rules/rule-engine';
import { waitingApprovals } from '../sequences/waiting-approvals';
import { BatchSizer } from './batch-sizer';
import { createLoop, type Loop } from './loop';
import { yieldToEventLoop } from './yield-to-event-loop';

const POLL_MS = 2000;
// A chain (a rule triggered by one that just performed) moves this many links in one pass; the rest next pass.
const CHAIN_ROUNDS = 5;

/**
 * Scans every active rule's triggers past its cursor, then runs due instances, batch by batch with the event loop
 * free between batches; repeats while instances were performed so chained rules follow in the same pass. Stopping
 * ends the pass between two batches; every batch is committed whole, so a restart continues where it stopped.
 * Pushes `rules.changed` after a pass that did something, and `approvals.changed` when it created outreach to approve.
 */
export function createRuleLoop(s: Pick<Services, 'store' | 'clock' | 'bus'>, logger: Logger, options: RuleEngineOptions = {}): Loop {
  // Built at the first pass: a store it cannot prepare against fails that pass (logged), never the core's start.
  let built: RuleEngine | undefined;
  let stopping = false;
  // A transaction blocks the API: unless told a fixed size (tests), each batch takes about 50 ms whatever the filter costs.
  const scanSizer = new BatchSizer({ targetMs: 50, initial: 20_000, min: 500, max: 1_000_000 });
  const performSizer = new BatchSizer({ targetMs: 50, initial: 200, min: 20, max: 5_000 });
  const scan = (engine: RuleEngine, ruleId: number) =>
    options.scanIds === undefined ? scanSizer.timed((size) => engine.scanStep(ruleId, size), (_r, size) => size) : engine.scanStep(ruleId);
  const perform = (engine: RuleEngine) =>
    options.performBatch === undefined ? performSizer.timed((size) => engine.performStep(size), (r) => r.count) : engine.performStep();
  const loop = createLoop({
    name: 'rule',
    intervalMs: POLL_MS,
    clock: s.clock,
    logger,
    async pass() {
      const engine = (built ??= new RuleEngine(s.store.sqlite, () => s.clock.now(), options));
      for (let round = 0; round < CHAIN_ROUNDS; round++) {
        let changed = 0;
        for (const ruleId of engine.activeRules()) {
          for (let step = scan(engine, ruleId); ; step = scan(engine, ruleId)) {
            changed += step.count;
            await yieldToEventLoop();
            if (stopping) return;
            if (!step.more) break;
          }
        }
        let performed = 0;
        let awaiting = 0;
        for (let step = perform(engine); ; step = perform(engine)) {
          performed += step.count;
          awaiting += step.awaitingApproval ?? 0;
          await yieldToEventLoop();
          if (stopping) return;
          if (!step.more) break;
        }
        if (changed + performed > 0) s.bus.emit('rules.changed', { reason: 'performed', ruleId: null });
        if (awaiting > 0) s.bus.emit('approvals.changed', { waiting: waitingApprovals(s.store.sqlite) });
        if (performed === 0) return;
      }
    },
  });
  return {
    ...loop,
    start() {
      stopping = false;
      loop.start();
    },
    async stop() {
      stopping = true;
      await loop.stop();
    },
  };
}
