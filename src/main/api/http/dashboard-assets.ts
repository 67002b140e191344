import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built dashboard; returns false (and answers `/` with how to build it) when it is not built. */
export async function registerDashboard(app: FastifyInstance, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send(`The dashboard is not built (no ${dir}/index.html). Run "npm run build".`),
    );
    return false;
  }
  // wildcard: false registers one route per built file, so no request path can reach outside `dir`.
  await app.register(fastifyStatic, { root: dir, index: 'index.html', wildcard: false });
  return true;
}
