import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueDepth } from '../../shared/contract/schemas/monitoring';
import type { ProfileView } from '../../shared/contract/schemas/profiles';
import type { LoopStats } from '../loops/loop';
import type { ImportProgressReader } from './import-progress';
import type { OutreachTotals } from './outreach-totals';

/** Where the collected metrics read their values at scrape time. */
export interface PrometheusSources {
  readonly loops: () => LoopStats[];
  readonly workers: () => ProfileView[];
  readonly queues: () => QueueDepth[];
  readonly imports: ImportProgressReader;
  readonly outreach: OutreachTotals;
}

/** A registry of Outpost's metrics (its own, so two cores in one process never share one) and the request histogram. */
export interface PrometheusRegistry {
  readonly registry: Registry;
  readonly requestDuration: Histogram<'method' | 'route' | 'status'>;
  readonly authRefusals: Counter<'reason'>;
}

/** Builds the registry: process defaults, plus gauges read from `sources` at each scrape. */
export function createPrometheusRegistry(sources: PrometheusSources): PrometheusRegistry {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'outpost_loop_lag_seconds',
    help: 'How late the last scheduled pass of a main-process loop started',
    labelNames: ['loop'],
    registers,
    collect() {
      for (const s of sources.loops()) this.set({ loop: s.name }, s.lagMs / 1000);
    },
  });
  new Gauge({
    name: 'outpost_loop_last_pass_seconds',
    help: 'Duration of the last pass of a main-process loop',
    labelNames: ['loop'],
    registers,
    collect() {
      for (const s of sources.loops()) if (s.lastPassMs !== null) this.set({ loop: s.name }, s.lastPassMs / 1000);
    },
  });
  new Gauge({
    name: 'outpost_loop_failures',
    help: 'Failed passes of a main-process loop since start',
    labelNames: ['loop'],
    registers,
    collect() {
      for (const s of sources.loops()) this.set({ loop: s.name }, s.failures);
    },
  });
  new Gauge({
    name: 'outpost_work_items',
    help: 'Work items by kind and status (queue depths)',
    labelNames: ['kind', 'status'],
    registers,
    collect() {
      this.reset();
      for (const q of sources.queues()) this.set({ kind: q.kind, status: q.status }, q.count);
    },
  });
  new Gauge({
    name: 'outpost_workers',
    help: 'Live profile worker processes',
    registers,
    collect() {
      this.set(sources.workers().filter((p) => p.worker?.pid != null).length);
    },
  });
  new Gauge({
    name: 'outpost_worker_rss_bytes',
    help: 'Resident memory of a profile worker process (last heartbeat)',
    labelNames: ['profile'],
    registers,
    collect() {
      this.reset();
      for (const p of sources.workers()) if (p.worker?.rssBytes != null) this.set({ profile: String(p.id) }, p.worker.rssBytes);
    },
  });
  new Gauge({
    name: 'outpost_worker_restarts',
    help: 'Restarts of a profile worker since the main process started',
    labelNames: ['profile'],
    registers,
    collect() {
      this.reset();
      for (const p of sources.workers()) if (p.worker) this.set({ profile: String(p.id) }, p.worker.restarts);
    },
  });
  new Gauge({
    name: 'outpost_profiles',
    help: 'Profiles by state',
    labelNames: ['state'],
    registers,
    collect() {
      this.reset();
      const counts = new Map<string, number>();
      for (const p of sources.workers()) counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
      for (const [state, count] of counts) this.set({ state }, count);
    },
  });
  new Gauge({
    name: 'outpost_import_rows',
    help: 'Rows of an unfinished import: staged from the file, and done (merged, inserted, skipped or rejected)',
    labelNames: ['import', 'stage'],
    registers,
    collect() {
      this.reset();
      for (const i of sources.imports.read()) {
        this.set({ import: String(i.id), stage: 'staged' }, i.staged);
        this.set({ import: String(i.id), stage: 'done' }, i.done);
      }
    },
  });
  new Counter({
    name: 'outpost_outreach_total',
    help: 'Outreach sent and what came back (replies, bounces, unsubscribes, acceptances), as counted by the timeline',
    labelNames: ['event'],
    registers,
    collect() {
      this.reset();
      for (const [event, total] of sources.outreach.read()) this.inc({ event }, total);
    },
  });
  const requestDuration = new Histogram({
    name: 'outpost_http_request_duration_seconds',
    help: 'Local API request duration by route pattern',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const authRefusals = new Counter({
    name: 'outpost_auth_refusals_total',
    help: 'Refused authentications: a wrong API key, a wrong login code, or a client made to wait after too many (rate_limited)',
    labelNames: ['reason'] as const,
    registers,
  });
  return { registry, requestDuration, authRefusals };
}
