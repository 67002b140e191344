import { DateTime } from 'luxon';

/** Calendar days in one timezone, remembering the last day asked about (daily caps ask many times a day). */
export class LocalDay {
  private start = 0;
  private end = Number.NEGATIVE_INFINITY;

  constructor(readonly zone: string) {}

  /** When the local day holding `t` began (epoch ms; DST days are 23 or 25 hours long). */
  startOf(t: number): number {
    if (t < this.start || t >= this.end) {
      const day = DateTime.fromMillis(t, { zone: this.zone }).startOf('day');
      this.start = day.toMillis();
      this.end = day.plus({ days: 1 }).toMillis();
    }
    return this.start;
  }
}
