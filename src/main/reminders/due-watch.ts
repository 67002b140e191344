import type { Reminder } from '../../shared/contract/schemas/reminders';
import type { EventBus } from '../event-bus';
import type { RemindersRepo } from '../store/repos/reminders-repo';

const MAX_LISTED = 500;

/** Open reminders due by `now` (soonest first, at most 500). */
export const dueReminders = (repo: RemindersRepo, now: number): Reminder[] => repo.list({ dueBefore: now + 1, status: 'open', limit: MAX_LISTED });

/**
 * Tells the dashboard when reminders come due: each check emits `reminders.due` with the open reminders whose due
 * time passed since the previous check (the first check only sets the mark: older ones are on the dashboard already).
 */
export class DueReminderWatch {
  private mark: number | null = null;

  constructor(
    private readonly repo: RemindersRepo,
    private readonly bus: EventBus,
  ) {}

  /** Emits what came due in (previous check, now]; returns how many. */
  check(now: number): number {
    const since = this.mark;
    this.mark = now;
    if (since === null) return 0;
    const due = dueReminders(this.repo, now);
    const fresh = due.filter((r) => Date.parse(r.dueAt) > since);
    if (fresh.length > 0) this.bus.emit('reminders.due', { reminders: fresh, dueCount: due.length });
    return fresh.length;
  }
}
