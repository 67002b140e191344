/**
 * Path prefixes served without a key or session: only the one-click unsubscribe links in sent mail
 * (`unsubscribe-routes.ts`). Every other route, login aside, refuses anonymous calls.
 *
 * These paths also skip the Host/Origin guard: the public unsubscribe URL reaches the app through the operator's
 * tunnel or reverse proxy, which forwards the public host name, and the confirmation page posts from that origin.
 * DNS rebinding buys an attacker nothing here: without a token every request is refused, and with one it can only
 * do what the recipient's click does.
 */
export const PUBLIC_ROUTE_PREFIXES: readonly string[] = ['/u/'];

/** True when `path` (without its query string) is under one of the public prefixes. */
export const isPublicPath = (path: string): boolean => PUBLIC_ROUTE_PREFIXES.some((prefix) => path.startsWith(prefix));
