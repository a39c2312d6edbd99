import { defineConfig } from '@playwright/test';
import { TONE_WAV } from './tests/e2e/support/paths';
import { CHROMIUM, chromiumArgs } from './tests/support/chromium';

/** Specs that kill or restart the stack's LiveKit: they run alone, after every other spec. */
const EXCLUSIVE = ['**/admin-actions.spec.ts'];
/**
 * Specs that mostly wait (out real slots, or for a set to be recorded and archived): `make test`
 * runs them on a stack of their own beside the integration runs instead of inside the CPU-bound
 * end-to-end step, where they took 97 s at 33-38 % of the machine (2026-12-06). None holds the
 * product to a tight timing target: AutoDJ's takeover gap does, so its spec stays in end to end.
 */
const WAITING = ['**/dj-next-slot.spec.ts', '**/slots.spec.ts', '**/archive.spec.ts'];
/**
 * The broadcast, HLS and OBS-over-WHIP flows: `make test` runs them once, over TLS against the
 * standalone app as production runs it (`with-stack.ts --tls --standalone`), not a second time
 * over plain HTTP in the end-to-end step (about 65 s of it); every other audio spec still goes
 * over plain HTTP there.
 */
const TLS = ['**/broadcast.spec.ts', '**/hls.spec.ts', '**/obs-whip.spec.ts'];

/**
 * End-to-end tests against a running stack (LiveKit + `next start`); no webServer here:
 * run through the harness, `npm run test:e2e`, which sets APP_URL and the test admin.
 * One spec at a time: two at once (tried 2026-12-04) starved the CPU-bound axe spec and the
 * audio specs on two cores, and a run took longer and timed out (docs/testing.md).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  workers: 1,
  projects: [
    { name: 'shared', testIgnore: [...EXCLUSIVE, ...WAITING, ...TLS] },
    { name: 'exclusive', testMatch: EXCLUSIVE, dependencies: ['shared'] },
    { name: 'waiting', testMatch: WAITING },
    { name: 'tls', testMatch: TLS },
  ],
  // No retries: a spec that fails once fails the run (docs/testing.md "Retries").
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.APP_URL ?? 'http://127.0.0.1:3100',
    browserName: 'chromium',
    // Playwright's default is light; the station's own look is dark. The light theme is checked
    // where it is asked for (a11y.spec.ts, branding.spec.ts) with page.emulateMedia.
    colorScheme: 'dark',
    // As a visitor who asks the system for less motion: nothing animates, and a live page costs
    // Chromium 20-34 % less CPU on this CPU-bound step (bench/results/2026-12-06-page-cpu.txt).
    // Motion itself is checked with full motion where it is the subject (a11y.spec.ts, bpm.spec.ts).
    reducedMotion: 'reduce',
    headless: true,
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: chromiumArgs(TONE_WAV),
    },
  },
});
