import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The desktop edition in the real Electron runtime: runs wherever `node_modules/electron` holds its binary (run
 * `npx electron-builder install-app-deps` first so better-sqlite3 matches Electron's ABI, and `npm rebuild
 * better-sqlite3` afterwards for the Node tests). Where the runtime is missing it is skipped, saying why.
 */

/** The Electron binary when the runtime is installed, else why not. */
function electronBinary(): { bin?: string; reason?: string } {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    const bin = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8')) : undefined;
    return bin && existsSync(bin) ? { bin } : { reason: 'the Electron runtime binary is not installed on this machine (it cannot be downloaded here)' };
  } catch {
    return { reason: 'the electron package is not installed' };
  }
}

const electron = electronBinary();
if (!electron.bin) {
  console.log(
    `Skipping the desktop e2e suite (window, IPC dashboard, utility-process worker, update flow): ${electron.reason}. ` +
      'The shell’s logic is unit-tested in tests/main/desktop and tests/preload; the browser edition e2e covers the same core and dashboard.',
  );
}

const NEW_VERSION = '9.9.9';

/** A local update feed: latest.yml naming a newer "AppImage" with its real sha512, as electron-builder would publish it. */
async function startLocalFeed(): Promise<{ url: string; server: Server }> {
  const installer = randomBytes(256 * 1024);
  const name = `Outpost-${NEW_VERSION}-x86_64.AppImage`;
  const sha512 = createHash('sha512').update(installer).digest('base64');
  const latest = [
    `version: ${NEW_VERSION}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${sha512}`,
    `    size: ${installer.length}`,
    `path: ${name}`,
    `sha512: ${sha512}`,
    `releaseDate: '2026-11-23T00:00:00.000Z'`,
    '',
  ].join('\n');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/latest-linux.yml' || path === '/latest.yml') res.writeHead(200, { 'content-type': 'text/yaml' }).end(latest);
    else if (path === `/${name}`) res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': installer.length }).end(installer);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Calls the contract through the page's own bridge, the way the dashboard does. */
const invoke = (page: Page, name: string, input: unknown) =>
  page.evaluate(([n, i]) => (window as unknown as { outpost: { invoke(n: string, i: unknown): Promise<unknown> } }).outpost.invoke(n as string, i), [name, input] as const);

describe.skipIf(!electron.bin)('desktop edition (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let feed: { url: string; server: Server };

  beforeAll(async () => {
    feed = await startLocalFeed();
    const dataDir = mkdtempSync(join(tmpdir(), 'outpost-desktop-'));
    const oldAppImage = join(dataDir, 'Outpost-old.AppImage');
    writeFileSync(oldAppImage, 'not really an AppImage');
    app = await _electron.launch({
      executablePath: electron.bin!,
      args: ['.'],
      env: {
        ...process.env,
        OUTPOST_PORT: '0',
        OUTPOST_DATA_DIR: dataDir,
        OUTPOST_UPDATE_URL: feed.url,
        OUTPOST_UPDATE_FORCE_DEV: '1',
        OUTPOST_UPDATE_START_DELAY_MS: '1000',
        APPIMAGE: oldAppImage,
      },
    });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
    feed?.server.close();
  });

  it('opens the dashboard window from app:// with the leads screen loaded over IPC', async () => {
    await page.getByRole('link', { name: 'Leads', exact: true }).click();
    await page.getByRole('table', { name: 'Leads' }).waitFor();
    expect(page.url()).toMatch(/^app:\/\/outpost\/index\.html/);
    expect(await page.title()).toContain('Outpost');
    const surface = await page.evaluate(() => ({
      bridge: Object.keys((window as unknown as { outpost: object }).outpost).sort(),
      node: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(surface).toEqual({ bridge: ['invoke', 'on'], node: 'undefined', process: 'undefined' });
    expect(await invoke(page, 'system.info', {})).toMatchObject({ ok: true, value: { edition: 'desktop' } });
    expect(await invoke(page, 'system.info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('starts a profile worker as a utility process named after its profile', async () => {
    const created = (await invoke(page, 'profiles.create', { typeCode: 'local_verifier', name: 'Verifier' })) as { ok: true; value: { id: number } };
    expect(created.ok).toBe(true);
    const id = created.value.id;
    await invoke(page, 'profiles.start', { id });
    let pid: number | undefined;
    while (!pid) {
      const got = (await invoke(page, 'profiles.get', { id })) as { value: { state: string; worker: { pid: number } | null } };
      if (got.value.state === 'online') pid = got.value.worker?.pid;
      else await page.waitForTimeout(100);
    }
    const metrics = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().map((m) => ({ type: m.type, name: m.name, pid: m.pid })));
    expect(metrics).toContainEqual({ type: 'Utility', name: `Outpost profile-${id}`, pid });
  });

  it('finds, downloads and offers an update from the local feed', async () => {
    await page.getByRole('button', { name: 'Restart to update' }).waitFor();
    expect(await invoke(page, 'update.get', {})).toMatchObject({ ok: true, value: { status: 'downloaded', version: NEW_VERSION, currentVersion: '0.1.0' } });
  });
});
