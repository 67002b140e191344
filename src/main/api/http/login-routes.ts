import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { SESSION_TTL_MS } from '../../store/repos/sessions-repo';
import { SESSION_COOKIE } from './authenticate';

const cookieOptions = { httpOnly: true, sameSite: 'strict', path: '/', maxAge: SESSION_TTL_MS / 1000 } as const;

/** `/login?code=…` trades a one-time code for a session cookie (the Jupyter model); `/logout` ends it. */
export function registerLoginRoutes(app: FastifyInstance, s: Services): void {
  app.get('/login', async (request, reply) => {
    const code = (request.query as Record<string, unknown>).code;
    // A wrong login code counts like a wrong API key (see FailedAuthLimiter).
    s.authLimiter.assertAllowed(request.ip);
    if (typeof code !== 'string' || !(await s.sessions.consumeLoginCode(code))) {
      s.authLimiter.recordFailure(request.ip);
      s.monitoring.countAuthRefusal('wrong_login_code');
      return reply
        .code(401)
        .type('text/plain; charset=utf-8')
        .send('This login link is not valid: it was already used or has expired. Restart Outpost for a new one, or run "npm start -- --login-url".');
    }
    const token = await s.sessions.createSession();
    return reply.setCookie(SESSION_COOKIE, token, cookieOptions).redirect('/', 303);
  });
  app.post('/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await s.sessions.deleteSession(token);
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send();
  });
}
