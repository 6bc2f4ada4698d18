import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          // The phone checks' metadata, as every entry point but the content script installs it, and
          // the models, as the background and the CLI install them.
          setupFiles: ['fake-indexeddb/auto', 'lib/engine/pii/phone-metadata.ts', 'tests/unit/setup-models.ts'],
          restoreMocks: true,
        },
      },
      {
        // The production build in Debian's Chromium, on the demo helpdesk under real host names.
        resolve: { alias: { '@': import.meta.dirname } },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // A real FreeScout (../shared/helpdesks/freescout) started on this machine; skipped with a
        // message when the release is not there.
        resolve: { alias: { '@': import.meta.dirname } },
        test: {
          name: 'freescout',
          environment: 'node',
          include: ['tests/freescout/**/*.e2e.ts'],
          globalSetup: ['tests/freescout/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
