import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { EffectRecord, WorkItem } from '../../../src/shared/worker-protocol/messages';
import { registerBrowserHooks } from '../../../src/main/browser/browser-hooks';
import { EventBus } from '../../../src/main/event-bus';
import { registerInboxHooks } from '../../../src/main/inbox/inbox-hooks';
import { registerJobHooks } from '../../../src/main/jobs/job-hooks';
import { registerOutreachHooks } from '../../../src/main/outreach/outreach-hooks';
import { StoreQuotaGate } from '../../../src/main/quota/store-quota-gate';
import { openStore } from '../../../src/main/store/store';
import { WorkEngine, type WorkEngineOptions } from '../../../src/main/work/work-engine';
import { ManualClock } from '../../helpers/manual-clock';
import { tempDir } from '../../helpers/temp-dir';

/** A migrated store in a temp folder with a real work engine and every hook the browser channels use (email's too). */
export function engineFixture(options: Partial<WorkEngineOptions> & { quotaGate?: boolean } = {}) {
  const { quotaGate, ...engineOptions } = options;
  const clock = new ManualClock();
  const store = openStore(join(tempDir('outpost-browser-'), 'outpost.sqlite'), () => clock.now());
  const bus = new EventBus();
  // The real quota gate (rolling windows, gaps, schedule, ramp-up) when asked; else every item may go at once.
  const gate = quotaGate ? new StoreQuotaGate(store.sqlite, bus, clock) : undefined;
  onTestFinished(() => {
    gate?.close();
    return store.close();
  });
  const engine = new WorkEngine({ sqlite: store.sqlite, bus, now: () => clock.now(), ...(gate ? { gate } : {}), ...engineOptions });
  const services = { store, clock };
  registerInboxHooks(engine, services);
  registerOutreachHooks(engine, services);
  registerBrowserHooks(engine, services);
  registerJobHooks(engine, services);
  const sqlite = store.sqlite;
  return {
    clock,
    store,
    sqlite,
    bus,
    engine,
    /** Claims whatever is due for the profile, as its worker would. */
    claim: (profileId: number, max = 10): WorkItem[] => engine.claim(profileId, `worker-${profileId}`, max),
    /** Reports an item performed with this output. */
    perform: (profileId: number, item: WorkItem, output: Record<string, unknown>, effects: EffectRecord[] = []) =>
      engine.complete(`worker-${profileId}`, item.ticket, { outcome: 'performed', output, effects }),
    run: (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params),
    all: (sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params),
    get: (sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params),
  };
}

/** An engine fixture. */
export type EngineFixture = ReturnType<typeof engineFixture>;
