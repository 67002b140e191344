import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { authenticate } from './authenticate';
import { API_PREFIX } from './contract-routes';

// Proxies and browsers drop silent streams; a comment line every so often keeps the stream open.
const KEEPALIVE_MS = 20_000;

/** Server-Sent Events: every bus event as `event: <name>` with a JSON `data:` line. */
export function registerEventStream(app: FastifyInstance, s: Services): void {
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of open) end();
  });
  app.get(`${API_PREFIX}/events`, async (request, reply) => {
    await authenticate(request, s);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    const unsubscribe = s.bus.subscribe((event) => {
      res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    const end = () => {
      clearInterval(keepalive);
      unsubscribe();
      open.delete(end);
      res.end();
    };
    open.add(end);
    request.raw.on('close', end);
  });
}
