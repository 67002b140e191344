import { defineMethod } from '../define-method';
import { noInput } from '../schemas/common';
import { monitoringSnapshot } from '../schemas/monitoring';

/** Monitoring: the state of workers, loops and queues now (the same figures /metrics serves to Prometheus). */
export const monitoringMethods = {
  'monitoring.snapshot': defineMethod({
    http: 'GET',
    path: '/monitoring',
    summary: 'Workers (pid, memory, restarts, last heartbeat), main-process loops (lag, last pass, last error), queue depths by kind and status, process memory',
    input: noInput,
    output: monitoringSnapshot,
  }),
} as const;
