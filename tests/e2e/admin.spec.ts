import { expect, test } from '@playwright/test';
import { signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

// Next.js renders its own role="alert" route announcer, so alerts are matched by text.
test.describe('admin console', () => {
  test('signed-out visitors are sent to sign in', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(requireEnv('TEST_ADMIN_EMAIL'));
    await page.getByLabel('Password').fill('definitely-not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password' })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('an admin creates a channel and a DJ through the forms', async ({ page }) => {
    const suffix = uniqueSuffix();
    const slug = `admin-ui-${suffix}`;
    await signIn(page, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') }, '/admin');
    await expect(page.getByRole('heading', { name: 'Station admin' })).toBeVisible();

    // Invalid input: a clear error, and what was typed stays in the form.
    await page.getByLabel('Channel name').fill(`Morning ${suffix}`);
    await page.getByLabel('Slug').fill('Not A Slug!');
    await page.getByRole('button', { name: 'Create channel' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Slug may use lowercase letters' })).toBeVisible();
    await expect(page.getByLabel('Channel name')).toHaveValue(`Morning ${suffix}`);

    await page.getByLabel('Slug').fill(slug);
    await page.getByLabel('Description').fill('Coffee and deep house');
    await page.getByRole('button', { name: 'Create channel' }).click();
    await expect(page.locator(`[data-testid="admin-channel"][data-slug="${slug}"]`)).toContainText(`Morning ${suffix}`);
    await expect(page.getByLabel('Channel name')).toHaveValue('');

    // The same slug again is a conflict, reported from the server.
    await page.getByLabel('Channel name').fill('Duplicate');
    await page.getByLabel('Slug').fill(slug);
    await page.getByRole('button', { name: 'Create channel' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'already used' })).toBeVisible();

    const djEmail = `ui-dj-${suffix}@test.local`;
    await page.getByLabel('DJ name').fill(`DJ UI ${suffix}`);
    await page.getByLabel('Email').fill(djEmail);
    await page.getByLabel('Initial password').fill(`pw-${suffix}-long-enough`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('admin-account-list')).toContainText(djEmail);

    // The home page finds it by a word of its name (a plain GET form, so Enter works before hydration).
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search channels' }).fill(`Morning ${suffix}`);
    await page.getByRole('searchbox', { name: 'Search channels' }).press('Enter');
    await expect(page).toHaveURL(/[?&]q=Morning/);
    await expect(page.locator(`[data-testid="channel-card"][data-slug="${slug}"]`)).toContainText(`Morning ${suffix}`);
    await expect(page.getByTestId('channel-card')).toHaveCount(1);
  });

  test("an admin sets and clears a channel's HLS retention, with a clear error for bad input", async ({ page }) => {
    const suffix = uniqueSuffix();
    const slug = `retention-${suffix}`;
    await signIn(page, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') }, '/admin');
    const create = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create channel' }) });
    await create.getByLabel('Channel name').fill(`Archive ${suffix}`);
    await create.getByLabel('Slug').fill(slug);
    for (const bad of ['0', '3651', '1.5', 'week']) {
      await create.getByLabel('Keep sets (days)').fill(bad);
      await create.getByRole('button', { name: 'Create channel' }).click();
      await expect(create.getByText('HLS retention must be a whole number of days from 1 to 3650')).toBeVisible();
    }
    await create.getByLabel('Keep sets (days)').fill('30');
    await create.getByRole('button', { name: 'Create channel' }).click();
    const row = page.locator(`[data-testid="admin-channel"][data-slug="${slug}"]`);
    await expect(row.getByTestId('admin-channel-details')).toContainText('sets archived, kept 30 days');

    // Edit: the form starts from the saved value; empty means the station default again.
    await row.getByRole('button', { name: 'Edit' }).click();
    const days = row.getByLabel('Keep sets (days)');
    await expect(days).toHaveValue('30');
    await days.fill('-2');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByText('HLS retention must be a whole number of days')).toBeVisible();
    await days.fill('');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByTestId('admin-channel-details')).toContainText(/sets archived, kept \d+ days? \(default\)/);
    await page.reload();
    await expect(page.locator(`[data-testid="admin-channel"][data-slug="${slug}"]`).getByTestId('admin-channel-details')).toContainText(
      '(default)',
    );
  });
});
