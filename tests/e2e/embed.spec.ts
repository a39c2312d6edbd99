import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createChannel, createDj, scheduleNow, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

/** Live state reaches pages through webhooks and the live stream. */
const LIVE_STATE_TIMEOUT = 25_000;

/**
 * Another site: a page served from loopback under the host name the app is not served under
 * (another origin, and a secure context as a real https site is; Chromium refuses frames into
 * loopback from pages it takes for public, so Playwright's route stand-ins cannot play it).
 */
async function startOtherSite(app: URL): Promise<{ origin: string; frame: (path: string) => void; close: () => Promise<void> }> {
  let body = '';
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = app.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return {
    origin: `http://${host}:${port}`,
    frame: (path) => {
      body = `<!doctype html><title>A blog</title><h1>My blog</h1><iframe id="player" src="${new URL(path, app)}" width="640" height="200"></iframe>`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test.describe.configure({ mode: 'serial' });

test.describe('embeddable player', () => {
  const suffix = uniqueSuffix();
  const slug = `embed-${suffix}`;
  const name = `Embed ${suffix}`;
  const dj = { name: `DJ Frame ${suffix}`, email: `frame-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const app = new URL(requireEnv('APP_URL'));
  const contexts: BrowserContext[] = [];
  let site: Awaited<ReturnType<typeof startOtherSite>>;

  async function newPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  /** Opens a page of another site that frames `path` of the app. */
  async function framedBy(page: Page, path: string): Promise<void> {
    site.frame(path);
    await page.goto(`${site.origin}/blog-post`);
  }

  test.beforeAll(async ({ browser }) => {
    site = await startOtherSite(app);
    const admin = await newPage(browser);
    await signIn(admin, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
    const channel = await createChannel(admin.request, { name, slug, description: 'Framed elsewhere.' });
    await scheduleNow(admin.request, channel.id, await createDj(admin.request, dj));
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await site?.close();
  });

  test('only /embed/<slug> may be framed: its own CSP, no X-Frame-Options; every other page keeps both', async ({ request }) => {
    const embed = await request.get(`/embed/${slug}`);
    expect(embed.status()).toBe(200);
    const embedCsp = embed.headers()['content-security-policy'] ?? '';
    expect(embedCsp).toContain('frame-ancestors *');
    expect(embedCsp).toMatch(/script-src 'self' 'nonce-/);
    expect(embed.headers()['x-frame-options']).toBeUndefined();
    for (const path of [`/c/${slug}`, '/', `/embed/${slug}/x`, '/embedded', '/sign-in']) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.headers()['content-security-policy'] ?? '', path).toContain("frame-ancestors 'none'");
      expect(res.headers()['x-frame-options'], path).toBe('DENY');
    }
  });

  test('another site frames the player, and it shows the channel without the site header', async ({ browser }) => {
    const page = await newPage(browser);
    await framedBy(page, `/embed/${slug}`);
    const frame = page.frameLocator('#player');
    await expect(frame.getByTestId('embed-player')).toBeVisible();
    await expect(frame.getByRole('heading', { name })).toBeVisible();
    await expect(frame.getByTestId('play-button')).toBeVisible();
    await expect(frame.getByRole('banner')).toHaveCount(0);
    await expect(frame.getByRole('link', { name })).toHaveAttribute('target', '_blank');
  });

  test('a framed channel page stays blank', async ({ browser }) => {
    const page = await newPage(browser);
    const refused = page.waitForEvent('console', (m) =>
      m.text().includes('violates the following Content Security Policy directive: "frame-ancestors \'none\'"'),
    );
    await framedBy(page, `/c/${slug}`);
    await refused;
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame, 'the iframe exists').toBeDefined();
    expect(frame!.url()).not.toContain(`/c/${slug}`);
    await expect(page.frameLocator('#player').getByTestId('play-button')).toHaveCount(0);
    await expect(page.frameLocator('#player').locator('body')).not.toContainText(name);
  });

  test('the framed player plays the DJ live', async ({ browser }) => {
    // Going on air and the first WebRTC connect are slow on a loaded machine.
    test.setTimeout(120_000);
    const djPage = await newPage(browser);
    const card = async () => (await djPage.request.get(`/c/${slug}/opengraph-image`)).body();
    const offAirCard = await card();
    await signIn(djPage, dj, `/dj/${slug}`);
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'idle');
    await djPage.getByTestId('go-live-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');

    const page = await newPage(browser);
    await framedBy(page, `/embed/${slug}`);
    const frame = page.frameLocator('#player');
    await expect(frame.getByTestId('channel-dj-name')).toHaveText(dj.name, { timeout: LIVE_STATE_TIMEOUT });
    await expect(frame.getByTestId('channel-live-badge')).toBeVisible();
    // The channel's share card is drawn per request: now with the ON AIR lamp and the DJ.
    expect((await card()).equals(offAirCard), 'the share card changed when the channel went on air').toBe(false);
    await frame.getByTestId('play-button').click();
    await expect(frame.getByTestId('listener-status')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await frame.getByTestId('stop-button').click();
    await expect(frame.getByTestId('listener-status')).toHaveAttribute('data-state', 'idle');
    await djPage.getByTestId('stop-broadcast-button').click();
  });
});
