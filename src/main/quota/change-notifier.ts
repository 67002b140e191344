import type { Clock, TimerHandle } from '../../shared/clock';
import type { EventBus } from '../event-bus';

/** Collects profiles whose quota usage changed and publishes `quotas.changed` at most once per interval. */
export class ChangeNotifier {
  private readonly changed = new Set<number>();
  private timer: TimerHandle | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly intervalMs = 1000,
  ) {}

  /** Notes a change; the event follows within the interval. */
  touch(profileId: number): void {
    this.changed.add(profileId);
    this.timer ??= this.clock.setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Drops pending notices and the timer (at shutdown). */
  close(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.changed.clear();
  }

  private flush(): void {
    this.timer = null;
    const profileIds = [...this.changed].sort((a, b) => a - b);
    this.changed.clear();
    if (profileIds.length > 0) this.bus.emit('quotas.changed', { profileIds });
  }
}
