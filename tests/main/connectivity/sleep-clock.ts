import type { Clock } from '../../../src/shared/clock';

interface Timer {
  at: number;
  fn: () => void;
  id: number;
}

/**
 * A test clock that can also sleep like a laptop: `advance` fires timers at their times, `sleep` moves the wall
 * clock on with every timer frozen, so they all fire late at the wake time.
 */
export class SleepClock implements Clock {
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(private current = Date.UTC(2026, 10, 23, 9, 0, 0)) {}

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.push({ at: this.current + ms, fn, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves time forward, firing due timers at their own times. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (let due = this.nextDue(target); due; due = this.nextDue(target)) {
      this.current = due.at;
      this.fire(due);
    }
    this.current = target;
  }

  /** Jumps the wall clock forward while timers stand still, then fires the overdue ones late, at the wake time. */
  sleep(ms: number): void {
    const frozen = this.timers.map((t) => t.id);
    this.current += ms;
    for (const id of frozen) {
      const timer = this.timers.find((t) => t.id === id);
      if (timer) this.fire(timer);
    }
  }

  private nextDue(target: number): Timer | undefined {
    return this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    timer.fn();
  }
}
