import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createChannel, createDj, scheduleNow, signIn, uniqueSuffix, type Credentials } from './support/accounts';
import { meterDb, toneProminence } from './support/audio';
import { requireEnv } from './support/env';

/** The 1 kHz bin must stand this far (dB) above the median bin to count as "the tone arrived". */
const TONE_MARGIN_DB = 30;
/** Live state reaches pages through webhooks and 5 s polling. */
const LIVE_STATE_TIMEOUT = 25_000;

test.describe.configure({ mode: 'serial' });

test.describe('live broadcast, DJ to listener', () => {
  const suffix = uniqueSuffix();
  const slug = `e2e-${suffix}`;
  const dj = { name: `DJ Tone ${suffix}`, email: `dj-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  let channelId = '';
  const contexts: BrowserContext[] = [];
  let djPage: Page;
  let listenerPage: Page;
  let adminPage: Page;

  async function newPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  const card = (page: Page) => page.locator(`[data-testid="channel-card"][data-slug="${slug}"]`);
  const listenerState = () => listenerPage.getByTestId('listener-status');
  const expectTone = async (message: string) => {
    let measured = 0;
    await expect
      .poll(async () => (measured = await toneProminence(listenerPage)), { message, timeout: 30_000, intervals: [500, 1_000] })
      .toBeGreaterThan(TONE_MARGIN_DB);
    test.info().annotations.push({ type: 'tone prominence (dB over median bin)', description: measured.toFixed(1) });
  };

  test.beforeAll(async ({ browser }) => {
    const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
    adminPage = await newPage(browser);
    await signIn(adminPage, admin);
    const channel = await createChannel(adminPage.request, {
      name: `E2E Tone ${suffix}`,
      slug,
      description: 'A steady 1 kHz tone from the fake microphone.',
    });
    channelId = channel.id;
    await scheduleNow(adminPage.request, channel.id, await createDj(adminPage.request, dj));

    djPage = await newPage(browser);
    await signIn(djPage, dj, `/dj/${slug}`);
    listenerPage = await newPage(browser);
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('DJ console previews the input and goes live', async () => {
    await djPage.goto(`/dj/${slug}`);
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'idle');
    await expect(djPage.getByTestId('device-select')).toBeEnabled();

    // The fake microphone plays a -6 dBFS tone: both meters must rise well above the floor before going live.
    await expect.poll(() => meterDb(djPage, 'level-meter-left'), { timeout: 15_000 }).toBeGreaterThan(-30);
    await expect.poll(() => meterDb(djPage, 'level-meter-right'), { timeout: 15_000 }).toBeGreaterThan(-30);

    await djPage.getByTestId('go-live-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
    await expect(djPage.getByTestId('broadcast-error')).toHaveCount(0);
    await expect(djPage.getByTestId('stop-broadcast-button')).toBeEnabled();
  });

  test('listener presses Play and hears the 1 kHz tone', async () => {
    expect(channelId).not.toBe('');
    await listenerPage.goto(`/c/${slug}`);
    await expect(listenerState()).toHaveAttribute('data-state', 'idle');
    await listenerPage.getByTestId('play-button').click();
    await expect(listenerState()).toHaveAttribute('data-state', 'playing');
    await expect(listenerPage.getByTestId('start-audio-button')).toHaveCount(0);
    await expectTone('the 1 kHz tone should reach the listener through LiveKit');
  });

  test('listener count and the home page show the live set', async () => {
    await expect
      .poll(async () => Number(await listenerPage.getByTestId('listener-count').textContent()), {
        timeout: LIVE_STATE_TIMEOUT,
      })
      .toBeGreaterThanOrEqual(1);
    await expect(listenerPage.getByTestId('channel-dj-name')).toHaveText(dj.name, { timeout: LIVE_STATE_TIMEOUT });

    const home = await listenerPage.context().newPage();
    await home.goto(`/?q=${slug}`);
    await expect(card(home)).toHaveAttribute('data-live', 'true', { timeout: LIVE_STATE_TIMEOUT });
    await expect(card(home).getByTestId('channel-live-badge')).toBeVisible();
    await expect(card(home).getByTestId('channel-dj-name')).toHaveText(dj.name);
    await home.close();
  });

  test('the DJ console and the admin live console show the connection health', async () => {
    // The console reports every 3 s once live; the admin stream pushes each report.
    const bitrate = async (health: ReturnType<Page['getByTestId']>) => Number(await health.getAttribute('data-bitrate'));
    const own = djPage.getByTestId('link-health');
    await expect(own).toHaveAttribute('data-verdict', 'good', { timeout: 15_000 });
    await expect.poll(() => bitrate(own)).toBeGreaterThan(0);
    await adminPage.goto('/admin');
    const seen = adminPage.locator(`[data-testid="live-channel"][data-slug="${slug}"]`).getByTestId('link-health');
    await expect(seen).toHaveAttribute('data-verdict', 'good', { timeout: 15_000 });
    await expect.poll(() => bitrate(seen)).toBeGreaterThan(0);
    test.info().annotations.push({ type: 'DJ uplink (kbps)', description: String(await bitrate(seen)) });
  });

  test('listener waits through a DJ stop, and plays again when the DJ returns', async () => {
    const home = await listenerPage.context().newPage();
    await home.goto(`/?q=${slug}`);
    await expect(card(home)).toHaveAttribute('data-live', 'true', { timeout: LIVE_STATE_TIMEOUT });

    await djPage.getByTestId('stop-broadcast-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'idle');

    // The listener stays connected and says it is waiting; the home page (polling) goes off air.
    await expect(listenerState()).toHaveAttribute('data-state', 'waiting');
    await expect(listenerState()).toContainText(/waiting for the DJ/i, { timeout: LIVE_STATE_TIMEOUT });
    await expect(card(home)).toHaveAttribute('data-live', 'false', { timeout: LIVE_STATE_TIMEOUT });
    await expect(card(home).getByTestId('channel-live-badge')).toHaveCount(0);

    await djPage.getByTestId('go-live-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
    await expect(listenerState()).toHaveAttribute('data-state', 'playing', { timeout: LIVE_STATE_TIMEOUT });
    await expectTone('the tone should be back after the DJ returned');
    await expect(card(home)).toHaveAttribute('data-live', 'true', { timeout: LIVE_STATE_TIMEOUT });
    await home.close();
  });

  test('Stop ends playback for the listener and the set for the DJ', async () => {
    await listenerPage.getByTestId('stop-button').click();
    await expect(listenerState()).toHaveAttribute('data-state', 'idle');
    await expect(listenerPage.getByTestId('play-button')).toBeVisible();
    await expect.poll(() => toneProminence(listenerPage)).toBe(0);

    await djPage.getByTestId('stop-broadcast-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'idle');
    const home = await listenerPage.context().newPage();
    await home.goto(`/?q=${slug}`);
    await expect(card(home)).toHaveAttribute('data-live', 'false', { timeout: LIVE_STATE_TIMEOUT });
    await home.close();
  });
});
