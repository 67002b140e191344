import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, resolveAppPath, serveAppRequest } from '../../../src/main/desktop/app-protocol';
import { DASHBOARD_CSP } from '../../../src/shared/content-security-policy';
import { tempDir } from '../../helpers/temp-dir';

const root = '/opt/outpost/renderer';

describe('the app:// protocol path resolution', () => {
  it('maps dashboard URLs onto files inside the renderer folder, with their content type', () => {
    expect(resolveAppPath(APP_INDEX_URL, root)).toEqual({ ok: true, file: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppPath('app://outpost/', root)).toMatchObject({ ok: true, file: join(root, 'index.html') });
    expect(resolveAppPath('app://outpost/assets/index-abc.js?v=1#x', root)).toMatchObject({ ok: true, file: join(root, 'assets/index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(resolveAppPath('app://outpost/assets/a%20b.css', root)).toMatchObject({ ok: true, file: join(root, 'assets/a b.css') });
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://outpost/../../etc/passwd.html',
      'app://outpost/%2e%2e/%2e%2e/etc/passwd.html',
      'app://outpost/assets/%2E%2E%2F%2E%2E%2F..%2Fsecret.js',
      'app://outpost/..%2f..%2fsecret.js',
      'app://outpost//etc/passwd.html',
    ]) {
      const r = resolveAppPath(url, root);
      if (r.ok) expect(r.file.startsWith(`${root}/`), url).toBe(true);
      else expect([400, 403]).toContain(r.status);
    }
    // The URL parser already folds dot segments (even %2e%2e); an encoded slash survives it and is caught after decoding.
    expect(resolveAppPath('app://outpost/%2e%2e/%2e%2e/etc/passwd.html', root)).toMatchObject({ ok: true, file: join(root, 'etc/passwd.html') });
    expect(resolveAppPath('app://outpost/..%2f..%2fetc/passwd.html', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath('app://outpost/..%5c..%5csecret.js', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://outpost/index.html%00.js', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://outpost/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
  });

  it('refuses other hosts, other schemes and unknown file types', () => {
    expect(resolveAppPath('app://evil/index.html', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath('file:///opt/outpost/renderer/index.html', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath('not a url', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://outpost/outpost.sqlite', root)).toEqual({ ok: false, status: 404 });
  });
});

describe('serving app:// requests', () => {
  it('answers files with the strict CSP and security headers, and 404/403 without a body otherwise', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Outpost</title>');
    writeFileSync(join(dir, 'secret.js'), 'leak()');
    const rendererDir = join(dir, 'renderer');
    const read = (file: string) => readFile(file);

    const page = await serveAppRequest(APP_INDEX_URL, rendererDir, read);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Outpost</title>');

    const missing = await serveAppRequest('app://outpost/assets/nope.js', rendererDir, read);
    expect(missing.status).toBe(404);
    const escape = await serveAppRequest('app://outpost/..%2fsecret.js', rendererDir, read);
    expect(escape.status).toBe(403);
    expect(await escape.text()).toBe('');
    expect(escape.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
  });
});
