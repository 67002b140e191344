import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, serveAppRequest } from './app-protocol';

/** Declares `app:` a standard, secure scheme (own origin, fetch, CSP applies); must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built dashboard folder on `app://outpost/` in this session, with the CSP header and the traversal guard. */
export function serveDashboard(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererDir, (file) => readFile(file)));
}
