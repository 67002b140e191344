import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Loading electron-builder takes seconds on a shared machine: a generous ceiling, no assertion on time.
vi.setConfig({ testTimeout: 120_000 });

const root = join(__dirname, '../../..');
const require = createRequire(import.meta.url);

interface FileSet {
  from?: string;
  to?: string;
  filter?: string[];
}

/** electron-builder's own config loader and schema validation (what `npm run dist` runs first). */
async function loadConfig(): Promise<Record<string, unknown>> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
    validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s validation and packages what the desktop needs', async () => {
    const config = (await loadConfig()) as {
      asarUnpack: string[];
      extraResources: FileSet[];
      npmRebuild: boolean;
      publish: { provider: string; url: string }[];
      mac: { target: string[]; hardenedRuntime: boolean; notarize: boolean; entitlements: string };
      win: { target: string[] };
      linux: { target: string[] };
      protocols: { schemes: string[] }[];
    };
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources', filter: expect.arrayContaining(['site-packs/**', 'tray/**']) }));
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) })]);
    expect(config.mac).toMatchObject({ target: ['dmg', 'zip'], hardenedRuntime: true, notarize: true });
    expect(existsSync(join(root, config.mac.entitlements))).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.protocols[0]?.schemes).toEqual(['outpost']);
    for (const status of ['running', 'paused', 'offline']) expect(existsSync(join(root, 'resources/tray', `${status}.png`)), status).toBe(true);
  });
});
