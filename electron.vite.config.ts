import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { DASHBOARD_CSP_META } from './src/shared/content-security-policy';

// The desktop loads the built page from disk, where no server can send the CSP header, so the build writes it in.
// Only at build: the dev server's React refresh preamble is an inline script the policy would block.
const cspMeta: Plugin = {
  name: 'outpost-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: DASHBOARD_CSP_META }, injectTo: 'head-prepend' }],
};

/** Builds the three Electron targets; `out/main/local.js` is the same main process for plain Node (browser edition). */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: 'src/main/index.ts',
          local: 'src/main/local.ts',
          // the profile worker process, forked by the supervisor (or started as a utility process in the desktop)
          'worker-main': 'src/workers/worker-main.ts',
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only electron: everything else (the contract's names) is bundled in.
      externalizeDeps: false,
      rollupOptions: { input: { index: 'src/preload/index.ts' } },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), cspMeta],
    build: {
      minify: true,
      rollupOptions: { input: 'src/renderer/index.html' },
    },
  },
});
