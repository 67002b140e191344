import type { FastifyInstance, FastifyReply } from 'fastify';
import { OneClickUnsubscribe } from '../../email/one-click-unsubscribe';
import type { Services } from '../../services';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `ada@example.com` -> `a***@example.com`: enough for the recipient to recognise, little for anyone else. */
const masked = (address: string | null): string => {
  if (!address?.includes('@')) return 'your address';
  const [local = '', domain] = address.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
};

// No inline style or script: the dashboard's Content-Security-Policy applies to these pages too.
const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>` +
  `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

const send = (reply: FastifyReply, status: number, html: string) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);

const notFound = (reply: FastifyReply) => send(reply, 404, page('Link not valid', '<p>This unsubscribe link is not valid.</p>'));

/**
 * The one-click unsubscribe endpoint that `List-Unsubscribe` points at (`<public base>/u/<token>`, the mailbox
 * setting `publicUnsubscribeUrl` = `<public origin>/u`). `POST` unsubscribes at once (RFC 8058: mail clients send
 * `List-Unsubscribe=One-Click`; any body is accepted, the token is the proof) and answers 200 every time; `GET`
 * only shows a confirmation page whose button POSTs, because link scanners follow GETs.
 *
 * These routes take no key or session, and no Host check either (see `public-routes.ts`): the public URL reaches
 * the app through the operator's tunnel or proxy under another Host. The unguessable token is the only guard,
 * and a request with a valid token can do nothing but what the recipient could do by clicking.
 */
export function registerUnsubscribeRoutes(app: FastifyInstance, s: Services): void {
  const unsubscribe = new OneClickUnsubscribe(s.store.sqlite, () => s.clock.now());
  void app.register(async (scope) => {
    // Mail clients POST form-encoded or multipart bodies; the body is never needed, so any type is read as text.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => done(null, body));
    scope.get<{ Params: { token: string } }>('/u/:token', async (request, reply) => {
      const target = unsubscribe.target(request.params.token);
      if (!target) return notFound(reply);
      return send(
        reply,
        200,
        page(
          'Unsubscribe',
          `<p>Stop all email to ${escapeHtml(masked(target.address))}?</p>` +
            `<form method="post" action="${escapeHtml(request.params.token)}"><button type="submit">Unsubscribe</button></form>`,
        ),
      );
    });
    scope.post<{ Params: { token: string } }>('/u/:token', async (request, reply) => {
      const agent = request.headers['user-agent'];
      if (!unsubscribe.unsubscribe(request.params.token, typeof agent === 'string' ? agent : null)) return notFound(reply);
      return send(reply, 200, page('Unsubscribed', '<p>You will not receive any more email from us.</p>'));
    });
  });
}
