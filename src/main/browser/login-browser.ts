import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { BROWSER_EXECUTABLE_CANDIDATES } from '../../shared/browser/browser-executables';
import { browserSettings } from '../../shared/browser/browser-settings';
import { persistentContextOptions } from '../../shared/browser/launch-options';
import { ApiError } from '../api/api-error';
import type { OpenCredentials, ProfileRows } from '../supervisor/profile-rows';
import type { Supervisor } from '../supervisor/supervisor';
import type { SitePacks } from './site-packs';

/** What the login browser needs from the core. */
export interface LoginBrowserOptions {
  readonly profiles: ProfileRows;
  readonly supervisor: Pick<Supervisor, 'stop' | 'get' | 'resume'>;
  readonly packs: SitePacks;
  readonly openCredentials: OpenCredentials;
}

const BUSY = new Set(['starting', 'online', 'working', 'stopping']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The "log in" flow: stops a browser profile's worker, opens the same persistent browser profile headed on the site's
 * login page so the operator signs in themselves (Outpost never sees the password), and starts the worker again when
 * the operator closes the window. One login browser per profile.
 */
export class LoginBrowsers {
  /** Tests (and headless servers) force a headless browser; the operator's flow is headed. */
  forceHeadless = false;
  private readonly open = new Map<number, BrowserContext>();
  private closing = false;

  constructor(private readonly o: LoginBrowserOptions) {}

  /** Whether the profile's login browser is open. */
  isOpen(id: number): boolean {
    return this.open.has(id);
  }

  /** The open login browser of a profile (tests drive it), or undefined. */
  context(id: number): BrowserContext | undefined {
    return this.open.get(id);
  }

  /** Opens the profile's login browser once its worker has stopped; resolves when the login page is shown. */
  async openFor(id: number): Promise<void> {
    if (this.open.has(id)) return;
    const row = this.o.profiles.get(id);
    if (!row) throw new ApiError('not_found', `id: no profile ${id}`);
    const pack = row.access === 'rpa' ? this.o.packs.get(row.type_code) : null;
    if (!pack) throw new ApiError('bad_request', `id: profile ${id} is a ${row.type_code} profile, which has no browser to log in with`);
    const welcome = this.o.profiles.workerProfile(row, this.o.openCredentials);
    const settings = browserSettings.parse(welcome.settings);
    // Paused by the site (login wall, captcha): signing in is the fix, so the worker resumes after; an operator's stop or pause stays.
    const restart = row.active === 1 && row.pause_reason !== 'operator';
    await this.stopWorker(id);
    const executablePath = settings.executablePath ?? BROWSER_EXECUTABLE_CANDIDATES.find((p) => existsSync(p));
    if (!executablePath) throw new ApiError('bad_request', 'settings.executablePath: no Chromium, Chrome or Edge found on this computer; set its path');
    const context = await chromium.launchPersistentContext(
      settings.userDataDir,
      persistentContextOptions(settings, executablePath, this.forceHeadless, welcome.credentials.proxyPassword),
    );
    this.open.set(id, context);
    context.on('close', () => {
      this.open.delete(id);
      if (restart && !this.closing) this.o.supervisor.resume(id);
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(new URL(pack.urls.login, settings.baseUrl).toString());
  }

  /** Closes every login browser (the app is stopping); workers are not restarted. */
  async closeAll(): Promise<void> {
    this.closing = true;
    const contexts = [...this.open.values()];
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  }

  /** Stops the worker and waits until its browser has let go of the profile folder. */
  private async stopWorker(id: number): Promise<void> {
    this.o.supervisor.stop(id);
    while (BUSY.has(this.o.supervisor.get(id)?.state ?? 'idle')) await sleep(50);
  }
}
