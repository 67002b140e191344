import { z } from 'zod';

/**
 * A browser profile's settings as its worker receives them (type defaults overlaid by the profile's own, plus the
 * folders and pack file main adds at the welcome). The proxy password travels in `credentials.proxyPassword`.
 */
export const browserSettings = z.object({
  /** Origin the worker browses (the real site by default; tests point it at a fixture server); real-site URLs are mapped onto it. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** The browser to run; defaults to the first of BROWSER_EXECUTABLE_CANDIDATES found. */
  executablePath: z.string().min(1).optional(),
  headless: z.boolean().default(true),
  window: z
    .strictObject({ width: z.number().int().min(320).max(7680), height: z.number().int().min(240).max(4320) })
    .default({ width: 1280, height: 800 }),
  proxy: z.strictObject({ server: z.string().min(1).max(500), username: z.string().max(300).optional() }).optional(),
  /** Multiplies every human-like delay; 0 in tests and benchmarks. */
  delayScale: z.number().min(0).max(100).default(1),
  /** `<data>/browser-profiles/<profileId>`: the persistent browser profile (cookies survive restarts). */
  userDataDir: z.string().min(1),
  /** `<data>/snapshots`: where failure screenshots and HTML go. */
  snapshotDir: z.string().min(1),
  /** Absolute path of `resources/site-packs/<site>/pack.json`. */
  sitePackFile: z.string().min(1),
});

/** A browser profile's parsed settings. */
export type BrowserSettings = z.infer<typeof browserSettings>;
