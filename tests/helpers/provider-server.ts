import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the provider saw. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** How the provider answers: a status, headers and JSON body, or no answer at all (`hang`). */
export type ProviderReply = { readonly status: number; readonly headers?: Record<string, string>; readonly body: unknown } | { readonly hang: true };

/** Ready-made answers in the shapes the presets read, and the failures adapters must handle. */
export const replies = {
  verifier: (result: string, extra: Record<string, unknown> = {}): ProviderReply => ({ status: 200, body: { result, disposable: false, role: false, score: 0.9, ...extra } }),
  finder: (data: Record<string, unknown>): ProviderReply => ({ status: 200, body: { data, meta: { params: {} } } }),
  unauthorized: (): ProviderReply => ({ status: 401, body: { errors: [{ id: 'authentication_failed', details: 'No user found for the API key supplied' }] } }),
  noCredits: (): ProviderReply => ({ status: 402, body: { message: 'You have used all your credits' } }),
  rateLimited: (seconds: number): ProviderReply => ({ status: 429, headers: { 'retry-after': String(seconds) }, body: { error: 'Too many requests' } }),
  serverError: (): ProviderReply => ({ status: 503, body: { error: { message: 'Upstream unavailable' } } }),
  badRequest: (): ProviderReply => ({ status: 422, body: { message: 'domain is invalid' } }),
  hang: (): ProviderReply => ({ hang: true }),
};

/** A real HTTP provider on 127.0.0.1:0 that records requests and answers with `reply(request)`. */
export interface ProviderServer {
  readonly baseUrl: string;
  readonly requests: SeenRequest[];
  /** Sets how every following request is answered. */
  answer(reply: ProviderReply | ((request: SeenRequest) => ProviderReply)): void;
  close(): Promise<void>;
}

/** Starts a local provider for adapter tests. */
export async function startProviderServer(): Promise<ProviderServer> {
  const requests: SeenRequest[] = [];
  let answer: (request: SeenRequest) => ProviderReply = () => ({ status: 404, body: { message: 'no answer set' } });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://provider.test');
      const seen: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(seen);
      const reply = answer(seen);
      if ('hang' in reply) return;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    answer(reply) {
      answer = typeof reply === 'function' ? reply : () => reply;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
