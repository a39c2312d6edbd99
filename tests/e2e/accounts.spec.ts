import { expect, test } from '@playwright/test';
import { createDj, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

// Next.js renders its own role="alert" route announcer, so alerts are matched by text.
test('an admin renames a DJ and resets their password; the DJ signs in with it and changes it', async ({ browser }) => {
  const suffix = uniqueSuffix();
  const dj = { name: `DJ Rename ${suffix}`, email: `rename-${suffix}@test.local`, password: `pw-${suffix}-initial-one` };
  const reset = `pw-${suffix}-from-admin`;
  const own = `pw-${suffix}-my-own-one`;

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') }, '/admin');
  await createDj(admin.request, dj);
  await admin.reload();

  const row = admin.getByTestId('admin-account').filter({ hasText: dj.email });
  await row.getByRole('button', { name: 'Edit' }).click();
  const editor = row.getByTestId('account-editor');
  await editor.getByLabel('Name', { exact: true }).fill(`DJ Renamed ${suffix}`);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByTestId('admin-account-list')).toContainText(`DJ Renamed ${suffix}`);

  const renamed = admin.getByTestId('admin-account').filter({ hasText: dj.email });
  await renamed.getByRole('button', { name: 'Edit' }).click();
  await renamed.getByLabel('New password', { exact: true }).fill(reset);
  await renamed.getByRole('button', { name: 'Reset password' }).click();
  await expect(renamed.getByText('Password reset.')).toBeVisible();
  await adminContext.close();

  const djContext = await browser.newContext();
  const page = await djContext.newPage();
  await signIn(page, { email: dj.email, password: reset }, '/account');
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: `DJ Renamed ${suffix}` })).toHaveAttribute('href', '/account');

  await page.getByLabel('Current password').fill('not-the-current-one');
  await page.getByLabel('New password').fill(own);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your current password is not right.')).toBeVisible();

  await page.getByLabel('Current password').fill(reset);
  await page.getByLabel('New password').fill(own);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.')).toBeVisible();
  // This device stays signed in (the session was renewed, the old one revoked).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  await djContext.close();

  const again = await (await browser.newContext()).newPage();
  await signIn(again, { email: dj.email, password: own }, '/account');
  await expect(again.getByRole('heading', { name: 'Account' })).toBeVisible();
});
