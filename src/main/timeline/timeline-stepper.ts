import { BatchSizer } from '../loops/batch-sizer';
import type { Timeline, TimelineStep } from './timeline';

/** Runs timeline steps sized to about 50 ms each (the API waits at most that for a transaction). */
export class TimelineStepper {
  private readonly fold = new BatchSizer({ targetMs: 50, initial: 1000, min: 100, max: 100_000 });
  // clearing marks costs far less per row than counting, so each kind of step learns its own size
  private readonly clear = new BatchSizer({ targetMs: 50, initial: 5000, min: 500, max: 500_000 });

  constructor(private readonly timeline: Timeline) {}

  /** Runs one step of the size learnt for its kind. */
  next(): TimelineStep {
    const sizer = this.timeline.rebuilding ? this.clear : this.fold;
    return sizer.timed((size) => this.timeline.step(size), (step, size) => (step.more ? size : step.counted + step.cleared));
  }
}
