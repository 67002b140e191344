import type { FastifyInstance } from 'fastify';
import { methods, type MethodName } from '../../../shared/contract/methods';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import { invokeMethod } from '../invoke-method';
import { authenticate } from './authenticate';
import { coerceQuery } from './coerce-query';

/** Prefix of every contract route. */
export const API_PREFIX = '/api/v1';

const asRecord = (value: unknown, where: string): Record<string, unknown> => {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ApiError('bad_request', `${where} must be a JSON object`);
  return value as Record<string, unknown>;
};

/** Registers one REST route per contract method; every input goes through `invokeMethod`'s validation. */
export function registerContractRoutes(app: FastifyInstance, s: Services, handlers: Handlers): void {
  for (const name of Object.keys(methods) as MethodName[]) {
    const spec = methods[name];
    app.route({
      method: spec.http,
      url: API_PREFIX + spec.path,
      ...('maxBodyBytes' in spec ? { bodyLimit: spec.maxBodyBytes } : {}),
      preHandler: spec.public
        ? undefined
        : async (request) => {
            await authenticate(request, s);
          },
      handler: async (request) => {
        const params = coerceQuery(spec.input, asRecord(request.params, 'path'));
        const rest = spec.http === 'GET' ? coerceQuery(spec.input, asRecord(request.query, 'query')) : asRecord(request.body, 'body');
        for (const key of Object.keys(params)) {
          if (key in rest && rest[key] !== params[key]) throw new ApiError('bad_request', `${key}: given both in the path and elsewhere`);
        }
        return invokeMethod(handlers, name, { ...rest, ...params });
      },
    });
  }
}
