import { defineConfig } from '@playwright/test';
import baseConfig from '../../playwright.config';

/**
 * `npm run screenshots`: every page at desktop and phone size, off air and live, for review
 * (docs/testing.md). Not part of `make test`; the main config's browser and fake microphone.
 */
export default defineConfig({
  ...baseConfig,
  testDir: '.',
  testMatch: 'pages.spec.ts',
  projects: undefined,
  workers: 1,
  retries: 0,
  globalSetup: '../e2e/support/global-setup.ts',
  // The pages as most visitors see them (the end-to-end suite runs under reduced motion).
  use: { ...baseConfig.use, reducedMotion: 'no-preference' },
});
