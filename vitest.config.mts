import { defineConfig } from 'vitest/config';

/** Unit and integration tests run from source; e2e drives the built browser edition in Debian's Chromium. */
export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    // Most files wait on child processes, servers and Chromium rather than the CPU: two at once on the 2-core CI machine.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          // Generous ceilings only so a hung browser cannot stall CI; no test asserts on time.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
