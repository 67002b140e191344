import type { FastifyInstance } from 'fastify';
import type { Monitoring } from './monitoring';

/** Times every request into the latency histogram, labelled by route pattern ("unmatched" for unknown paths). */
export function recordRequestLatency(app: FastifyInstance, monitoring: Monitoring): void {
  app.addHook('onResponse', async (request, reply) => {
    monitoring.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
}
