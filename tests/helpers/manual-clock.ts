import type { Clock } from '../../src/shared/clock';

/** A clock that moves only when the test says so; due timers fire on `advance`, and `sleep` acts like a laptop's sleep. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
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

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = due.at;
      due.fn();
    }
    this.current = target;
  }

  /** Jumps the wall clock forward while timers stand still, then fires the ones set before the sleep late, at the wake time. */
  sleep(ms: number): void {
    const frozen = this.timers.map((t) => t.id);
    this.current += ms;
    for (const id of frozen) {
      const timer = this.timers.find((t) => t.id === id);
      if (!timer) continue;
      this.timers = this.timers.filter((t) => t !== timer);
      timer.fn();
    }
  }
}
