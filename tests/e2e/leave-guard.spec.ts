import { expect, test, type BrowserContext, type Dialog, type Page } from '@playwright/test';
import { createChannel, createDj, scheduleNow, signIn, uniqueSuffix, type Credentials } from './support/accounts';
import { requireEnv } from './support/env';

/** Live state reaches pages through webhooks and 5 s polling. */
const LIVE_STATE_TIMEOUT = 25_000;

test.describe('a DJ on air does not lose the set to a stray click', () => {
  // Four page loads and two live-state waits: at load average 30 the listener page alone took 17 s
  // to load and its live badge 18 s more, past the default 60 s (like the other multi-page specs).
  test.setTimeout(120_000);
  const suffix = uniqueSuffix();
  const slug = `e2e-guard-${suffix}`;
  const dj = { name: `DJ Guard ${suffix}`, email: `dj-guard-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const contexts: BrowserContext[] = [];
  let djPage: Page;

  test.beforeAll(async ({ browser }) => {
    const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
    const adminContext = await browser.newContext();
    contexts.push(adminContext);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin);
    const channel = await createChannel(adminPage.request, { name: `E2E Guard ${suffix}`, slug, description: '' });
    await scheduleNow(adminPage.request, channel.id, await createDj(adminPage.request, dj));

    const djContext = await browser.newContext();
    contexts.push(djContext);
    djPage = await djContext.newPage();
    await signIn(djPage, dj, `/dj/${slug}`);
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('a header link, Back and Sign out ask first; staying keeps the set on air, leaving ends it', async () => {
    await djPage.goto(`/dj/${slug}`);
    await djPage.getByTestId('go-live-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
    const home = djPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' });

    const asked: string[] = [];
    const stay = (dialog: Dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    };
    djPage.once('dialog', stay);
    await home.click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/on air/i);
    await expect(djPage).toHaveURL((url) => url.pathname === `/dj/${slug}`);
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');

    const listener = await contexts[0]!.newPage();
    await listener.goto(`/c/${slug}`);
    await expect(listener.getByTestId('channel-live-badge')).toBeVisible({ timeout: LIVE_STATE_TIMEOUT });

    // The Back button asks too; staying keeps the set.
    djPage.once('dialog', stay);
    await djPage.evaluate(() => window.history.back());
    await expect.poll(() => asked.length).toBe(2);
    await expect(djPage).toHaveURL((url) => url.pathname === `/dj/${slug}`);
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');

    // So does Sign out in the header.
    djPage.once('dialog', stay);
    await djPage.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => asked.length).toBe(3);
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
    await expect(listener.getByTestId('channel-live-badge')).toBeVisible();

    djPage.once('dialog', (dialog) => void dialog.accept());
    await home.click();
    await expect(djPage).toHaveURL((url) => url.pathname === '/');
    await expect(listener.getByTestId('channel-live-badge')).toHaveCount(0, { timeout: LIVE_STATE_TIMEOUT });
    await listener.close();
  });
});
