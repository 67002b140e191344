import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { securityHeaders } from '../api/http/security-headers';

/** The privileged scheme the dashboard is served from in the desktop (never `file:`, so the page gets an origin and a CSP header). */
export const APP_SCHEME = 'app';

/** The host of every dashboard URL: `app://outpost/index.html`. */
export const APP_HOST = 'outpost';

/** The dashboard's origin, which IPC calls must come from. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

/** Where an `app://` request leads: a file inside the dashboard folder, or a refusal with its HTTP status. */
export type AppPath = { readonly ok: true; readonly file: string; readonly contentType: string } | { readonly ok: false; readonly status: 400 | 403 | 404 };

/**
 * Maps an `app://outpost/...` URL onto a file inside `rootDir`. Pure: the traversal guard decides on the decoded,
 * resolved path, so `..`, encoded `%2e%2e`, backslashes and absolute paths all stay inside the folder or are refused.
 */
export function resolveAppPath(rawUrl: string, rootDir: string): AppPath {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path.includes('\0') || path.includes('\\')) return { ok: false, status: 400 };
  const relativePath = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relativePath);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return { ok: false, status: 403 };
  const contentType = contentTypes[extname(file).toLowerCase()];
  return contentType ? { ok: true, file, contentType } : { ok: false, status: 404 };
}

/** Reads a file's bytes, or rejects (ENOENT and the like). */
export type ReadFile = (file: string) => Promise<Uint8Array>;

/** Answers one `app://` request: the file with the dashboard's CSP and security headers, or an empty refusal. */
export async function serveAppRequest(rawUrl: string, rootDir: string, readFile: ReadFile): Promise<Response> {
  const target = resolveAppPath(rawUrl, rootDir);
  if (!target.ok) return new Response(null, { status: target.status, headers: securityHeaders });
  let body: Uint8Array;
  try {
    body = await readFile(target.file);
  } catch {
    return new Response(null, { status: 404, headers: securityHeaders });
  }
  return new Response(body as BodyInit, { status: 200, headers: { ...securityHeaders, 'content-type': target.contentType, 'cache-control': 'no-cache' } });
}
