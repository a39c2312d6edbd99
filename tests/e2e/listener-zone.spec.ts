import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { ChannelSummary } from '../../src/types/channel';
import { createDj, listDj, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

const CHANNEL_ZONE = 'Europe/Berlin';
const LISTENER_ZONE = 'America/New_York';
/** Live state reaches pages through webhooks and the event stream. */
const LIVE_STATE_TIMEOUT = 25_000;
const LOCAL = "yyyy-MM-dd'T'HH:mm:ss";

/** What a test may read back from the page: the Media Session handlers the app registered (init script below). */
type MediaWindow = { mediaHandlers: Record<string, (() => void) | null> };

test.describe.configure({ mode: 'serial' });

test.describe('listener page in the listener’s time zone, tab title and Media Session', () => {
  const suffix = uniqueSuffix();
  const slug = `zone-${suffix}`;
  const channelName = `Zone ${suffix}`;
  const dj = { name: `DJ Zone ${suffix}`, email: `zone-dj-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  // A slot running now (two hours from a minute ago) and a one-off five weeks away, both in Berlin time.
  const nowStart = DateTime.now().setZone(CHANNEL_ZONE).minus({ minutes: 1 }).startOf('second');
  const nowEnd = nowStart.plus({ hours: 2 });
  const farStart = DateTime.now().setZone(CHANNEL_ZONE).plus({ days: 35 }).set({ hour: 22, minute: 0, second: 0, millisecond: 0 });
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let listener: Page;
  let djPage: Page;

  async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  }

  test.beforeAll(async ({ browser }) => {
    const admin = await (await newContext(browser)).newPage();
    await signIn(admin, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
    const channel = await adminPost<ChannelSummary>(admin.request, '/api/admin/channels', {
      name: channelName,
      slug,
      description: 'A Berlin channel heard from New York.',
      timeZone: CHANNEL_ZONE,
    });
    const djId = await createDj(admin.request, dj);
    await listDj(admin.request, channel.id, djId);
    const slot = (title: string, start: DateTime, seconds: number) => ({
      title,
      start: start.toFormat(LOCAL),
      durationSeconds: seconds,
      hostIds: [djId],
    });
    await adminPost(admin.request, `/api/admin/channels/${channel.id}/slots`, slot('Zone Now Show', nowStart, 2 * 3600));
    await adminPost(admin.request, `/api/admin/channels/${channel.id}/slots`, slot('Zone Far Show', farStart, 3600));

    djPage = await (await newContext(browser)).newPage();
    await signIn(djPage, dj, `/dj/${slug}`);

    const listenerContext = await newContext(browser, { timezoneId: LISTENER_ZONE, locale: 'en-US' });
    // Records the handlers the app gives the Media Session, so the test can press them as a headset would.
    await listenerContext.addInitScript(() => {
      const handlers: MediaWindow['mediaHandlers'] = {};
      (window as unknown as MediaWindow).mediaHandlers = handlers;
      const set = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
      navigator.mediaSession.setActionHandler = (action, handler) => {
        handlers[action] = handler as (() => void) | null;
        set(action, handler);
      };
    });
    listener = await listenerContext.newPage();
    listener.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    listener.on('pageerror', (e) => errors.push(e.message));
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('server render is labelled with the channel zone; the browser then shows the listener zone, without hydration errors', async () => {
    // The server cannot know the listener's zone: its HTML shows the channel's, and says so.
    const html = await (await listener.request.get(`/c/${slug}`)).text();
    expect(html).toMatch(/data-testid="schedule-zone" data-zone="Europe\/Berlin" data-yours="false"/);

    await listener.goto(`/c/${slug}`);
    const label = listener.getByTestId('schedule-zone');
    await expect(label).toHaveAttribute('data-yours', 'true');
    await expect(label).toHaveText(`Times in your zone, ${LISTENER_ZONE}. The channel keeps ${CHANNEL_ZONE} time.`);

    const inNy = (t: DateTime) => t.setZone(LISTENER_ZONE);
    await expect(listener.getByTestId('schedule-now')).toContainText(
      `Zone Now Show · ${dj.name} · until ${inNy(nowEnd).toFormat('HH:mm')}`,
    );
    // "Next" looks past the coming week: the one-off five weeks away, in New York time, with Berlin's clock beside it.
    const far = inNy(farStart);
    const farText = far.toFormat(far.year === DateTime.now().setZone(LISTENER_ZONE).year ? 'ccc d LLL, HH:mm' : 'ccc d LLL yyyy, HH:mm');
    const next = listener.getByTestId('schedule-next');
    await expect(next).toContainText(`Zone Far Show · ${dj.name} · ${farText}`);
    await expect(next).toContainText(`(${farStart.toFormat('HH:mm')} in ${CHANNEL_ZONE})`);
    expect(far.toFormat('HH:mm')).not.toBe(farStart.toFormat('HH:mm'));

    // Off air, the tab carries the page's own title.
    await expect(listener).toHaveTitle(new RegExp(`^${channelName}`));
    // A 404 (the favicon) is the only console error allowed; a hydration mismatch would be reported here.
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  test('the tab title follows who is on air, live from the event stream', async () => {
    await djPage.goto(`/dj/${slug}`);
    await djPage.getByTestId('go-live-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
    await expect(listener).toHaveTitle(`● ${dj.name} on ${channelName}`, { timeout: LIVE_STATE_TIMEOUT });
  });

  test('while playing, the Media Session names show, DJ and channel, and its handlers drive the player', async () => {
    const status = listener.getByTestId('listener-status');
    const session = () =>
      listener.evaluate(() => {
        const { metadata, playbackState } = navigator.mediaSession;
        return {
          playbackState,
          metadata: metadata && {
            title: metadata.title,
            artist: metadata.artist,
            album: metadata.album,
            artwork: metadata.artwork.map((a) => a.src),
          },
        };
      });
    const press = (action: string) => listener.evaluate((a) => (window as unknown as MediaWindow).mediaHandlers[a]?.(), action);

    expect((await session()).metadata).toBeNull();
    await listener.getByTestId('play-button').click();
    await expect(status).toHaveAttribute('data-state', 'playing', { timeout: LIVE_STATE_TIMEOUT });
    const playing = await session();
    expect(playing).toMatchObject({ playbackState: 'playing', metadata: { title: 'Zone Now Show', artist: dj.name, album: channelName } });
    expect(playing.metadata?.artwork).toEqual([expect.stringMatching(/\/icon\.svg$/)]);

    // A headset's pause stops the live stream (it cannot be paused) and clears the session; play starts it again.
    await press('pause');
    await expect(status).toHaveAttribute('data-state', 'idle');
    expect(await session()).toEqual({ playbackState: 'none', metadata: null });
    await press('play');
    await expect(status).toHaveAttribute('data-state', 'playing', { timeout: LIVE_STATE_TIMEOUT });
    await expect.poll(async () => (await session()).playbackState).toBe('playing');
    await press('stop');
    await expect(status).toHaveAttribute('data-state', 'idle');
  });

  test('the tab title goes back to the channel when the DJ stops', async () => {
    await djPage.getByTestId('stop-broadcast-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'idle');
    await expect(listener).toHaveTitle(new RegExp(`^${channelName}`), { timeout: LIVE_STATE_TIMEOUT });
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});

/** POST as the signed-in admin (the app refuses cookie-carrying writes without its Origin); expects 201. */
async function adminPost<T>(request: APIRequestContext, path: string, data: object): Promise<T> {
  const res = await request.post(path, { data, headers: { origin: new URL(requireEnv('APP_URL')).origin } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}
