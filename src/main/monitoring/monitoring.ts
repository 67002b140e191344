import type { Database } from 'better-sqlite3';
import type { MonitoringSnapshot } from '../../shared/contract/schemas/monitoring';
import type { ProfileView } from '../../shared/contract/schemas/profiles';
import { toIso, toIsoOrNull } from '../../shared/iso-time';
import type { Clock } from '../../shared/clock';
import type { Loop } from '../loops/loop';
import type { Timeline } from '../timeline/timeline';
import { ImportProgressReader } from './import-progress';
import { OutreachTotals } from './outreach-totals';
import { createPrometheusRegistry, type PrometheusRegistry } from './prometheus-registry';
import { QueueDepths } from './queue-depths';

/** What monitoring reads from: the store, the workers' live state, the timeline and the clock. */
export interface MonitoringSources {
  readonly sqlite: Database;
  readonly clock: Clock;
  readonly timeline: Timeline;
  readonly workers: () => ProfileView[];
}

/** The figures the Monitoring screen and /metrics show: workers, loops, queues, imports, outreach totals, requests. */
export class Monitoring {
  private loops: readonly Loop[] = [];
  private readonly queues: QueueDepths;
  private readonly prometheus: PrometheusRegistry;

  constructor(private readonly sources: MonitoringSources) {
    this.queues = new QueueDepths(sources.sqlite);
    this.prometheus = createPrometheusRegistry({
      loops: () => this.loops.map((loop) => loop.stats()),
      workers: sources.workers,
      queues: () => this.queues.read(),
      imports: new ImportProgressReader(sources.sqlite),
      outreach: new OutreachTotals(sources.sqlite),
    });
  }

  /** The loops whose lag and passes are reported (core calls this once it created them). */
  watchLoops(loops: readonly Loop[]): void {
    this.loops = loops;
  }

  /** Records one HTTP request's duration under its route pattern (not its URL, so ids do not multiply the series). */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.prometheus.requestDuration.observe({ method, route, status: String(status) }, seconds);
  }

  /** Counts one refused authentication (`outpost_auth_refusals_total`): someone guessing shows on the dashboard's scrape. */
  countAuthRefusal(reason: 'wrong_key' | 'wrong_login_code' | 'rate_limited'): void {
    this.prometheus.authRefusals.inc({ reason });
  }

  /** Every metric in the Prometheus text format. */
  metricsText(): Promise<string> {
    return this.prometheus.registry.metrics();
  }

  /** The content type of `metricsText`. */
  get metricsContentType(): string {
    return this.prometheus.registry.contentType;
  }

  /** The state of everything now. */
  snapshot(): MonitoringSnapshot {
    const memory = process.memoryUsage();
    return {
      at: toIso(this.sources.clock.now()),
      workers: this.sources.workers().map((p) => ({
        profileId: p.id,
        profileName: p.name,
        typeCode: p.typeCode,
        state: p.state,
        pid: p.worker?.pid ?? null,
        rssBytes: p.worker?.rssBytes ?? null,
        restarts: p.worker?.restarts ?? 0,
        lastHeartbeatAt: p.worker?.lastHeartbeatAt ?? null,
      })),
      loops: this.loops.map((loop) => {
        const stats = loop.stats();
        return {
          name: stats.name,
          active: stats.active,
          running: stats.running,
          passes: stats.passes,
          failures: stats.failures,
          lagMs: stats.lagMs,
          lastPassMs: stats.lastPassMs,
          lastPassAt: toIsoOrNull(stats.lastPassAt),
          lastError: stats.lastError ? { message: stats.lastError.message, at: toIso(stats.lastError.at) } : null,
        };
      }),
      queues: this.queues.read(),
      process: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, heapTotalBytes: memory.heapTotal, uptimeSeconds: process.uptime() },
      timeline: { rebuilding: this.sources.timeline.rebuilding, lastFoldAt: toIsoOrNull(this.sources.timeline.lastFoldAt) },
    };
  }
}
