import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../api/api-error';
import { authenticate } from '../api/http/authenticate';
import { API_PREFIX } from '../api/http/contract-routes';
import type { Services } from '../services';
import { snapshotDir } from './worker-browser-settings';

// A bare file name: no separators, no leading dot, so nothing outside the snapshot folder can be named.
const SNAPSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.(png|jpe?g|html)$/;

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', html: 'text/html; charset=utf-8' };

/** True when a name may be served from the snapshot folder. */
export const isSnapshotName = (name: string): boolean => name.length <= 200 && SNAPSHOT_NAME.test(name);

/**
 * `GET /api/v1/snapshots/<name>`: a failure's screenshot or HTML from `<data>/snapshots`, behind the same
 * authentication as the contract. Captured HTML is the site's, not ours: it is sent sandboxed, without scripts.
 */
export function registerSnapshotRoute(app: FastifyInstance, s: Services): void {
  app.get(`${API_PREFIX}/snapshots/:name`, async (request, reply) => {
    await authenticate(request, s);
    const name = (request.params as { name?: string }).name ?? '';
    if (!isSnapshotName(name)) throw new ApiError('bad_request', 'name: expected a snapshot file name such as 12-captcha.png', [{ path: 'name', message: 'not a snapshot file name' }]);
    const file = join(snapshotDir(s.info.dataDir), name);
    if (!existsSync(file) || !statSync(file).isFile()) throw new ApiError('not_found', `name: no snapshot ${name} (it may have been pruned)`);
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    return reply
      .header('content-type', TYPES[ext] ?? 'application/octet-stream')
      .header('content-security-policy', "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .send(createReadStream(file));
  });
}
