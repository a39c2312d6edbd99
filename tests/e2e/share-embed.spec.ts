import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createChannel, createDj, scheduleNow, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

test.describe.configure({ mode: 'serial' });

test.describe('share, install and embed', () => {
  const suffix = uniqueSuffix();
  const slug = `share-${suffix}`;
  const name = `Share ${suffix}`;
  const dj = { name: `DJ Embed ${suffix}`, email: `embed-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const app = new URL(requireEnv('APP_URL'));
  const contexts: BrowserContext[] = [];

  async function newPage(browser: Browser, options?: Parameters<Browser['newContext']>[0]): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  const meta = (page: Page, key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute('content');

  test.beforeAll(async ({ browser }) => {
    const admin = await newPage(browser);
    await signIn(admin, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
    const channel = await createChannel(admin.request, { name, slug, description: 'Shared and embedded.' });
    await scheduleNow(admin.request, channel.id, await createDj(admin.request, dj));
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('a channel page carries Open Graph and Twitter cards with an absolute, generated image', async ({ page, request }) => {
    await page.goto(`/c/${slug}`);
    expect(await meta(page, 'og:title')).toContain(name);
    expect(await meta(page, 'og:url')).toBe(new URL(`/c/${slug}`, app).toString());
    expect(await meta(page, 'og:description')).toContain('Shared and embedded.');
    expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(await meta(page, 'twitter:title')).toContain(name);
    for (const key of ['og:image', 'twitter:image']) {
      const image = new URL((await meta(page, key)) ?? '');
      expect(image.origin, key).toBe(app.origin);
      expect(image.pathname, key).toMatch(new RegExp(`^/c/${slug}/(opengraph|twitter)-image`));
      const res = await request.get(image.toString());
      expect(res.status(), key).toBe(200);
      expect(res.headers()['content-type'], key).toBe('image/png');
      expect((await res.body()).subarray(0, 4).equals(PNG), `${key} is a PNG`).toBe(true);
    }
    // Pages without their own card get the station's.
    await page.goto('/');
    expect(new URL((await meta(page, 'og:image')) ?? '').pathname).toMatch(/^\/opengraph-image/);
    expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
    await page.goto('/sign-in');
    expect(await meta(page, 'og:title')).toContain('Sign in');
    expect(await meta(page, 'og:url')).toBe(new URL('/sign-in', app).toString());
  });

  test('the station installs: manifest linked, icons and favicon answer, no page logs an error', async ({ page, request }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: ${m.text()}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    for (const path of ['/', `/c/${slug}`, `/embed/${slug}`, '/sign-in']) {
      await page.goto(path);
      await expect(page.locator('link[rel="manifest"]'), path).toHaveAttribute('href', '/manifest.webmanifest');
      await expect(page.locator('link[rel="icon"]').first(), path).toHaveAttribute('href', /^\/(favicon\.ico|icon\.svg)/);
    }
    // Chromium asks for the manifest and icons by itself after load; give it a moment to say anything.
    await expect.poll(() => errors, { timeout: 3_000 }).toEqual([]);

    const manifest = await request.get('/manifest.webmanifest');
    expect(manifest.status()).toBe(200);
    const body = (await manifest.json()) as {
      name: string;
      display: string;
      start_url: string;
      icons: { src: string; type: string; sizes: string }[];
    };
    expect(body).toMatchObject({ display: 'standalone', start_url: '/' });
    expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const icons = [...body.icons.map((i) => [i.src, i.type]), ['/favicon.ico', 'image/x-icon'], ['/apple-icon.png', 'image/png']];
    for (const [src, type] of icons) {
      const res = await request.get(src!);
      expect(res.status(), src).toBe(200);
      expect(res.headers()['content-type'], src).toBe(type);
    }
    await page.goto('/');
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', /^\/apple-icon\.png/);
  });

  test('share copies the link where there is no share sheet, and uses the sheet where there is', async ({ browser }) => {
    const page = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true }));
    await page.goto(`/c/${slug}`);
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-feedback')).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/c/${slug}`, app).toString());

    const sheet = await newPage(browser);
    await sheet.addInitScript(() => {
      const calls: ShareData[] = [];
      (window as unknown as { __shared: ShareData[] }).__shared = calls;
      Object.defineProperty(Navigator.prototype, 'share', { value: async (data: ShareData) => void calls.push(data), configurable: true });
    });
    await sheet.goto(`/c/${slug}`);
    await sheet.getByTestId('share-button').click();
    await expect(sheet.getByTestId('share-feedback')).toHaveText('Shared');
    const shared = await sheet.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
    expect(shared).toEqual([expect.objectContaining({ url: new URL(`/c/${slug}`, app).toString(), title: name })]);
  });

  test('copy embed code puts the iframe snippet on the clipboard', async ({ browser }) => {
    const page = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`/c/${slug}`);
    await page.getByTestId('copy-embed-button').click();
    await expect(page.getByTestId('share-feedback')).toHaveText('Embed code copied');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(new RegExp(`^<iframe src="${new URL(`/embed/${slug}`, app).toString()}" title="${name}: live radio player" `));
    expect(snippet).toMatch(/><\/iframe>$/);
  });
});
