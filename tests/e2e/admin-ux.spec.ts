import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { createChannel, sameOrigin, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

// The admin page (issue 17): a searchable zone picker defaulting to the browser's zone, the slug
// suggested from the name, and an audit log with names and the viewer's times that fits a phone.
test.describe('admin forms and audit log', () => {
  const contexts: BrowserContext[] = [];

  async function adminPage(browser: Browser, timezoneId: string): Promise<Page> {
    const context = await browser.newContext({ timezoneId });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') }, '/admin');
    return page;
  }

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('a new channel starts in the browser zone, zones are searched, and the slug follows the name', async ({ browser }) => {
    const page = await adminPage(browser, 'Asia/Tokyo');
    const suffix = uniqueSuffix();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create channel' }) });
    const zone = form.getByLabel('Time zone');
    await expect(zone).toHaveValue('Asia/Tokyo');

    await form.getByLabel('Channel name').fill(`Late Night Ünter ${suffix}`);
    await expect(form.getByLabel('Slug')).toHaveValue(`late-night-unter-${suffix}`);

    // Keyboard: the first match is taken with Enter; mouse: an option is clicked.
    await zone.fill('berlin');
    await zone.press('Enter');
    await expect(zone).toHaveValue('Europe/Berlin');
    await zone.fill('new yo');
    await form.getByRole('listbox', { name: 'Matching zones' }).getByRole('option', { name: 'America/New_York' }).click();
    await expect(zone).toHaveValue('America/New_York');
    await form.getByRole('button', { name: 'Create channel' }).click();
    const row = page.locator(`[data-testid="admin-channel"][data-slug="late-night-unter-${suffix}"]`);
    await expect(row.getByTestId('admin-channel-details')).toContainText('America/New_York');
    await expect(zone).toHaveValue('Asia/Tokyo');

    // Once the admin edits the slug, the name no longer changes it.
    await form.getByLabel('Channel name').fill('Draft');
    await form.getByLabel('Slug').fill(`own-${suffix}`);
    await form.getByLabel('Channel name').fill('Draft Two');
    await expect(form.getByLabel('Slug')).toHaveValue(`own-${suffix}`);

    // An unknown zone is refused by the form and by the server.
    await zone.fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Create channel' }).click();
    await expect(form.getByText('Unknown time zone')).toBeVisible();
    const res = await page.request.post('/api/admin/channels', {
      data: { name: 'Mars', slug: `mars-${suffix}`, description: '', timeZone: 'Mars/Olympus' },
      headers: sameOrigin(),
    });
    expect(res.status()).toBe(400);
  });

  test('the audit log shows names and the viewer’s times, and fits a 390 px phone', async ({ browser }) => {
    const page = await adminPage(browser, 'America/New_York');
    await page.setViewportSize({ width: 390, height: 844 });
    const suffix = uniqueSuffix();
    const name = `Audit ${suffix}`;
    const channel = await createChannel(page.request, { name, slug: `audit-${suffix}`, description: 'Audit log.' });
    // A kick with nobody on air is still logged, with the end of the block: an instant in the detail.
    const kick = await page.request.post(`/api/admin/channels/${channel.id}/kick`, { headers: sameOrigin() });
    expect(kick.status(), await kick.text()).toBeLessThan(300);
    // The loop writes that entry (finishKick): as late as the loop's turn on a busy stack.
    await expect
      .poll(
        async () => {
          const log = await page.request.get(`/api/admin/audit?channelId=${channel.id}&action=kick`, { timeout: 5_000 });
          return ((await log.json()) as { entries: unknown[] }).entries.length;
        },
        { timeout: 30_000, intervals: [250, 500, 1_000] },
      )
      .toBe(1);

    await page.reload();
    await page.getByLabel('Channel', { exact: true }).selectOption({ label: name });
    const entries = page.getByTestId('audit-entry');
    await expect(entries).toHaveCount(2);
    await expect(entries.filter({ hasText: 'Channel created' })).toContainText(`on ${name}`);
    const kicked = entries.filter({ hasText: 'Kick' });
    await expect(kicked).toContainText('nobody was publishing; blocked until');
    await expect(kicked).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
    // Every time in the log is in the viewer's zone (New York), not UTC.
    const times = kicked.getByTestId('audit-time');
    await expect(times).toHaveCount(2);
    for (const time of await times.all()) {
      const iso = (await time.getAttribute('datetime')) ?? '';
      await expect(time).toContainText(DateTime.fromISO(iso, { zone: 'America/New_York' }).toFormat('HH:mm:ss'));
    }
    await expect.poll(() => page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity)).toBeLessThanOrEqual(390);
  });
});
