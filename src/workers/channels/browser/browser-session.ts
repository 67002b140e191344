import type { BrowserContext, Page } from 'playwright-core';
import { browserSettings, type BrowserSettings } from '../../../shared/browser/browser-settings';
import { persistentContextOptions } from '../../../shared/browser/launch-options';
import type { SitePack } from '../../../shared/browser/site-pack';
import type { FailureSnapshot, WorkerProfile } from '../../../shared/worker-protocol/messages';
import { ChannelError, PauseError } from '../channel';
import { detectedMessage, detectPage } from './detect-page';
import { findExecutable } from './find-executable';
import { humanPause } from './human-delay';
import { keepSnapshot } from './keep-snapshot';
import { loadSitePack } from './load-site-pack';
import { toBrowserUrl, toRealUrl } from './site-urls';

const NAVIGATION_TIMEOUT_MS = 45_000;
const ACTION_TIMEOUT_MS = 15_000;
const NETWORK_ERRORS = /ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NETWORK_CHANGED|ADDRESS_UNREACHABLE|PROXY_CONNECTION_FAILED|CONNECTION_TIMED_OUT)/;

/** Reads a browser profile's settings; unusable settings are a permanent failure naming the field. */
export function readBrowserSettings(profile: WorkerProfile): BrowserSettings {
  const parsed = browserSettings.safeParse(profile.settings);
  if (!parsed.success) throw new ChannelError('permanent', `browser settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** One profile's browser: its persistent context and working page, its site pack, and page loads that stop on warning pages. */
export class BrowserSession {
  private current: Page;

  private constructor(
    readonly profile: WorkerProfile,
    readonly settings: BrowserSettings,
    readonly pack: SitePack,
    readonly context: BrowserContext,
    page: Page,
  ) {
    this.current = page;
    // Popups (a hostile page's window.open) are never ours: close them.
    context.on('page', (extra) => {
      if (extra !== this.current) void extra.close().catch(() => undefined);
    });
    this.prepare(page);
  }

  /** Launches the profile's persistent browser (one per profile: its user-data folder is locked by Chromium). */
  static async open(profile: WorkerProfile): Promise<BrowserSession> {
    const settings = readBrowserSettings(profile);
    const pack = loadSitePack(settings.sitePackFile);
    const executablePath = findExecutable(settings.executablePath);
    // Loaded on first use: every worker process carries this channel, most never start a browser.
    const { chromium } = await import('playwright-core');
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(
        settings.userDataDir,
        persistentContextOptions(settings, executablePath, settings.headless, profile.credentials.proxyPassword),
      );
    } catch (error) {
      throw new ChannelError('transient', `could not start the browser ${executablePath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    // Functions this code evaluates in pages may carry the `__name` helper that esbuild's keepNames adds (tsx, bundles): give pages a no-op one.
    await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
    const page = context.pages()[0] ?? (await context.newPage());
    return new BrowserSession(profile, settings, pack, context, page);
  }

  /** The working page, replaced when a page crashed or was closed. */
  async page(): Promise<Page> {
    if (this.current.isClosed()) {
      this.current = await this.context.newPage();
      this.prepare(this.current);
    }
    return this.current;
  }

  private prepare(page: Page): void {
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    // Leaving a page must never be blocked by its unload prompt; any other dialog is dismissed.
    page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => undefined));
    page.on('crash', () => void page.close().catch(() => undefined));
  }

  /** Opens a real-site URL (mapped onto baseUrl) and stops with a PauseError on a login wall, captcha, rate limit or warning. */
  async open(realUrl: string): Promise<Page> {
    const page = await this.page();
    let status: number | null = null;
    try {
      const response = await page.goto(toBrowserUrl(realUrl, this.settings.baseUrl), { waitUntil: 'domcontentloaded' });
      status = response?.status() ?? null;
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
      throw new ChannelError('transient', `could not open ${realUrl}: ${message}`, NETWORK_ERRORS.test(message), await this.snapshot('navigation'));
    }
    await this.check(status);
    return page;
  }

  /** Pauses the profile when the current page is a login wall, captcha, rate-limit or warning page. */
  async check(status: number | null = null): Promise<void> {
    const page = await this.page();
    const detected = await detectPage(page, this.pack, status);
    if (detected) throw new PauseError(detected.reason, detectedMessage(detected, this.realUrl(page.url()) ?? page.url()), await this.snapshot(detected.rule));
  }

  /** Every selector that marks a page needing the operator, to wait on alongside an action's expected result. */
  warningSelectors(): string[] {
    const d = this.pack.detect;
    return [...d.captcha.selectors, ...d.loginWall.selectors, ...d.rateLimit.selectors, ...d.warning.selectors];
  }

  /** A link seen on the current page as a real-site URL (null when not http(s)). */
  realUrl(href: string): string | null {
    return toRealUrl(href, this.current.url(), this.settings.baseUrl, this.pack.origin);
  }

  /** A human-like gap of this kind, scaled by delayScale. */
  pause(kind: keyof SitePack['delays']): Promise<void> {
    return humanPause(this.pack.delays[kind], this.settings.delayScale);
  }

  /** Keeps a screenshot and the HTML of the working page; undefined when nothing could be kept. */
  snapshot(label: string): Promise<FailureSnapshot | undefined> {
    return keepSnapshot(this.current, this.settings.snapshotDir, `${this.profile.id}-${label}`);
  }

  /** Closes the browser (its profile folder keeps the cookies). */
  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}
