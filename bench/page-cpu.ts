// What the DJ console and a listener page cost the browser: Chromium's CPU (every process of
// the bench's headless Chromium, from /proc) in % of one core, over windows of a steady state,
// and what Playwright's trace screenshots and reduced motion change. The trace row is why
// `playwright.config.ts` keeps traces without screenshots (docs/testing.md, "Time budget").
//
//   npm run bench:page-cpu            (starts its own stack: scripts/with-stack.ts)
import type { BrowserContext, Page } from '@playwright/test';
import { createFixture } from './support/api';
import { launchBrowser, openPage, waitForState } from './support/browser';
import { hostLine, runBench, sleep } from './support/env';
import { cmdline, descendants, procStat } from './support/proc-cpu';
import { toneWav } from './support/wav';

const SETTLE_MS = 3_000;
const WINDOW_MS = 15_000;
type Condition = 'plain' | 'trace screenshots' | 'reduced motion';

/** CPU ticks (1/100 s) of this process's Chromium descendants. */
function chromiumTicks(): number {
  return descendants([process.pid])
    .filter((pid) => cmdline(pid).includes('chromium'))
    .reduce((sum, pid) => sum + (procStat(pid)?.ticks ?? 0), 0);
}

/** Chromium's CPU in % of one core over one window, after the state has settled. */
async function windowCpu(): Promise<number> {
  await sleep(SETTLE_MS);
  const [ticks, at] = [chromiumTicks(), Date.now()];
  await sleep(WINDOW_MS);
  return (chromiumTicks() - ticks) / ((Date.now() - at) / 1000);
}

/** Measures each condition on the open pages, undoing it after. */
async function conditions(label: string, open: { context: BrowserContext; page: Page }[]): Promise<void> {
  const row: Record<Condition, number> = { plain: 0, 'trace screenshots': 0, 'reduced motion': 0 };
  row.plain = await windowCpu();
  for (const { context } of open) await context.tracing.start({ screenshots: true, snapshots: true });
  row['trace screenshots'] = await windowCpu();
  for (const { context } of open) await context.tracing.stop();
  for (const { page } of open) await page.emulateMedia({ reducedMotion: 'reduce' });
  row['reduced motion'] = await windowCpu();
  for (const { page } of open) await page.emulateMedia({ reducedMotion: 'no-preference' });
  const cells = (Object.keys(row) as Condition[]).map((c) => `${c} ${row[c].toFixed(1)} %`);
  console.log(`${label.padEnd(36)} ${cells.join(' | ')}`);
}

async function main(): Promise<void> {
  console.log(`[page-cpu] ${new Date().toISOString()} ${hostLine()}`);
  console.log(`[page-cpu] Chromium CPU, % of one core, ${WINDOW_MS / 1000} s windows after ${SETTLE_MS / 1000} s settling`);
  const fx = await createFixture('pagecpu');
  const browser = await launchBrowser(toneWav());
  try {
    console.log(`${'browser, no page'.padEnd(36)} plain ${(await windowCpu()).toFixed(1)} %`);
    // No probe: the pages as the app serves them.
    const dj = await openPage(browser, fx.appUrl, null, fx.dj);
    await dj.page.goto(`/dj/${fx.channel.slug}`);
    await dj.page.locator('[data-testid="go-live-button"]:enabled').waitFor({ timeout: 30_000 });
    await conditions('DJ console, off air (input preview)', [dj]);
    await dj.page.locator('[data-testid="go-live-button"]:enabled').click();
    await waitForState(dj.page, 'broadcast-status', 'live', 30_000);
    await conditions('DJ console, live', [dj]);
    const listener = await openPage(browser, fx.appUrl, null);
    await listener.page.goto(`/c/${fx.channel.slug}`);
    await listener.page.getByTestId('play-button').click();
    await waitForState(listener.page, 'listener-status', 'playing', 30_000);
    await conditions('DJ console live + a listener playing', [dj, listener]);
  } finally {
    await browser.close();
  }
}

runBench('page-cpu', main);
