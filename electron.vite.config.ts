import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** Builds the three Electron targets; `out/main/local.js` is the same main process for plain Node (browser edition). */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: 'src/main/index.ts',
          local: 'src/main/local.ts',
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
    plugins: [react()],
    build: {
      rollupOptions: { input: 'src/renderer/index.html' },
    },
  },
});
