import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

/** From the first slot's form to its start: three slots entered and a DJ signed in, on a loaded machine. */
const LEAD_MS = 60_000;
const utcLocal = (ms: number) => new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19);

test.describe.configure({ mode: 'serial' });

test.describe('DJ slots from the admin UI to the air', () => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const slug = `slot-ui-${suffix}`;
  const djName = `DJ Slot ${suffix}`;
  const dj = { email: `slot-dj-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const contexts: BrowserContext[] = [];
  let slotStart = 0;

  async function newPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('admin creates a channel, a DJ and two slots; the DJ waits in the green room and goes on air at the start', async ({ browser }) => {
    const admin = await newPage(browser);
    await signIn(admin, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') }, '/admin');
    await admin.getByLabel('Channel name').fill(`Slots ${suffix}`);
    await admin.getByLabel('Slug').fill(slug);
    await admin.getByRole('button', { name: 'Create channel' }).click();
    const row = admin.locator(`[data-testid="admin-channel"][data-slug="${slug}"]`);
    await expect(row).toContainText('UTC');
    await admin.getByLabel('DJ name').fill(djName);
    await admin.getByLabel('Email', { exact: true }).fill(dj.email);
    await admin.getByLabel('Initial password').fill(dj.password);
    await admin.getByRole('button', { name: 'Create account' }).click();
    await expect(admin.getByTestId('admin-account-list')).toContainText(dj.email);

    await row.getByTestId('schedule-link').click();
    await expect(admin.getByRole('heading', { name: `Schedule · Slots ${suffix}` })).toBeVisible();
    await admin.getByTestId('dj-roster').getByLabel(djName).check();
    await admin.getByRole('button', { name: 'Save DJs' }).click();
    const form = admin.getByTestId('new-slot-form');
    await expect(form.getByLabel(djName)).toBeVisible();

    // A slot that overlaps nothing, then an overlapping one refused with the conflict named.
    slotStart = Date.parse(`${utcLocal(Date.now() + LEAD_MS)}Z`);
    const fill = async (title: string, startMs: number, minutes: string) => {
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Start (UTC)').fill(utcLocal(startMs));
      await form.getByLabel('Duration (minutes)').fill(minutes);
      await form.getByLabel(djName).check();
      await form.getByRole('button', { name: 'Create slot' }).click();
    };
    await fill('Opening Set', slotStart, '2');
    await expect(admin.getByTestId('slot-list')).toContainText('Opening Set');
    await fill('Clash', slotStart + 60_000, '5');
    await expect(admin.getByTestId('new-slot-error')).toContainText('overlaps “Opening Set”');
    await fill('Closing Set', slotStart + 120_000, '30');
    await expect(admin.getByTestId('slot-list')).toContainText('Closing Set');
    await expect(admin.getByTestId('calendar-occurrence').filter({ hasText: 'Opening Set' })).toBeVisible();

    // The DJ: green room with a countdown, then on air at the slot start, driven by the server.
    const djPage = await newPage(browser);
    await signIn(djPage, dj, '/dj');
    await expect(djPage.getByTestId('upcoming-slots')).toContainText('Opening Set');
    await djPage.goto(`/dj/${slug}`);
    await expect(djPage.getByTestId('device-select')).toBeEnabled();
    await djPage.getByTestId('go-live-button').click();
    const status = djPage.getByTestId('broadcast-status');
    await expect(status).toHaveAttribute('data-state', 'waiting');
    await expect(djPage.getByTestId('slot-countdown')).toContainText('You go on air in');
    await expect(status).toHaveAttribute('data-state', 'live', { timeout: LEAD_MS + 20_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(slotStart);
    await expect(djPage.getByTestId('slot-countdown')).toContainText('Your slot ends in');

    // A listener sees the DJ's name and what comes next, from the schedule.
    const listener = await newPage(browser);
    await listener.goto(`/c/${slug}`);
    await expect(listener.getByTestId('channel-dj-name')).toHaveText(djName, { timeout: 15_000 });
    await expect(listener.getByTestId('schedule-now')).toContainText('Opening Set');
    await expect(listener.getByTestId('schedule-next')).toContainText('Closing Set');

    // And the admin console shows them live, pushed without a reload.
    await admin.goto('/admin');
    await expect(admin.locator(`[data-testid="live-channel"][data-slug="${slug}"]`).getByTestId('live-dj')).toHaveText(djName);
  });
});
