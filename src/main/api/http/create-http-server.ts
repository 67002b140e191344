import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { Services } from '../../services';
import { ApiError } from '../api-error';
import type { Handlers } from '../handler-types';
import { buildOpenApiDocument } from '../openapi-document';
import { API_PREFIX, registerContractRoutes } from './contract-routes';
import { registerDashboard } from './dashboard-assets';
import { registerDownloadRoutes } from './download-routes';
import { registerEventStream } from './event-stream';
import { RateLimitedError } from './failed-auth-limiter';
import { registerLoginRoutes } from './login-routes';
import { registerMetricsRoute } from './metrics-route';
import { recordRequestLatency } from '../../monitoring/request-latency-hook';
import { isPublicPath } from './public-routes';
import { checkHostAndOrigin } from './request-guard';
import { registerUnsubscribeRoutes } from './unsubscribe-routes';
import { securityHeaders } from './security-headers';
import { registerSupportBundleRoute } from './support-bundle-route';

/** Where and how the local HTTP server listens. */
export interface HttpServerOptions {
  readonly port: number;
  readonly dashboardDir: string;
  readonly logger: Logger;
}

/** A listening server. */
export interface HttpServer {
  readonly app: FastifyInstance;
  readonly port: number;
  readonly origin: string;
  /** Every route registered (method and URL pattern), so a test can prove each one checks the caller. */
  readonly routes: readonly { readonly method: string; readonly url: string }[];
  close(): Promise<void>;
}

/** Largest JSON body any route accepts unless its contract method states a larger one (imports.create: 64 MiB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const toApiError = (error: FastifyError, bodyLimit: number): ApiError => {
  if (error instanceof ApiError) return error;
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiError('payload_too_large', `request body is larger than this route's limit of ${bodyLimit} bytes (${bodyLimit / 1024 / 1024} MiB)`);
  if (status === 415) return new ApiError('bad_request', 'send the body as application/json');
  if (status >= 400 && status < 500) return new ApiError('bad_request', error.message);
  return new ApiError('internal', 'internal error; details are in the log');
};

/** Builds the local API and dashboard server and binds it to 127.0.0.1 only. */
export async function startHttpServer(s: Services, handlers: Handlers, options: HttpServerOptions): Promise<HttpServer> {
  const log = options.logger.child({ component: 'http' });
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    // Router refusals (bad URL encoding, an over-long path parameter) answer in the contract's error shape too.
    frameworkErrors: (error, _request, reply) => {
      const apiError = new ApiError('bad_request', error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is too long' : 'the URL is not valid');
      return (reply as FastifyReply).code(error.statusCode ?? 400).headers(securityHeaders).send(apiError.toBody());
    },
    clientErrorHandler: (error, socket) => {
      const oversized = (error as NodeJS.ErrnoException).code === 'HPE_HEADER_OVERFLOW';
      const status = oversized ? 431 : 400;
      const body = JSON.stringify(new ApiError('bad_request', oversized ? 'the request URL or headers are too large' : 'malformed HTTP request').toBody());
      if (socket.writable) {
        socket.end(`HTTP/1.1 ${status} ${oversized ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      } else {
        socket.destroy(error);
      }
    },
  });
  let boundPort = options.port;
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  await app.register(fastifyCookie);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders);
    if (!isPublicPath(request.url.split('?')[0] ?? '')) checkHostAndOrigin(request.headers, boundPort);
  });
  app.addHook('onResponse', async (request, reply) => {
    // Only the path is logged: query strings can carry a login code.
    log.info({ method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  recordRequestLatency(app, s.monitoring);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = toApiError(error, request.routeOptions.bodyLimit ?? BODY_LIMIT_BYTES);
    if (apiError instanceof RateLimitedError) {
      s.monitoring.countAuthRefusal('rate_limited');
      void reply.header('retry-after', String(apiError.retryAfterSeconds));
    }
    if (apiError.code === 'internal') log.error({ err: error, path: request.url.split('?')[0] }, 'handler failed');
    return reply.code(apiError.status).send(apiError.toBody());
  });

  registerContractRoutes(app, s, handlers);
  registerEventStream(app, s);
  registerDownloadRoutes(app, s);
  registerLoginRoutes(app, s);
  registerUnsubscribeRoutes(app, s);
  registerMetricsRoute(app, s);
  registerSupportBundleRoute(app, s);
  const openapi = buildOpenApiDocument(s.info.version);
  app.get(`${API_PREFIX}/openapi.json`, async () => openapi);
  const hasDashboard = await registerDashboard(app, options.dashboardDir);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (hasDashboard && request.method === 'GET' && !path.startsWith('/api/')) return reply.sendFile('index.html');
    const error = new ApiError('not_found', `no API method ${request.method} ${path}`);
    return reply.code(error.status).send(error.toBody());
  });

  await app.listen({ host: '127.0.0.1', port: options.port });
  boundPort = (app.server.address() as AddressInfo).port;
  return { app, port: boundPort, origin: `http://127.0.0.1:${boundPort}`, routes, close: () => app.close() };
}
