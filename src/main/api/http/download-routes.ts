import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { rejectedRowsCsv } from '../../bulk/rejected-rows-csv';
import { registerSnapshotRoute } from '../../browser/snapshot-route';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import { authenticate } from './authenticate';
import { API_PREFIX } from './contract-routes';

const idParam = (params: unknown): number => {
  const raw = (params as { id?: string }).id ?? '';
  const id = Number(raw);
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(id) || id < 1) throw new ApiError('bad_request', 'id: expected a positive integer', [{ path: 'id', message: 'expected a positive integer' }]);
  return id;
};

// Only letters, digits, dot, dash and underscore reach the header: no quotes, no path, no header injection.
const safeFileName = (name: string): string => name.replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '').slice(-100) || 'download.csv';

const sendCsv = (reply: FastifyReply, fileName: string, body: Readable) =>
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${safeFileName(fileName)}"`)
    .header('cache-control', 'no-store')
    .send(body);

/** CSV downloads beside the contract (authenticated the same way): a finished export's file, an import's rejected rows. */
export function registerDownloadRoutes(app: FastifyInstance, s: Services): void {
  app.get(`${API_PREFIX}/exports/:id/file`, async (request, reply) => {
    await authenticate(request, s);
    const id = idParam(request.params);
    const file = s.bulk.exportFile(id);
    if (!file || !existsSync(file.path)) throw new ApiError('not_found', `export ${id} has no file`);
    if (file.status !== 'done') throw new ApiError('conflict', `export ${id} is ${file.status}; its file downloads once it is done`);
    return sendCsv(reply, `outpost-leads-${id}.csv`, createReadStream(file.path));
  });

  app.get(`${API_PREFIX}/imports/:id/rejected.csv`, async (request, reply) => {
    await authenticate(request, s);
    const id = idParam(request.params);
    const summary = s.imports.get(id);
    if (!summary) throw new ApiError('not_found', `import ${id} does not exist`);
    const base = summary.fileName.replace(/\.[^.]*$/, '');
    return sendCsv(reply, `${base}-rejected.csv`, Readable.from(rejectedRowsCsv(s.store.sqlite, id)));
  });

  registerSnapshotRoute(app, s);
}
