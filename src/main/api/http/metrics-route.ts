import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { authenticate } from './authenticate';

/** Path of the Prometheus scrape endpoint. */
export const METRICS_PATH = '/metrics';

/** `GET /metrics`: every metric in the Prometheus text format, for a caller with the API key (or a dashboard session). */
export function registerMetricsRoute(app: FastifyInstance, s: Services): void {
  app.get(METRICS_PATH, async (request, reply) => {
    await authenticate(request, s);
    const text = await s.monitoring.metricsText();
    return reply.header('content-type', s.monitoring.metricsContentType).header('cache-control', 'no-store').send(text);
  });
}
