import type { outboxMethods } from '../../../shared/contract/areas/outbox-methods';
import { CapacityCalendar } from '../../plan/capacity';
import { WhyWaiting } from '../../plan/why-waiting';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';

const DAY_MS = 86_400_000;

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The outbox with why-waiting, the capacity calendar and connectivity. */
export const outboxHandlers = (s: Services): Pick<Handlers, keyof typeof outboxMethods> => {
  const why = new WhyWaiting(s.store.sqlite, s.quotaGate, s.connectivity);
  const calendar = new CapacityCalendar(s.store.sqlite);
  return {
    'work.outbox': async (input) => {
      try {
        return why.page(input, s.clock.now());
      } catch (error) {
        // the only RangeError the outbox throws is a cursor it did not produce
        if (error instanceof RangeError) throw new ApiError('bad_request', error.message, [{ path: 'after', message: 'not a cursor from a previous page' }]);
        throw error;
      }
    },
    'work.capacity': async ({ from, days }) => {
      const capacity = calendar.read(Date.parse(from), days);
      return {
        channels: capacity.channels,
        days: Array.from({ length: days }, (_, d) => isoDay(capacity.start + d * DAY_MS)),
        cells: capacity.cells.map((c) => ({ day: isoDay(capacity.start + c.day * DAY_MS), channel: c.channel, planned: c.planned, allowed: c.allowed })),
      };
    },
    'connectivity.get': async () => s.connectivity.view(),
  };
};
