import type { BrowserSettings } from './browser-settings';
import { CHROMIUM_FLAGS } from './chromium-flags';

/** playwright's persistent-context options for a profile's browser, shared by the worker and the login browser. */
export function persistentContextOptions(settings: BrowserSettings, executablePath: string, headless: boolean, proxyPassword: string | undefined) {
  const { proxy } = settings;
  return {
    executablePath,
    headless,
    args: [...CHROMIUM_FLAGS],
    viewport: settings.window,
    ...(proxy ? { proxy: { server: proxy.server, ...(proxy.username ? { username: proxy.username, password: proxyPassword ?? '' } : {}) } } : {}),
  };
}
