import { expect, test, type Page } from '@playwright/test';
import { TINY_PNG } from '../support/images';
import { themeAccent } from '@/lib/branding/accent-plan';
import { DEFAULT_BRANDING } from '@/types/station';
import { createChannel, sameOrigin, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

const meta = (page: Page, key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute('content');
const rootVar = (page: Page, name: string) =>
  page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

// Issue 17: an admin names the station, picks its colour and logo; every place the name shows follows.
test('an admin sets the name, accent and logo: header, title, manifest and share card follow', async ({ page }) => {
  const suffix = uniqueSuffix();
  const name = `Night FM ${suffix}`;
  await signIn(page, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') }, '/admin/station');
  const channel = await createChannel(page.request, { name: `Brand ${suffix}`, slug: `brand-${suffix}`, description: '' });
  try {
    await expect(page.getByRole('heading', { level: 1, name: 'Station look' })).toBeVisible();
    // A mid-grey no text reads on is refused with the contrast it reached.
    await page.getByLabel('Accent colour', { exact: true }).fill('#7a7a7a');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('station-error')).toContainText('fails WCAG AA');

    await page.getByLabel('Station name').fill(name);
    await page.getByLabel('Accent colour', { exact: true }).fill('#1d4ed8');
    await expect(page.getByTestId('accent-report')).toContainText('Dark theme: #');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('station-saved')).toHaveText('Saved.');
    await page.getByLabel('Upload a logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(TINY_PNG) });
    await expect(page.getByTestId('station-logo-preview')).toBeVisible();

    await page.goto(`/c/${channel.slug}`);
    const brand = page.getByTestId('site-brand');
    await expect(brand).toHaveText(name);
    await expect(brand.locator('img')).toHaveAttribute('src', /^\/api\/station\/logo\?v=/);
    await expect(page).toHaveTitle(`Brand ${suffix} · ${name}`);
    // Dark is the suite's scheme (playwright.config.ts): the accent is the admin's, lightened there if it must read as text.
    expect(await rootVar(page, '--color-accent')).toBe(themeAccent('#1d4ed8', 'dark').accent);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await rootVar(page, '--color-accent')).toBe(themeAccent('#1d4ed8', 'light').accent);
    await page.emulateMedia({ colorScheme: 'dark' });

    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as { name: string };
    expect(manifest.name).toBe(name);

    await page.goto('/');
    expect(await meta(page, 'og:title')).toBe(name);
    expect(await meta(page, 'og:image:alt')).toContain(name);
    const card = await page.request.get((await meta(page, 'og:image')) ?? '');
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe('image/png');
  } finally {
    // Every other spec expects today's look.
    await page.request.put('/api/admin/station', { data: { ...DEFAULT_BRANDING, accent: null }, headers: sameOrigin() });
    await page.request.delete('/api/admin/station/logo', { headers: sameOrigin() });
  }
});
