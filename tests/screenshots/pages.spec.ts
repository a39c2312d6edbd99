import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createChannel, createDj, scheduleNow, signIn, uniqueSuffix } from '../e2e/support/accounts';
import { VIEWPORTS } from '../e2e/support/axe';
import { requireEnv } from '../e2e/support/env';
import { LIVE_STATE_TIMEOUT, pages, type Fixture, type Phase, type Viewer } from '../e2e/support/pages';

/** Writes `<dir>/<size>/<page>-<state>.png` for every page of tests/e2e/support/pages.ts and the DJ console. */
const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? path.join(__dirname, '..', '..', 'screenshots'));

const fileName = (name: string, phase: Phase) => `${name.replace(/\s+/g, '-')}-${phase === 'live' ? 'live' : 'off-air'}.png`;

/** Both sizes of the page as it is now, without reloading (the console must stay live). */
async function shoot(page: Page, name: string, phase: Phase): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const dir = path.join(OUT, viewport.name);
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, fileName(name, phase)), fullPage: true, animations: 'disabled' });
  }
}

test('every page, desktop and phone, off air and live', async ({ browser }) => {
  test.setTimeout(600_000);
  const suffix = uniqueSuffix();
  const fixture: Fixture = { slug: `shots-${suffix}`, channelId: '' };
  const dj = { name: `DJ Shots ${suffix}`, email: `shots-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const contexts = new Map<Viewer, BrowserContext>();
  for (const viewer of ['listener', 'dj', 'admin'] as const) contexts.set(viewer, await browser.newContext());
  try {
    const adminPage = await contexts.get('admin')!.newPage();
    await signIn(adminPage, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
    const channel = await createChannel(adminPage.request, { name: `Studio ${suffix}`, slug: fixture.slug, description: 'Screenshots.' });
    fixture.channelId = channel.id;
    await scheduleNow(adminPage.request, channel.id, await createDj(adminPage.request, dj));
    await adminPage.close();

    const djConsole = await contexts.get('dj')!.newPage();
    await signIn(djConsole, dj, `/dj/${fixture.slug}`);
    for (const phase of ['off air', 'live'] as const) {
      if (phase === 'live') {
        await djConsole.getByTestId('go-live-button').click();
        await expect(djConsole.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live', { timeout: LIVE_STATE_TIMEOUT });
      } else {
        await expect(djConsole.getByTestId('go-live-button')).toBeEnabled();
      }
      await shoot(djConsole, 'dj-console', phase);
      for (const page of pages(fixture).filter((p) => phase === 'off air' || !p.sameLive)) {
        const tab = await contexts.get(page.as)!.newPage();
        try {
          await tab.goto(page.path(fixture));
          // A review aid: a page that is slow to show its state is still shot, and named.
          await page.ready?.(tab, phase).catch((e: Error) => console.log(`${page.name} (${phase}) not ready: ${e.message.split('\n')[0]}`));
          await shoot(tab, page.name, phase);
        } finally {
          await tab.close();
        }
      }
    }
  } finally {
    for (const context of contexts.values()) await context.close();
  }
  console.log(`screenshots written to ${OUT}`);
});
