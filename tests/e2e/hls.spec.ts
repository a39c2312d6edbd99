import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createChannel, signIn, uniqueSuffix, type Credentials } from './support/accounts';
import { hlsToneProminence } from './support/audio';
import { requireEnv } from './support/env';
import { chooseListenMode } from './support/listen';

/** Same bar as the WebRTC test: the 1 kHz bin this far (dB) above the median bin. */
const TONE_MARGIN_DB = 30;
/** Go live -> egress (Chromium start) -> first segments in MinIO -> status poll: ~10-15 s here. */
const HLS_READY_TIMEOUT = 60_000;

test.describe.configure({ mode: 'serial' });

// Real all the way: the DJ console's WAV microphone -> LiveKit -> egress -> MinIO -> hls.js in Chromium.
test.describe('HLS, DJ to listener through egress and storage', () => {
  const suffix = uniqueSuffix();
  const slug = `hls-${suffix}`;
  const contexts: BrowserContext[] = [];
  let djPage: Page;

  const newPage = async (browser: import('@playwright/test').Browser) => {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  };
  const expectHlsTone = async (page: Page, message: string) => {
    let measured = 0;
    await expect
      .poll(async () => (measured = await hlsToneProminence(page)), { message, timeout: HLS_READY_TIMEOUT, intervals: [1_000] })
      .toBeGreaterThan(TONE_MARGIN_DB);
    test.info().annotations.push({ type: 'HLS tone prominence (dB over median bin)', description: measured.toFixed(1) });
  };

  test.beforeAll(async ({ browser }) => {
    // The admin broadcasts (admins may always go live), so this spec needs no DJ schedule.
    const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
    djPage = await newPage(browser);
    await signIn(djPage, admin);
    await createChannel(djPage.request, { name: `HLS ${suffix}`, slug, description: 'HLS end to end' });
    await djPage.goto(`/dj/${slug}`);
    await djPage.getByTestId('go-live-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('a listener who picks HLS hears the DJ through egress and storage', async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await newPage(browser);
    await page.goto(`/c/${slug}`);
    await chooseListenMode(page, 'hls');
    await page.getByTestId('play-button').click();
    await expect(page.getByTestId('listen-path')).toHaveAttribute('data-path', 'hls', { timeout: HLS_READY_TIMEOUT });
    await expect(page.getByTestId('listener-status')).toHaveAttribute('data-state', 'playing', { timeout: HLS_READY_TIMEOUT });
    await expectHlsTone(page, 'the 1 kHz tone should reach the HLS listener');
    // The HLS listener is counted although it is not in the LiveKit room: its page's live
    // stream is open with ?hls=1 while it plays, and reopened without it after Stop.
    const count = async () => Number(await page.getByTestId('listener-count').textContent());
    await expect.poll(count, { timeout: 20_000 }).toBe(1);
    await page.getByTestId('stop-button').click();
    // Behind a proxy (`with-stack.ts --tls`: Caddy, as in production) the app learns that the closed
    // stream is gone only when a write to it fails: the next state change or the streams' heartbeat
    // (src/server/live/hub.ts, every 5 s; a second one when the proxy's first write still succeeds):
    // 10 s, with margin for a loaded machine.
    await expect.poll(count, { timeout: 20_000 }).toBe(0);
  });

  test('automatic mode falls back to HLS when WebRTC cannot connect', async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await newPage(browser);
    // WebRTC needs a listener token; refusing it is what a LiveKit outage looks like to the page.
    await page.route('**/api/livekit/token', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"down"}}' }),
    );
    await page.goto(`/c/${slug}`);
    await expect(page.getByTestId('listen-mode-auto')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('play-button').click();
    await expect(page.getByTestId('listen-path')).toHaveAttribute('data-path', 'hls', { timeout: HLS_READY_TIMEOUT });
    await expect(page.getByTestId('listen-path')).toContainText(/switched automatically/);
    await expectHlsTone(page, 'the fallback HLS player should play the tone');
  });

  test('the listener can switch between WebRTC and HLS by hand', async ({ browser }) => {
    const page = await newPage(browser);
    await page.goto(`/c/${slug}`);
    await chooseListenMode(page, 'webrtc');
    await page.getByTestId('play-button').click();
    await expect(page.getByTestId('listen-path')).toHaveAttribute('data-path', 'webrtc');
    await expect(page.getByTestId('listener-status')).toHaveAttribute('data-state', 'playing');
    await chooseListenMode(page, 'hls');
    await expect(page.getByTestId('listen-path')).toHaveAttribute('data-path', 'hls');
    await expectHlsTone(page, 'HLS after switching by hand');
  });
});
