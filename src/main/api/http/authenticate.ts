import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services';
import { ApiError } from '../api-error';

/** Name of the browser session cookie. */
export const SESSION_COOKIE = 'outpost_session';

/** Who made a request: a script with the API key or the dashboard with a session. */
export type Caller = 'api-key' | 'session';

/**
 * Accepts `Authorization: Bearer <key>` or a live session cookie; anything else is 401. A wrong or malformed key
 * counts as a failed authentication: past the limit every key attempt (even the right one, so guessing learns
 * nothing) gets 429 until the window clears, while a signed-in dashboard session keeps working.
 */
export async function authenticate(request: FastifyRequest, s: Services): Promise<Caller> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    s.authLimiter.assertAllowed(request.ip);
    const match = /^Bearer (\S+)$/.exec(header);
    if (match?.[1] && (await s.apiKeys.verify(match[1]))) return 'api-key';
    s.authLimiter.recordFailure(request.ip);
    s.monitoring.countAuthRefusal('wrong_key');
    if (!match?.[1]) throw new ApiError('unauthorized', 'Authorization header must be "Bearer <API key>"');
    throw new ApiError('unauthorized', 'the API key is not valid (it may have been rotated)');
  }
  const session = request.cookies[SESSION_COOKIE];
  if (session && (await s.sessions.verifySession(session))) return 'session';
  throw new ApiError('unauthorized', 'sign in with the login URL Outpost printed at start, or send "Authorization: Bearer <API key>"');
}
