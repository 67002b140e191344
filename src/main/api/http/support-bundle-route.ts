import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { SUPPORT_BUNDLE_NAME } from '../../support/support-bundle';
import { ApiError } from '../api-error';
import { authenticate } from './authenticate';
import { API_PREFIX } from './contract-routes';

/** The download path of a support bundle. */
export const supportBundlePath = (fileName: string): string => `${API_PREFIX}/support/bundles/${fileName}`;

/** `GET /api/v1/support/bundles/:name`: a bundle from `<data>/exports/`, authenticated like the API; only bundle names match, so no path escapes. */
export function registerSupportBundleRoute(app: FastifyInstance, s: Services): void {
  app.get(`${API_PREFIX}/support/bundles/:name`, async (request, reply) => {
    await authenticate(request, s);
    const name = (request.params as { name?: string }).name ?? '';
    if (!SUPPORT_BUNDLE_NAME.test(name)) throw new ApiError('bad_request', 'name: expected a support bundle file name (outpost-support-<time>.zip)', [{ path: 'name', message: 'expected a support bundle file name' }]);
    const path = join(s.info.dataDir, 'exports', name);
    if (!existsSync(path)) throw new ApiError('not_found', `support bundle ${name} does not exist`);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(createReadStream(path));
  });
}
