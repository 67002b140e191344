import { defineMethod } from '../define-method';
import { noInput } from '../schemas/common';
import { capacityInput, capacityView, connectivityView, outboxInput, outboxPage } from '../schemas/outbox';

/** The outbox: why each pending item waits and when it should run, the capacity calendar, connectivity and catch-up. */
export const outboxMethods = {
  'work.outbox': defineMethod({
    http: 'GET',
    path: '/work/outbox',
    summary: 'Waiting work items by due time with the reason each one waits and when it is expected to run (keyset paged)',
    input: outboxInput,
    output: outboxPage,
  }),
  'work.capacity': defineMethod({
    http: 'GET',
    path: '/work/capacity',
    summary: 'Per day and channel: actions planned (performed or due that day) against what the quotas allow',
    input: capacityInput,
    output: capacityView,
  }),
  'connectivity.get': defineMethod({
    http: 'GET',
    path: '/connectivity',
    summary: 'Online or offline since when, the last probe, the last sleep and wake, and the last catch-up plan; changes arrive as connectivity.changed',
    input: noInput,
    output: connectivityView,
  }),
} as const;
